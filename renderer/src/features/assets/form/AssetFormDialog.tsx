import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  ListSubheader,
  MenuItem,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_STATUSES, HARDWARE_TYPES, isSoftwareType, SOFTWARE_TYPES, type AssetFields } from '@shared/domain/assets';
import { isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useLocations } from '../../locations/locations.store';
import {
  changedFields,
  emptyValues,
  FIELD_ORDER,
  fieldsOf,
  hasProblems,
  noProblems,
  serverProblems,
  validate,
  valuesFromAsset,
  type AssetFormValues,
  type FormField,
  type FormProblems,
} from '../asset-form-model';
import type { AssetFormRequest } from '../asset-form.store';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { HostPicker, type HostOption } from './HostPicker';
import { IpAddressesField } from './IpAddressesField';
import { PlacementFields } from './PlacementFields';
import { useProblemText } from './problem-text';

interface Props {
  request: AssetFormRequest;
  /** Saves; resolves to the asset's id. Throws the server's refusal. */
  onSave(fields: AssetFields, patch: Partial<AssetFields> | null): Promise<string>;
  onClose(): void;
}

/**
 * Create and edit share one dialog. Every rule of the shared schema is
 * checked here first and shown at its field in the user's language; what only
 * core knows (a tag in use, units taken by another device) comes back and is
 * shown at its field as well. Enter submits, Escape cancels.
 */
export function AssetFormDialog({ request, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const titleId = useId();
  const problemText = useProblemText();
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const editing = request.mode === 'edit' ? request.asset : null;

  const [values, setValues] = useState<AssetFormValues>(() => (editing ? valuesFromAsset(editing) : emptyValues(request.mode === 'create' ? request.prefill : {})));
  const [host, setHost] = useState<HostOption | null>(() => {
    const id = editing ? editing.installedOnId : request.mode === 'create' ? (request.prefill.installedOnId ?? null) : null;
    return id ? { id, name: request.hostName ?? id, detail: '' } : null;
  });
  const [attempted, setAttempted] = useState(false);
  const [serverFieldProblems, setServerFieldProblems] = useState<FormProblems>(noProblems);
  const [serverError, setServerError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusTarget, setFocusTarget] = useState<{ field: FormField } | null>(null);

  useEffect(() => {
    if (tree === null) void loadTree();
  }, [tree, loadTree]);

  // Each field's wrapper carries data-field; its focusable part is an input, a textarea or a select's combobox.
  useEffect(() => {
    if (!focusTarget) return;
    const wrapper = formRef.current?.querySelector(`[data-field="${focusTarget.field}"]`);
    wrapper?.querySelector<HTMLElement>('input:not([type="hidden"]):not([aria-hidden="true"]), textarea:not([aria-hidden="true"]), [role="combobox"]')?.focus();
  }, [focusTarget]);

  const checked = validate(values);
  // Before the first submit only problems the user cannot miss later (a bad
  // address chip, a too long text) show; afterwards everything updates live.
  const clientProblems = attempted ? checked.problems : noProblems();
  const problems: FormProblems = {
    fields: { ...clientProblems.fields, ...serverFieldProblems.fields },
    ips: { ...clientProblems.ips, ...serverFieldProblems.ips },
    custom: clientProblems.custom,
  };
  const software = isSoftwareType(values.type);

  function change(patch: Partial<AssetFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setNotice(null);
    setServerError(null);
    // A server refusal is about the value it saw; typing again clears it for those fields.
    setServerFieldProblems((current) => {
      const fields = { ...current.fields };
      for (const key of Object.keys(patch) as FormField[]) delete fields[key];
      if ('rackId' in patch || 'rackUHeight' in patch) delete fields.rackUStart;
      return { ...current, fields, ips: 'managementIps' in patch ? {} : current.ips };
    });
  }

  function focusFirst(found: FormProblems) {
    const ipIndex = Object.keys(found.ips).length > 0 ? 'managementIps' : null;
    const customIndex = Object.keys(found.custom).length > 0 ? 'customFields' : null;
    const first = FIELD_ORDER.find((field) => found.fields[field] !== undefined || field === ipIndex || field === customIndex);
    if (first) setFocusTarget({ field: first });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setServerError(null);
    setNotice(null);
    const result = validate(values);
    if (!result.fields || hasProblems(result.problems)) {
      focusFirst(result.problems);
      return;
    }
    const patch = editing ? changedFields(fieldsOf(editing), result.fields) : null;
    if (patch && Object.keys(patch).length === 0) {
      setNotice(t('assetForm.noChanges'));
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

  const field = (name: FormField & keyof AssetFormValues, options: { required?: boolean; multiline?: boolean; type?: string; width?: number } = {}) => {
    const problem = problemText(problems.fields[name]);
    return (
      <TextField
        fullWidth
        label={t(`assetForm.fields.${name}`)}
        value={values[name] as string}
        onChange={(event) => change({ [name]: event.target.value })}
        required={options.required ?? false}
        multiline={options.multiline ?? false}
        minRows={options.multiline ? 3 : undefined}
        type={options.type ?? 'text'}
        error={problem !== undefined}
        helperText={problem ?? ' '}
        data-field={name}
        autoComplete="off"
        slotProps={options.type === 'date' ? { inputLabel: { shrink: true } } : {}}
      />
    );
  };

  const typeProblem = problemText(problems.fields.type);
  const statusProblem = problemText(problems.fields.status);

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth fullScreen={fullScreen} scroll="paper">
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
        <DialogTitle id={titleId}>{editing ? t('assetForm.editTitle', { name: editing.name }) : t('assetForm.createTitle')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={3}>
            <Section title={t('assetForm.sections.identity')}>
              <Grid container columnSpacing={2}>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <TextField
                    select
                    fullWidth
                    label={t('assetForm.fields.type')}
                    value={values.type}
                    onChange={(event) => change({ type: event.target.value as AssetFormValues['type'] })}
                    error={typeProblem !== undefined}
                    helperText={typeProblem ?? ' '}
                    data-field="type"
                  >
                    <ListSubheader>{t('assetTypes.hardware')}</ListSubheader>
                    {HARDWARE_TYPES.map((type) => (
                      <MenuItem key={type} value={type}>
                        {t(`assetTypes.${type}`)}
                      </MenuItem>
                    ))}
                    <ListSubheader>{t('assetTypes.software')}</ListSubheader>
                    {SOFTWARE_TYPES.map((type) => (
                      <MenuItem key={type} value={type}>
                        {t(`assetTypes.${type}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </Grid>
                <Grid size={{ xs: 12, sm: 8 }}>
                  <TextField
                    fullWidth
                    autoFocus
                    required
                    label={t('assetForm.fields.name')}
                    value={values.name}
                    onChange={(event) => change({ name: event.target.value })}
                    error={problems.fields.name !== undefined}
                    helperText={problemText(problems.fields.name) ?? ' '}
                    data-field="name"
                    autoComplete="off"
                  />
                </Grid>
                <Grid size={{ xs: 12, sm: 4 }}>{field('vendor')}</Grid>
                <Grid size={{ xs: 12, sm: 4 }}>{field('model')}</Grid>
                <Grid size={{ xs: 12, sm: 4 }}>{field('serialNumber')}</Grid>
                <Grid size={{ xs: 12, sm: 8 }}>{field('assetTag')}</Grid>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <TextField
                    select
                    fullWidth
                    label={t('assetForm.fields.status')}
                    value={values.status}
                    onChange={(event) => change({ status: event.target.value as AssetFormValues['status'] })}
                    error={statusProblem !== undefined}
                    helperText={statusProblem ?? ' '}
                    data-field="status"
                  >
                    {ASSET_STATUSES.map((status) => (
                      <MenuItem key={status} value={status}>
                        {t(`assetStatuses.${status}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </Grid>
              </Grid>
            </Section>

            {software ? (
              <Section title={t('assetForm.sections.software')}>
                <Grid container columnSpacing={2}>
                  <Grid size={12}>
                    <HostPicker
                      value={host}
                      onChange={(next) => {
                        setHost(next);
                        change({ installedOnId: next?.id ?? null });
                      }}
                      error={problemText(problems.fields.installedOnId)}
                      data-field="installedOnId"
                      selfId={editing?.id}
                    />
                  </Grid>
                  <Grid size={{ xs: 12, sm: 6 }} sx={{ mt: 2 }}>
                    {field('version')}
                  </Grid>
                  <Grid size={{ xs: 12, sm: 6 }} sx={{ mt: 2 }}>
                    {field('patchLevel')}
                  </Grid>
                </Grid>
              </Section>
            ) : (
              <Section title={t('assetForm.sections.location')}>
                <PlacementFields
                  tree={tree}
                  value={values}
                  onChange={change}
                  problems={problems.fields}
                  selfId={editing?.id}
                />
              </Section>
            )}

            {software ? null : (
              <Section title={t('assetForm.sections.versions')}>
                <Grid container columnSpacing={2}>
                  <Grid size={{ xs: 12, sm: 6 }}>{field('version')}</Grid>
                  <Grid size={{ xs: 12, sm: 6 }}>{field('patchLevel')}</Grid>
                </Grid>
              </Section>
            )}

            <Section title={t('assetForm.sections.network')}>
              <IpAddressesField
                value={values.managementIps}
                onChange={(managementIps) => change({ managementIps })}
                problems={problems.ips}
                listProblem={problems.fields.managementIps}
                data-field="managementIps"
              />
            </Section>

            <Section title={t('assetForm.sections.contract')}>
              <Grid container columnSpacing={2}>
                <Grid size={{ xs: 12, sm: 6 }}>{field('owner')}</Grid>
                <Grid size={{ xs: 12, sm: 6 }}>{field('contact')}</Grid>
                <Grid size={{ xs: 12, sm: 6 }}>{field('purchaseDate', { type: 'date' })}</Grid>
                <Grid size={{ xs: 12, sm: 6 }}>{field('warrantyEnd', { type: 'date' })}</Grid>
              </Grid>
            </Section>

            <Section title={t('assetForm.sections.notes')}>{field('notes', { multiline: true })}</Section>

            <Section title={t('assetForm.sections.custom')}>
              <Box data-field="customFields">
                <CustomFieldsEditor
                  rows={values.customFields}
                  onChange={(customFields) => change({ customFields })}
                  problems={problems.custom}
                  listProblem={problems.fields.customFields}
                />
              </Box>
            </Section>
          </Stack>
        </DialogContent>
        <Stack spacing={1} sx={{ px: 3, pt: 1.5 }}>
          {attempted && hasProblems(problems) ? <Alert severity="warning">{t('assetForm.fixProblems')}</Alert> : null}
          {notice ? <Alert severity="info">{notice}</Alert> : null}
          {serverError ? <ErrorAlert error={serverError} /> : null}
        </Stack>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('assetForm.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {editing ? t('assetForm.save') : t('assetForm.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
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
