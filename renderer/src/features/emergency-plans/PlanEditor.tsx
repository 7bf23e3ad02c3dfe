import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ESCALATION_LEVEL, MAX_PLAN_MINUTES, PLAN_SCENARIOS, PLAN_SEVERITIES, type PlanFieldsInput } from '@shared/domain/emergency-plans';
import { LANGUAGES } from '@shared/domain/profile';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { ConfirmDialog } from '../assets/ConfirmDialog';
import {
  emptyCall,
  emptyContact,
  emptyStep,
  hasProblems,
  planProblems,
  toPlanInput,
  type CallRow,
  type ContactRow,
  type PlanFormValues,
  type PlanProblems,
  type StepRow,
} from './plan-form-model';
import { todayIsoDate } from './plan-format';
import { RowList } from './RowList';
import { ScopeFields } from './ScopeFields';
import { useProblemText } from './use-problem-text';

interface Props {
  heading: string;
  initial: PlanFormValues;
  /** Names of the plan's client and site, in case they were deleted meanwhile. */
  fallback?: { clientName: string; siteName: string | null };
  onSave(input: PlanFieldsInput): Promise<void>;
  onCancel(): void;
}

/**
 * Writing a plan: its scope and summary, then the steps, contacts and call
 * list as ordered lists. Problems show once the user first tries to save, and
 * then follow every keystroke; nothing reaches core until the shared schema
 * accepts it.
 */
export function PlanEditor({ heading, initial, fallback, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const problems = useMemo(() => planProblems(values), [values]);
  const shown: PlanProblems = showProblems ? problems : {};
  const dirty = values !== initial;

  const set = (patch: Partial<PlanFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const problem = (path: string) => problemText(shown[path]);

  const save = async () => {
    setShowProblems(true);
    if (hasProblems(problems)) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(toPlanInput(values));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const cancel = () => (dirty ? setConfirmDiscard(true) : onCancel());

  const text = (path: keyof PlanFormValues & string, label: string, options: { multiline?: boolean; required?: boolean; helper?: string; rows?: number } = {}) => (
    <TextField
      label={label}
      value={values[path] as string}
      onChange={(event) => set({ [path]: event.target.value } as Partial<PlanFormValues>)}
      required={options.required}
      multiline={options.multiline}
      minRows={options.rows}
      fullWidth
      error={!!problem(path)}
      helperText={problem(path) ?? options.helper ?? ' '}
    />
  );

  const contactKeys = values.contacts.map((c) => c.key);

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void save();
        }
      }}
    >
      <PageHeader
        title={heading}
        subtitle={t('plans.editor.saveHint')}
        actions={
          <>
            <Button onClick={cancel} disabled={busy}>
              {t('plans.editor.cancel')}
            </Button>
            <Button type="submit" variant="contained" startIcon={<SaveIcon />} loading={busy}>
              {t('plans.editor.save')}
            </Button>
          </>
        }
      />
      <Stack spacing={2}>
        {showProblems && hasProblems(problems) ? <Alert severity="error">{t('plans.editor.fixProblems')}</Alert> : null}
        {error ? <ErrorAlert title={t('plans.editor.saveFailed')} error={error} /> : null}

        <EditorSection title={t('plans.editor.basics')}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2 }}>
            <Box sx={{ gridColumn: '1 / -1' }}>{text('title', t('plans.fields.title'), { required: true })}</Box>
            <ScopeFields
              clientId={values.clientId}
              siteId={values.siteId}
              onChange={(scope) => set(scope)}
              clientProblem={problem('clientId')}
              siteProblem={problem('siteId')}
              {...(fallback ? { fallback } : {})}
            />
            <TextField select label={t('plans.fields.scenario')} value={values.scenario} onChange={(e) => set({ scenario: e.target.value as PlanFormValues['scenario'] })} helperText=" ">
              {PLAN_SCENARIOS.map((scenario) => (
                <MenuItem key={scenario} value={scenario}>
                  {t(`plans.scenarios.${scenario}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label={t('plans.fields.severity')} value={values.severity} onChange={(e) => set({ severity: e.target.value as PlanFormValues['severity'] })} helperText=" ">
              {PLAN_SEVERITIES.map((severity) => (
                <MenuItem key={severity} value={severity}>
                  {t(`plans.severities.${severity}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('plans.fields.language')}
              value={values.language}
              onChange={(e) => set({ language: e.target.value as PlanFormValues['language'] })}
              helperText={t('plans.editor.languageHelp')}
            >
              {LANGUAGES.map((language) => (
                <MenuItem key={language} value={language}>
                  {t(`plans.languages.${language}`)}
                </MenuItem>
              ))}
            </TextField>
            {text('version', t('plans.fields.version'), { required: true })}
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                type="date"
                label={t('plans.fields.reviewedAt')}
                value={values.reviewedAt}
                onChange={(event) => set({ reviewedAt: event.target.value })}
                fullWidth
                error={!!problem('reviewedAt')}
                helperText={problem('reviewedAt') ?? t('plans.editor.reviewedAtHelp')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <Button onClick={() => set({ reviewedAt: todayIsoDate() })} sx={{ mt: 1, whiteSpace: 'nowrap' }}>
                {t('plans.editor.today')}
              </Button>
            </Stack>
            <Box sx={{ gridColumn: '1 / -1' }}>{text('triggerConditions', t('plans.fields.triggerConditions'), { multiline: true, rows: 3, helper: t('plans.editor.triggerHelp') })}</Box>
            <Box sx={{ gridColumn: '1 / -1' }}>{text('objective', t('plans.fields.objective'), { multiline: true, rows: 2 })}</Box>
          </Box>
        </EditorSection>

        <EditorSection title={t('plans.reader.steps')}>
          <RowList<StepRow>
            rows={values.steps}
            onChange={(steps) => set({ steps })}
            newRow={emptyStep}
            itemLabel={(index) => t('plans.editor.stepLabel', { n: String(index + 1) })}
            addLabel={t('plans.editor.addStep')}
            emptyText={t('plans.editor.noSteps')}
            problem={problem('steps')}
            renderRow={(step, index, update, autoFocus) => {
              const at = (field: string) => problem(`steps.${index}.${field}`);
              return (
                <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 1fr 1fr' }, columnGap: 2 }}>
                  <TextField label={t('plans.fields.stepTitle')} required autoFocus={autoFocus} value={step.title} onChange={(e) => update({ title: e.target.value })} error={!!at('title')} helperText={at('title') ?? ' '} />
                  <TextField label={t('plans.fields.responsibleRole')} value={step.responsibleRole} onChange={(e) => update({ responsibleRole: e.target.value })} error={!!at('responsibleRole')} helperText={at('responsibleRole') ?? ' '} />
                  <TextField
                    label={t('plans.fields.expectedMinutes')}
                    type="number"
                    value={step.expectedMinutes}
                    onChange={(e) => update({ expectedMinutes: e.target.value })}
                    error={!!at('expectedMinutes')}
                    helperText={at('expectedMinutes') ?? ' '}
                    slotProps={{ htmlInput: { min: 0, max: MAX_PLAN_MINUTES, step: 1 } }}
                  />
                  <Box sx={{ gridColumn: '1 / -1' }}>
                    <TextField label={t('plans.fields.instructions')} multiline minRows={2} fullWidth value={step.instructions} onChange={(e) => update({ instructions: e.target.value })} error={!!at('instructions')} helperText={at('instructions') ?? ' '} />
                  </Box>
                  <Box sx={{ gridColumn: '1 / -1' }}>
                    <TextField label={t('plans.fields.checkItem')} fullWidth value={step.checkItem} onChange={(e) => update({ checkItem: e.target.value })} error={!!at('checkItem')} helperText={at('checkItem') ?? t('plans.editor.checkItemHelp')} />
                  </Box>
                </Box>
              );
            }}
          />
        </EditorSection>

        <EditorSection title={t('plans.reader.contacts')}>
          <RowList<ContactRow>
            rows={values.contacts}
            onChange={(contacts) => set({ contacts })}
            newRow={() => emptyContact(contactKeys)}
            itemLabel={(index) => t('plans.editor.contactLabel', { n: String(index + 1) })}
            addLabel={t('plans.editor.addContact')}
            emptyText={t('plans.editor.noContacts')}
            problem={problem('contacts')}
            renderRow={(contact, index, update, autoFocus) => {
              const at = (field: string) => problem(`contacts.${index}.${field}`);
              return (
                <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' }, columnGap: 2 }}>
                  <TextField label={t('plans.fields.contactName')} required autoFocus={autoFocus} value={contact.name} onChange={(e) => update({ name: e.target.value })} error={!!at('name')} helperText={at('name') ?? ' '} />
                  <TextField label={t('plans.fields.contactRole')} value={contact.role} onChange={(e) => update({ role: e.target.value })} error={!!at('role')} helperText={at('role') ?? ' '} />
                  <TextField label={t('plans.fields.organisation')} value={contact.organisation} onChange={(e) => update({ organisation: e.target.value })} error={!!at('organisation')} helperText={at('organisation') ?? ' '} />
                  <TextField
                    label={t('plans.fields.phones')}
                    required
                    multiline
                    minRows={2}
                    value={contact.phones}
                    onChange={(e) => update({ phones: e.target.value })}
                    error={!!at('phones')}
                    helperText={at('phones') ?? t('plans.editor.phonesHelp')}
                    slotProps={{ htmlInput: { spellCheck: false, inputMode: 'tel' } }}
                  />
                  <TextField
                    label={t('plans.fields.escalationLevel')}
                    type="number"
                    value={contact.escalationLevel}
                    onChange={(e) => update({ escalationLevel: e.target.value })}
                    error={!!at('escalationLevel')}
                    helperText={at('escalationLevel') ?? t('plans.editor.escalationHelp')}
                    slotProps={{ htmlInput: { min: 1, max: MAX_ESCALATION_LEVEL, step: 1 } }}
                  />
                  <TextField label={t('plans.fields.notes')} multiline value={contact.notes} onChange={(e) => update({ notes: e.target.value })} error={!!at('notes')} helperText={at('notes') ?? at('key') ?? ' '} />
                </Box>
              );
            }}
          />
        </EditorSection>

        <EditorSection title={t('plans.reader.callList')}>
          <RowList<CallRow>
            rows={values.callList}
            onChange={(callList) => set({ callList })}
            newRow={() => emptyCall(values.contacts[0]?.key ?? '', lastMinutes(values.callList))}
            itemLabel={(index) => t('plans.editor.callLabel', { n: String(index + 1) })}
            addLabel={t('plans.editor.addCall')}
            emptyText={t('plans.editor.noCalls')}
            problem={problem('callList')}
            addDisabled={values.contacts.length === 0}
            {...(values.contacts.length === 0 ? { addHint: t('plans.editor.contactsFirst') } : {})}
            renderRow={(call, index, update, autoFocus) => {
              const at = (field: string) => problem(`callList.${index}.${field}`);
              const known = values.contacts.some((c) => c.key === call.contactKey);
              return (
                <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 1fr 2fr' }, columnGap: 2 }}>
                  <TextField
                    select
                    required
                    label={t('plans.fields.callContact')}
                    value={call.contactKey}
                    onChange={(e) => update({ contactKey: e.target.value })}
                    error={!!at('contactKey')}
                    helperText={at('contactKey') ?? ' '}
                    slotProps={{ htmlInput: { autoFocus } }}
                  >
                    {known ? null : (
                      <MenuItem value={call.contactKey} disabled>
                        {t('plans.reader.unknownContact')}
                      </MenuItem>
                    )}
                    {values.contacts.map((contact, i) => (
                      <MenuItem key={contact.uid} value={contact.key}>
                        {contact.name || t('plans.editor.contactLabel', { n: String(i + 1) })}
                        {contact.role ? ` · ${contact.role}` : ''}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    label={t('plans.fields.afterMinutes')}
                    type="number"
                    value={call.afterMinutes}
                    onChange={(e) => update({ afterMinutes: e.target.value })}
                    error={!!at('afterMinutes')}
                    helperText={at('afterMinutes') ?? t('plans.editor.afterMinutesHelp')}
                    slotProps={{ htmlInput: { min: 0, max: MAX_PLAN_MINUTES, step: 1 } }}
                  />
                  <TextField label={t('plans.fields.callNote')} value={call.note} onChange={(e) => update({ note: e.target.value })} error={!!at('note')} helperText={at('note') ?? ' '} />
                </Box>
              );
            }}
          />
        </EditorSection>

        <EditorSection title={t('plans.fields.strategies')}>
          <TextField
            label={t('plans.fields.strategies')}
            multiline
            minRows={8}
            fullWidth
            value={values.strategies}
            onChange={(e) => set({ strategies: e.target.value })}
            error={!!problem('strategies')}
            helperText={problem('strategies') ?? t('plans.editor.strategiesHelp')}
            slotProps={{ htmlInput: { sx: { fontFamily: 'monospace' } } }}
          />
        </EditorSection>
      </Stack>
      {confirmDiscard ? (
        <ConfirmDialog
          title={t('plans.editor.discardTitle')}
          body={t('plans.editor.discardBody')}
          confirmLabel={t('plans.editor.discard')}
          cancelLabel={t('plans.editor.keepEditing')}
          onConfirm={async () => onCancel()}
          onClose={() => setConfirmDiscard(false)}
        />
      ) : null}
    </Box>
  );
}

function lastMinutes(calls: CallRow[]): string {
  return calls.at(-1)?.afterMinutes ?? '0';
}

function EditorSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: { xs: 2, md: 3 } }}>
      <Typography id={headingId} variant="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
