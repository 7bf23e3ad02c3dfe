import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Grid,
  MenuItem,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, type IncidentFields, type IncidentPatch } from '@shared/domain/incidents';
import { LEVELS, PRIORITIES, priorityFrom, SYSTEM_DOWN_DEFAULTS } from '@shared/domain/sla';
import { isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useAssetLabels, useAssetNames } from '../../assets/asset-names.store';
import { PriorityChip } from '../IncidentBadges';
import { AssetsPicker } from '../../assets/AssetsPicker';
import {
  changedFields,
  effectivePriority,
  emptyValues,
  FIELD_ORDER,
  serverProblems,
  validate,
  valuesFromIncident,
  type FieldProblem,
  type FormProblems,
  type IncidentFormField,
  type IncidentFormValues,
} from './incident-form-model';
import type { IncidentFormRequest } from './incident-form.store';
import { ArticlePanel } from './ArticlePanel';
import type { ArticleSuggestion } from '@shared/domain/knowledge';
import { KnowledgeSuggestions } from './KnowledgeSuggestions';
import { LocationPicker } from './LocationPicker';

interface Props {
  request: IncidentFormRequest;
  /** What was typed before the form was set aside, if it was. */
  initialValues?: IncidentFormValues | null;
  /** Saves; throws the server's refusal. `patch` is null when recording a new incident. */
  onSave(fields: IncidentFields, patch: IncidentPatch | null): Promise<void>;
  onClose(): void;
  /** Leaves the form for a suggested article, keeping what was typed. */
  onOpenArticle(values: IncidentFormValues, articleId: string): void;
}

/**
 * Recording and editing share one dialog. The shared schema is checked here
 * first and every problem is shown at its field in the user's language;
 * what only core knows comes back and is placed at its field too. The
 * priority follows impact × urgency live unless set by hand with a reason.
 * Enter in a one-line field submits, Escape cancels.
 */
export function IncidentFormDialog({ request, initialValues = null, onSave, onClose, onOpenArticle }: Props) {
  const { t } = useTranslation();
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const titleId = useId();
  const editing = request.mode === 'edit' ? request.incident : null;

  const [values, setValues] = useState<IncidentFormValues>(
    () => initialValues ?? (editing ? valuesFromIncident(editing, Object.values(useAssetNames.getState().byId)) : emptyValues(Date.now(), request.mode === 'create' ? request.prefill : {})),
  );
  const [attempted, setAttempted] = useState(false);
  const [serverFieldProblems, setServerFieldProblems] = useState<FormProblems>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [article, setArticle] = useState<ArticleSuggestion | null>(null);
  // "Now" for the reported-time check, renewed with every edit (render must not read the clock).
  const [now, setNow] = useState(() => Date.now());
  const [focusTarget, setFocusTarget] = useState<{ field: IncidentFormField } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!focusTarget) return;
    const wrapper = formRef.current?.querySelector(`[data-field="${focusTarget.field}"]`);
    const target = wrapper?.matches('input, textarea') ? (wrapper as HTMLElement) : wrapper?.querySelector<HTMLElement>('input:not([type="hidden"]):not([aria-hidden="true"]), textarea:not([aria-hidden="true"]), [role="combobox"]');
    target?.focus();
  }, [focusTarget]);

  // Names of assets may arrive after the dialog opened (an edited incident's); show them once they do.
  const assetIds = values.assets.map((asset) => asset.id);
  const labels = useAssetLabels(assetIds);
  const assets = useMemo(() => {
    const byId = new Map(labels.map((label) => [label.id, label]));
    return values.assets.map((asset) => byId.get(asset.id) ?? asset);
  }, [labels, values.assets]);

  const checked = validate(values, now, editing ? 'edit' : 'create');
  // Before the first submit only what cannot wait shows (a text too long); afterwards every problem updates live.
  const clientProblems: FormProblems = attempted ? checked.problems : onlyTooLong(checked.problems);
  const problems: FormProblems = { ...clientProblems, ...serverFieldProblems };
  const problemText = (field: IncidentFormField): string | undefined => {
    const problem: FieldProblem | undefined = problems[field];
    return problem ? t(`incidents.form.problems.${problem.key}`, { ...problem.values }) : undefined;
  };

  const matrixPriority = priorityFrom(values.impact, values.urgency);
  const priority = effectivePriority(values);
  const derivedPath = assets.find((asset) => asset.roomPath !== '')?.roomPath ?? null;

  function change(patch: Partial<IncidentFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setNow(Date.now());
    setNotice(null);
    setServerError(null);
    setServerFieldProblems((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as IncidentFormField[]) delete next[key];
      return next;
    });
  }

  function focusFirst(found: FormProblems) {
    const first = FIELD_ORDER.find((field) => found[field] !== undefined);
    if (first) setFocusTarget({ field: first });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setServerError(null);
    setNotice(null);
    const submittedAt = Date.now();
    setNow(submittedAt);
    const result = validate(values, submittedAt, editing ? 'edit' : 'create');
    if (!result.fields) {
      focusFirst(result.problems);
      return;
    }
    const patch = editing ? changedFields(editing, result.fields) : null;
    if (patch && Object.keys(patch).length === 0) {
      setNotice(t('incidents.form.noChanges'));
      return;
    }
    setBusy(true);
    try {
      await onSave(result.fields, patch);
      onClose();
    } catch (error) {
      setBusy(false);
      const mapped = isApiClientError(error) ? serverProblems(error.apiError) : null;
      if (mapped) {
        setServerFieldProblems(mapped);
        focusFirst(mapped);
      } else setServerError(error);
    }
  }

  const text = (field: 'title' | 'description' | 'reporterName' | 'reporterContact' | 'assignee' | 'priorityReason', options: { required?: boolean; multiline?: boolean; autoFocus?: boolean; helper?: string } = {}) => {
    const problem = problemText(field);
    return (
      <TextField
        fullWidth
        label={t(`incidents.fields.${field}`)}
        value={values[field]}
        onChange={(event) => change({ [field]: event.target.value })}
        required={options.required ?? false}
        multiline={options.multiline ?? false}
        minRows={options.multiline ? 3 : undefined}
        autoFocus={options.autoFocus ?? false}
        error={problem !== undefined}
        helperText={problem ?? options.helper ?? ' '}
        slotProps={{ htmlInput: { 'data-field': field } }}
        autoComplete="off"
      />
    );
  };

  const select = <V extends string>(field: 'category' | 'impact' | 'urgency', value: V | '', choices: readonly V[], label: (value: V) => string) => {
    const problem = problemText(field);
    return (
      <TextField
        select
        fullWidth
        required
        label={t(`incidents.fields.${field}`)}
        value={value}
        onChange={(event) => change({ [field]: event.target.value })}
        error={problem !== undefined}
        helperText={problem ?? ' '}
        data-field={field}
      >
        {choices.map((choice) => (
          <MenuItem key={choice} value={choice}>
            {label(choice)}
          </MenuItem>
        ))}
      </TextField>
    );
  };

  const rules = SYSTEM_DOWN_DEFAULTS;
  const reportedAtProblem = problemText('reportedAt');

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth fullScreen={fullScreen} scroll="paper">
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{editing ? t('incidents.form.editTitle', { number: editing.number }) : t('incidents.form.createTitle')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={3}>
            <Section title={t('incidents.form.sections.what')}>
              <Grid container columnSpacing={2}>
                <Grid size={12}>{text('title', { required: true, autoFocus: true })}</Grid>
                <Grid size={12}>{text('description', { multiline: true })}</Grid>
                {editing ? null : (
                  <Grid size={12}>
                    <KnowledgeSuggestions title={values.title} description={values.description} assets={assets} onOpen={setArticle} />
                  </Grid>
                )}
                <Grid size={{ xs: 12, sm: 4 }} sx={{ mt: 1 }}>
                  {select('category', values.category, INCIDENT_CATEGORIES, (category) => t(`incidents.categories.${category}`))}
                </Grid>
              </Grid>
            </Section>

            <Section title={t('incidents.form.sections.priority')}>
              <Grid container columnSpacing={2}>
                <Grid size={{ xs: 12, sm: 4 }}>{select('impact', values.impact, LEVELS, (level) => t(`incidents.impactLevels.${level}`))}</Grid>
                <Grid size={{ xs: 12, sm: 4 }}>{select('urgency', values.urgency, LEVELS, (level) => t(`incidents.urgencyLevels.${level}`))}</Grid>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 56 }} role="status" aria-live="polite">
                    <Typography variant="body2" color="text.secondary">
                      {t('incidents.form.priorityIs')}
                    </Typography>
                    <PriorityChip priority={priority} overridden={values.override} size="medium" />
                  </Stack>
                </Grid>
                <Grid size={12}>
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={values.override}
                        onChange={(event) => change({ override: event.target.checked, ...(event.target.checked ? { priorityOverride: matrixPriority } : { priorityReason: '' }) })}
                        slotProps={{ input: { 'data-field': 'override' } as object }}
                      />
                    }
                    label={t('incidents.form.override', { priority: matrixPriority })}
                  />
                </Grid>
                {values.override ? (
                  <>
                    <Grid size={{ xs: 12, sm: 4 }} sx={{ mt: 1 }}>
                      <TextField
                        select
                        fullWidth
                        label={t('incidents.fields.priorityOverride')}
                        value={values.priorityOverride}
                        onChange={(event) => change({ priorityOverride: event.target.value as IncidentFormValues['priorityOverride'] })}
                        helperText=" "
                        data-field="priorityOverride"
                      >
                        {PRIORITIES.map((choice) => (
                          <MenuItem key={choice} value={choice}>
                            {t('incidents.priorityOption', { priority: choice, name: t(`incidents.priorities.${choice}`) })}
                          </MenuItem>
                        ))}
                      </TextField>
                    </Grid>
                    <Grid size={{ xs: 12, sm: 8 }} sx={{ mt: 1 }}>
                      {text('priorityReason', { required: true })}
                    </Grid>
                  </>
                ) : null}
                <Grid size={12}>
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={values.systemDown}
                        onChange={(event) => change({ systemDown: event.target.checked })}
                        slotProps={{ input: { 'data-field': 'systemDown' } as object }}
                      />
                    }
                    label={t('incidents.fields.systemDown')}
                  />
                  {values.systemDown ? (
                    <Alert severity="warning" sx={{ mt: 1 }}>
                      {t('incidents.form.systemDownRule', { fix: rules.fixHours, workaround: rules.workaroundHours, report: rules.faultReportHours })}
                    </Alert>
                  ) : null}
                </Grid>
              </Grid>
            </Section>

            <Section title={t('incidents.form.sections.where')}>
              <Grid container columnSpacing={2} rowSpacing={1}>
                <Grid size={12}>
                  <AssetsPicker label={t('incidents.fields.assetIds')} field="assets" value={assets} onChange={(assets) => change({ assets })} error={problemText('assets')} />
                </Grid>
                <Grid size={12}>
                  <LocationPicker value={values.locationId} onChange={(locationId) => change({ locationId })} derivedPath={derivedPath} error={problemText('locationId')} />
                </Grid>
              </Grid>
            </Section>

            <Section title={t('incidents.form.sections.who')}>
              <Grid container columnSpacing={2}>
                <Grid size={{ xs: 12, sm: 6 }}>{text('reporterName', { required: true })}</Grid>
                <Grid size={{ xs: 12, sm: 6 }}>{text('reporterContact', { helper: t('incidents.form.contactHelp') })}</Grid>
                <Grid size={{ xs: 12, sm: 6 }}>{text('assignee')}</Grid>
                {editing ? null : (
                  <Grid size={{ xs: 12, sm: 6 }}>
                    <TextField
                      fullWidth
                      required
                      type="datetime-local"
                      label={t('incidents.fields.reportedAt')}
                      value={values.reportedAt}
                      onChange={(event) => change({ reportedAt: event.target.value })}
                      error={reportedAtProblem !== undefined}
                      helperText={reportedAtProblem ?? t('incidents.form.reportedAtHelp')}
                      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-field': 'reportedAt' } }}
                    />
                  </Grid>
                )}
              </Grid>
            </Section>
          </Stack>
        </DialogContent>
        <Stack spacing={1} sx={{ px: 3, pt: 1.5 }}>
          {attempted && Object.keys(problems).length > 0 ? <Alert severity="warning">{t('incidents.form.fixProblems')}</Alert> : null}
          {notice ? <Alert severity="info">{notice}</Alert> : null}
          {serverError ? <ErrorAlert error={serverError} /> : null}
        </Stack>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('incidents.form.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {editing ? t('incidents.form.save') : t('incidents.form.create')}
          </Button>
        </DialogActions>
      </form>
      {article ? <ArticlePanel suggestion={article} onClose={() => setArticle(null)} onOpenArticle={() => onOpenArticle(values, article.id)} /> : null}
    </Dialog>
  );
}

function onlyTooLong(problems: FormProblems): FormProblems {
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem?.key === 'tooLong'));
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="subtitle2" component="h3" color="text.secondary" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}
