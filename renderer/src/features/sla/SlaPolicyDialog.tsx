import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority, type SlaPolicy } from '@shared/domain/sla';
import { isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { DateListField } from './DateListField';
import { fieldsFromForm, formFromPolicy, formProblems, type DurationInput, type Problem, type Problems, type SlaPolicyForm } from './sla-policy-form';
import { weekdayName } from './sla-summary';

export interface ClientOption {
  id: string;
  name: string;
}

interface Props {
  /** The policy to edit; null for a new client policy. */
  policy: SlaPolicy | null;
  clients: readonly ClientOption[];
  /** Clients that have a policy already (other than this one): offered but marked, and refused on save. */
  takenClientIds: ReadonlySet<string>;
  onSave(input: { id?: string; fields: NonNullable<ReturnType<typeof fieldsFromForm>> }): Promise<void>;
  onClose(): void;
}

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Every zone this runtime knows, for the picker; typing any other name is allowed and checked. */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'UTC'];
  }
}

/**
 * Create or edit an SLA policy. Problems are shown next to their input after
 * the first Save (and then as the user fixes them); what only core knows (a
 * client that got a policy meanwhile) comes back with its field and is shown
 * there too. Rendered only while open, so each opening starts fresh.
 */
export function SlaPolicyDialog({ policy, clients, takenClientIds, onSave, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const isDefault = policy !== null && policy.clientId === null;
  const [form, setForm] = useState<SlaPolicyForm>(() => formFromPolicy(policy, isDefault));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const zones = useMemo(() => timeZones(), []);

  const problems: Problems = useMemo(() => {
    const found = formProblems(form);
    if (!form.isDefault && form.clientId !== null && takenClientIds.has(form.clientId)) found['clientId'] = { key: 'invalid' };
    return found;
  }, [form, takenClientIds]);
  const problemText = (field: string): string | null => {
    const problem = problems[field];
    if (field === 'clientId' && problem?.key === 'invalid') return t('sla.problems.duplicateClient');
    return attempted && problem ? describe(problem) : null;
  };
  const describe = (problem: Problem): string => {
    switch (problem.key) {
      case 'tooLong':
        return t('sla.problems.tooLong', { max: problem.max });
      case 'date':
        return t('sla.problems.date', { value: problem.value });
      case 'bothLists':
        return t('sla.problems.bothLists', { date: problem.date });
      default:
        return t(`sla.problems.${problem.key}`);
    }
  };
  const set = (patch: Partial<SlaPolicyForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setServerError(null);
  };
  const setTarget = (priority: Priority, patch: Partial<SlaPolicyForm['targets'][Priority]>) =>
    set({ targets: { ...form.targets, [priority]: { ...form.targets[priority], ...patch } } });

  async function submit(event: FormEvent<HTMLElement>) {
    event.preventDefault();
    setAttempted(true);
    const fields = fieldsFromForm(form);
    if (!fields || Object.keys(problems).length > 0) {
      focusFirstProblem(event.currentTarget, Object.keys(problems));
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      await onSave(policy ? { id: policy.id, fields } : { fields });
      onClose();
    } catch (error) {
      setServerError(error);
      setBusy(false);
    }
  }

  // A refusal that names a field is shown at that field as well as in the alert.
  const refusal = isApiClientError(serverError) ? { code: serverError.code, field: (serverError.details as { field?: string } | undefined)?.field } : null;
  const fieldError = (field: string) => problemText(field) ?? (refusal && refusal.field === field ? t(`errors.${refusal.code}`) : null);
  const clientValue = clients.find((client) => client.id === form.clientId) ?? null;
  const title = policy === null ? t('sla.dialog.createTitle') : isDefault ? t('sla.dialog.editDefaultTitle') : t('sla.dialog.editTitle');

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      {/* A flex column, so the content scrolls between a fixed title and fixed buttons. */}
      <Box component="form" noValidate onSubmit={(event: FormEvent<HTMLElement>) => void submit(event)} sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={3}>
            <Section title={t('sla.dialog.general')}>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                  label={t('sla.dialog.name')}
                  value={form.name}
                  onChange={(event) => set({ name: event.target.value })}
                  required
                  fullWidth
                  autoFocus
                  autoComplete="off"
                  error={fieldError('name') !== null}
                  helperText={fieldError('name') ?? ' '}
                  slotProps={{ htmlInput: { 'data-field': 'name' } }}
                />
                {isDefault ? (
                  <TextField label={t('sla.dialog.client')} value={t('sla.allClients')} fullWidth disabled helperText={t('sla.dialog.defaultClientHelp')} />
                ) : (
                  <Autocomplete<ClientOption>
                    fullWidth
                    options={[...clients]}
                    value={clientValue}
                    onChange={(_event, next) => set({ clientId: next?.id ?? null })}
                    getOptionLabel={(option) => option.name}
                    isOptionEqualToValue={(option, value) => option.id === value.id}
                    getOptionDisabled={(option) => takenClientIds.has(option.id)}
                    noOptionsText={t('sla.dialog.noClients')}
                    renderInput={(params) => (
                      <TextField
                        {...params}
                        label={t('sla.dialog.client')}
                        required
                        error={fieldError('clientId') !== null}
                        helperText={fieldError('clientId') ?? t('sla.dialog.clientHelp')}
                        slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-field': 'clientId' } }}
                      />
                    )}
                  />
                )}
              </Stack>
            </Section>

            <Section title={t('sla.dialog.calendar')}>
              <Stack spacing={2}>
                <FormControl>
                  <FormLabel id={`${titleId}-kind`}>{t('sla.dialog.calendarKind')}</FormLabel>
                  <RadioGroup row aria-labelledby={`${titleId}-kind`} value={form.calendarKind} onChange={(event) => set({ calendarKind: event.target.value as SlaPolicyForm['calendarKind'] })}>
                    <FormControlLabel value="business" control={<Radio />} label={t('sla.dialog.kinds.business')} />
                    <FormControlLabel value="24x7" control={<Radio />} label={t('sla.dialog.kinds.24x7')} />
                  </RadioGroup>
                </FormControl>
                {form.calendarKind === 'business' ? (
                  <Stack spacing={2}>
                    <FormControl error={fieldError('weekdays') !== null}>
                      <FormLabel id={`${titleId}-weekdays`}>{t('sla.dialog.weekdays')}</FormLabel>
                      <ToggleButtonGroup
                        aria-labelledby={`${titleId}-weekdays`}
                        value={form.weekdays}
                        onChange={(_event, next: number[]) => set({ weekdays: [...next].sort((a, b) => a - b) })}
                        size="small"
                        sx={{ flexWrap: 'wrap', mt: 0.5 }}
                        data-field="weekdays"
                      >
                        {ISO_WEEKDAYS.map((day) => (
                          <ToggleButton key={day} value={day} sx={{ minWidth: 52 }}>
                            {weekdayName(day, i18n.language)}
                          </ToggleButton>
                        ))}
                      </ToggleButtonGroup>
                      <FormHelperText>{fieldError('weekdays') ?? ' '}</FormHelperText>
                    </FormControl>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                      <Autocomplete<string, false, false, true>
                        freeSolo
                        autoSelect
                        options={zones}
                        value={form.timeZone}
                        onChange={(_event, next) => set({ timeZone: next ?? '' })}
                        onInputChange={(_event, next, reason) => {
                          if (reason === 'input') set({ timeZone: next });
                        }}
                        sx={{ flex: 2 }}
                        renderInput={(params) => (
                          <TextField
                            {...params}
                            label={t('sla.dialog.timeZone')}
                            required
                            error={fieldError('timeZone') !== null}
                            helperText={fieldError('timeZone') ?? ' '}
                            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false, 'data-field': 'timeZone' } }}
                          />
                        )}
                      />
                      <ClockField label={t('sla.dialog.start')} value={form.start} onChange={(start) => set({ start })} error={fieldError('start')} field="start" />
                      <ClockField label={t('sla.dialog.end')} value={form.end} onChange={(end) => set({ end })} error={fieldError('end')} field="end" help={t('sla.dialog.endHelp')} />
                    </Stack>
                    <DateListField
                      label={t('sla.dialog.holidays')}
                      help={t('sla.dialog.holidaysHelp')}
                      value={form.holidays}
                      onChange={(holidays) => set({ holidays })}
                      problem={fieldError('holidays')}
                      field="holidays"
                    />
                    <DateListField
                      label={t('sla.dialog.extraWorkdays')}
                      help={t('sla.dialog.extraWorkdaysHelp')}
                      value={form.extraWorkdays}
                      onChange={(extraWorkdays) => set({ extraWorkdays })}
                      problem={fieldError('extraWorkdays')}
                      field="extraWorkdays"
                    />
                  </Stack>
                ) : null}
              </Stack>
            </Section>

            <Section title={t('sla.dialog.targets')} help={t('sla.dialog.targetsHelp')}>
              <Box
                role="group"
                aria-label={t('sla.dialog.targets')}
                sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr) minmax(0, 1fr) max-content', columnGap: 2, rowGap: 1, alignItems: 'start' }}
              >
                <Typography variant="caption" color="text.secondary">
                  {t('sla.dialog.priority')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('sla.dialog.response')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('sla.dialog.resolution')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('sla.dialog.allDay')}
                </Typography>
                {PRIORITIES.map((priority) => (
                  <TargetRow
                    key={priority}
                    priority={priority}
                    target={form.targets[priority]}
                    onChange={(patch) => setTarget(priority, patch)}
                    responseError={fieldError(`targets.${priority}.response`)}
                    resolutionError={fieldError(`targets.${priority}.resolution`)}
                  />
                ))}
              </Box>
            </Section>

            <Section title={t('sla.dialog.rules')}>
              <Stack spacing={2}>
                <FormControlLabel
                  control={<Switch checked={form.pauseWhilePending} onChange={(event) => set({ pauseWhilePending: event.target.checked })} />}
                  label={t('sla.dialog.pauseWhilePending')}
                />
                <NumberField
                  label={t('sla.dialog.atRiskPercent')}
                  value={form.atRiskPercent}
                  onChange={(atRiskPercent) => set({ atRiskPercent })}
                  error={fieldError('atRiskPercent')}
                  field="atRiskPercent"
                />
                <Box>
                  <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600 }}>
                    {t('sla.dialog.systemDown')}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                    {t('sla.dialog.systemDownHelp')}
                  </Typography>
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                    {(['fixHours', 'workaroundHours', 'faultReportHours'] as const).map((field) => (
                      <NumberField key={field} label={t(`sla.dialog.${field}`)} value={form[field]} onChange={(value) => set({ [field]: value } as Pick<SlaPolicyForm, typeof field>)} error={fieldError(field)} field={field} decimal />
                    ))}
                  </Stack>
                </Box>
              </Stack>
            </Section>
            {serverError ? <ErrorAlert error={serverError} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('sla.dialog.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('sla.dialog.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <Box component="section">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {help}
        </Typography>
      ) : (
        <Box sx={{ mb: 1.5 }} />
      )}
      {children}
    </Box>
  );
}

function ClockField({ label, value, onChange, error, field, help }: { label: string; value: string; onChange(value: string): void; error: string | null; field: string; help?: string }) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      placeholder="09:00"
      error={error !== null}
      helperText={error ?? help ?? ' '}
      sx={{ flex: 1, minWidth: 110 }}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5, spellCheck: false, autoComplete: 'off', 'data-field': field } }}
    />
  );
}

function NumberField({ label, value, onChange, error, field, decimal = false }: { label: string; value: string; onChange(value: string): void; error: string | null; field: string; decimal?: boolean }) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      error={error !== null}
      helperText={error ?? ' '}
      sx={{ maxWidth: 260 }}
      slotProps={{ htmlInput: { inputMode: decimal ? 'decimal' : 'numeric', autoComplete: 'off', 'data-field': field } }}
    />
  );
}

function TargetRow({
  priority,
  target,
  onChange,
  responseError,
  resolutionError,
}: {
  priority: Priority;
  target: SlaPolicyForm['targets'][Priority];
  onChange(patch: Partial<SlaPolicyForm['targets'][Priority]>): void;
  responseError: string | null;
  resolutionError: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Typography sx={{ fontWeight: 700, pt: 1 }}>{priority}</Typography>
      <DurationField
        label={t('sla.dialog.responseLabel', { priority })}
        value={target.response}
        onChange={(response) => onChange({ response })}
        error={responseError}
        field={`targets.${priority}.response`}
      />
      <DurationField
        label={t('sla.dialog.resolutionLabel', { priority })}
        value={target.resolution}
        onChange={(resolution) => onChange({ resolution })}
        error={resolutionError}
        field={`targets.${priority}.resolution`}
      />
      <Checkbox
        checked={target.allDay}
        onChange={(event) => onChange({ allDay: event.target.checked })}
        slotProps={{ input: { 'aria-label': t('sla.dialog.allDayLabel', { priority }) } }}
      />
    </>
  );
}

function DurationField({ label, value, onChange, error, field }: { label: string; value: DurationInput; onChange(value: DurationInput): void; error: string | null; field: string }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={label}
        value={value.value}
        onChange={(event) => onChange({ ...value, value: event.target.value })}
        size="small"
        required
        error={error !== null}
        helperText={error ?? ' '}
        sx={{ flex: 1, minWidth: 80 }}
        slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off', 'data-field': field } }}
      />
      <TextField
        select
        value={value.unit}
        onChange={(event) => onChange({ ...value, unit: event.target.value as DurationInput['unit'] })}
        size="small"
        sx={{ width: 96 }}
        slotProps={{ htmlInput: { 'aria-label': t('sla.dialog.unitLabel', { field: label }) } }}
      >
        <MenuItem value="min">{t('sla.dialog.units.min')}</MenuItem>
        <MenuItem value="h">{t('sla.dialog.units.h')}</MenuItem>
      </TextField>
    </Stack>
  );
}

/** After a refused Save, the first field with a problem gets focus (in the order the dialog shows them). */
function focusFirstProblem(form: HTMLElement, fields: string[]): void {
  const wanted = new Set(fields);
  const inputs = Array.from(form.querySelectorAll<HTMLElement>('[data-field]'));
  const first = inputs.find((element) => wanted.has(element.dataset['field'] ?? ''));
  const focusable = first && (first.matches('input, button, textarea') ? first : first.querySelector<HTMLElement>('input, button, textarea'));
  focusable?.focus();
}
