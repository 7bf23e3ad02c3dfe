import AddIcon from '@mui/icons-material/Add';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, Button, Divider, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkLogEntry } from '@shared/domain/incidents';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { formatDateTime } from '../../../i18n/format';
import { AttachmentsPanel } from '../../attachments/AttachmentsPanel';
import { Section } from '../../assets/detail/Section';
import { formatMinutes } from '../incident-format';
import { EMPTY_WORK_LOG, totalMinutes, workLogInput, type WorkLogValues } from './work-log-entry';

interface Props {
  incidentId: string;
  entries: readonly WorkLogEntry[];
  /** A closed incident is read-only until reopened. */
  readOnly: boolean;
  onAdded(): void;
}

/** 工作记录: what was done, by whom and for how long; newest first, with the total time. */
export function WorkLogSection({ incidentId, entries, readOnly, onAdded }: Props) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  /** The entry whose photos and files are shown: one at a time keeps the log readable. */
  const [filesOf, setFilesOf] = useState<string | null>(null);
  const sorted = [...entries].sort((a, b) => b.at - a.at);
  const total = totalMinutes(entries);

  return (
    <Section
      title={t('incidents.workLog.title')}
      action={
        readOnly || adding ? null : (
          <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            {t('incidents.workLog.add')}
          </Button>
        )
      }
    >
      {adding ? (
        <WorkLogForm
          incidentId={incidentId}
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            onAdded();
          }}
        />
      ) : null}
      {sorted.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('incidents.workLog.empty')}
        </Typography>
      ) : (
        <>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('incidents.workLog.total', { time: formatMinutes(total, i18n.language), count: entries.length })}
          </Typography>
          <List dense aria-label={t('incidents.workLog.title')}>
            {sorted.map((entry, index) => (
              <Box key={entry.id}>
                {index > 0 ? <Divider component="li" /> : null}
                <ListItem disableGutters alignItems="flex-start" sx={{ flexDirection: 'column', alignItems: 'stretch' }}>
                  <ListItemText
                    primary={<span style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</span>}
                    secondary={t('incidents.workLog.meta', {
                      author: entry.author,
                      at: formatDateTime(entry.at, i18n.language),
                      time: formatMinutes(entry.minutesSpent, i18n.language),
                    })}
                  />
                  <Box>
                    <Button
                      size="small"
                      startIcon={<AttachFileIcon />}
                      aria-expanded={filesOf === entry.id}
                      onClick={() => setFilesOf((current) => (current === entry.id ? null : entry.id))}
                    >
                      {t('incidents.workLog.files')}
                    </Button>
                  </Box>
                  {filesOf === entry.id ? <AttachmentsPanel ownerType="work-log" ownerId={entry.id} readOnly={readOnly} /> : null}
                </ListItem>
              </Box>
            ))}
          </List>
        </>
      )}
    </Section>
  );
}

function WorkLogForm({ incidentId, onCancel, onAdded }: { incidentId: string; onCancel(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [values, setValues] = useState<WorkLogValues>(EMPTY_WORK_LOG);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // "Now" for the future-time check, renewed with every edit (render must not read the clock).
  const [now, setNow] = useState(() => Date.now());
  const built = workLogInput(incidentId, values, now);
  const problem = (field: 'text' | 'time' | 'at') => {
    const key = attempted ? built.problems[field] : undefined;
    return key ? t(`incidents.workLog.problems.${key}`) : undefined;
  };
  const change = (patch: Partial<WorkLogValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setNow(Date.now());
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const submittedAt = Date.now();
    setNow(submittedAt);
    const { input } = workLogInput(incidentId, values, submittedAt);
    if (!input) return;
    setBusy(true);
    try {
      await api.call('incidents.addWorkLog', input);
      onAdded();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Box component="form" noValidate onSubmit={(event: FormEvent) => void submit(event)} aria-label={t('incidents.workLog.add')} id={formId} sx={{ mb: 2 }}>
      <Stack spacing={1.5}>
        <TextField
          multiline
          minRows={2}
          fullWidth
          autoFocus
          required
          label={t('incidents.workLog.text')}
          value={values.text}
          onChange={(event) => change({ text: event.target.value })}
          error={problem('text') !== undefined}
          helperText={problem('text') ?? ' '}
        />
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextField
            label={t('incidents.workLog.hours')}
            value={values.hours}
            onChange={(event) => change({ hours: event.target.value })}
            error={problem('time') !== undefined}
            helperText={problem('time') ?? ' '}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 120 }}
          />
          <TextField
            label={t('incidents.workLog.minutes')}
            value={values.minutes}
            onChange={(event) => change({ minutes: event.target.value })}
            error={problem('time') !== undefined}
            helperText=" "
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 120 }}
          />
          <TextField
            type="datetime-local"
            label={t('incidents.workLog.at')}
            value={values.at}
            onChange={(event) => change({ at: event.target.value })}
            error={problem('at') !== undefined}
            helperText={problem('at') ?? t('incidents.workLog.atHelp')}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 260 }}
          />
        </Stack>
        {error ? <ErrorAlert error={error} /> : null}
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button onClick={onCancel} disabled={busy}>
            {t('incidents.form.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('incidents.workLog.save')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
