import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, MenuItem, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment, EntryValue, RoundEntry } from '@shared/domain/rounds';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { announce } from '../../assets/confirmations';
import { parseReading, readingText } from '../reading-input';
import { entryValueText } from '../round-format';
import type { RunnerRow } from './runner-model';

/** The value an amendment can change by hand; photos, signatures and config comparisons keep theirs (only the note changes). */
function editableValue(entry: RoundEntry): 'pass-fail' | 'number' | 'choice' | 'text' | null {
  switch (entry.value.type) {
    case 'pass-fail':
    case 'number':
    case 'choice':
    case 'text':
      return entry.value.type;
    case 'auto':
      return typeof entry.value.value === 'number' || entry.value.value === null ? 'number' : null;
    default:
      return null;
  }
}

function initialText(entry: RoundEntry): string {
  const value = entry.value;
  if (value.type === 'number') return readingText(value.value);
  if (value.type === 'auto' && typeof value.value === 'number') return readingText(value.value);
  if (value.type === 'choice' || value.type === 'text') return value.value;
  if (value.type === 'pass-fail') return value.passed ? 'pass' : 'fail';
  return '';
}

/**
 * A correction to a signed round: the new value, the note and why. The
 * original stays on record; the amendment says who changed what, when.
 */
export function AmendDialog({ row, entry, onAmended, onClose }: { row: RunnerRow; entry: RoundEntry; onAmended(amendment: Amendment): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const kind = editableValue(entry);
  const [text, setText] = useState(() => initialText(entry));
  const [note, setNote] = useState(entry.note);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'value' | 'reason' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const newValue = (): EntryValue | null => {
    const value = entry.value;
    switch (kind) {
      case 'pass-fail':
        return { type: 'pass-fail', passed: text === 'pass' };
      case 'choice':
        return { type: 'choice', value: text };
      case 'text':
        return { type: 'text', value: text };
      case 'number': {
        const parsed = parseReading(text);
        if (!parsed.ok) return null;
        return value.type === 'auto' ? { type: 'auto', value: parsed.value, checkResultId: value.checkResultId } : { type: 'number', value: parsed.value };
      }
      default:
        return value;
    }
  };

  const submit = async () => {
    const value = newValue();
    if (!value) {
      setProblem('value');
      return;
    }
    if (reason.trim() === '') {
      setProblem('reason');
      return;
    }
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const amendment = await api.call('rounds.amend', { entryId: entry.id, value, note, reason: reason.trim() });
      onAmended(amendment);
      announce(t('rounds.amend.saved'));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const spec = row.item.spec;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('rounds.amend.title', { item: row.item.label })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>{t('rounds.amend.current', { value: entryValueText(entry.value, row.item, t, i18n.language) })}</DialogContentText>
          {error ? <ErrorAlert error={error} /> : null}
          {kind === 'pass-fail' ? (
            <RadioGroup row value={text} onChange={(event) => setText(event.target.value)} aria-label={t('rounds.amend.newValue')}>
              <FormControlLabel value="pass" control={<Radio />} label={t('rounds.runner.pass')} />
              <FormControlLabel value="fail" control={<Radio />} label={t('rounds.runner.fail')} />
            </RadioGroup>
          ) : kind === 'choice' && spec.type === 'choice' ? (
            <TextField select label={t('rounds.amend.newValue')} value={text} onChange={(event) => setText(event.target.value)}>
              {spec.options.map((option) => (
                <MenuItem key={option.value} value={option.value}>
                  {option.label}
                </MenuItem>
              ))}
            </TextField>
          ) : kind === 'number' || kind === 'text' ? (
            <TextField
              label={t('rounds.amend.newValue')}
              value={text}
              autoFocus
              onChange={(event) => setText(event.target.value)}
              error={problem === 'value'}
              helperText={problem === 'value' ? t('rounds.runner.notANumber') : ' '}
              slotProps={{ htmlInput: kind === 'number' ? { inputMode: 'decimal' } : {} }}
            />
          ) : (
            <DialogContentText>{t('rounds.amend.noteOnly')}</DialogContentText>
          )}
          <TextField label={t('rounds.runner.note')} value={note} onChange={(event) => setNote(event.target.value)} slotProps={{ htmlInput: { maxLength: 4000 } }} />
          <TextField
            label={t('rounds.amend.reason')}
            value={reason}
            required
            onChange={(event) => setReason(event.target.value)}
            error={problem === 'reason'}
            helperText={problem === 'reason' ? t('rounds.amend.reasonRequired') : ' '}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('rounds.cancel')}
        </Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()}>
          {t('rounds.amend.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
