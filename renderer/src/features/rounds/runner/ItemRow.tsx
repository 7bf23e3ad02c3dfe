import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import { Box, Button, Chip, CircularProgress, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment, EntryValue, RoundEntry } from '@shared/domain/rounds';
import { describeError } from '../../../app/errors/describe-error';
import { formatDateTime } from '../../../i18n/format';
import { entryValueText, outcomeColor, thresholdsText } from '../round-format';
import { AutoValue } from './AutoValue';
import { ChoiceInput, NumberInput, PassFailInput, TextInput, type Commit } from './EntryInputs';
import { IncidentLink } from './IncidentLink';
import { PhotoInput } from './PhotoInput';
import type { RowSave } from './round-runner.store';
import { evaluateEntry, needsNote as failureNeedsNote } from '@shared/rounds';
import { fieldKeyAction, rowKeyAction, type RunnerRow } from './runner-model';
import { SignatureInput } from './SignatureInput';

export interface ItemRowProps {
  row: RunnerRow;
  roundId: string;
  entry: RoundEntry | undefined;
  save: RowSave | undefined;
  /** Signed or paused: nothing can be entered. */
  locked: boolean;
  signed: boolean;
  /** An automatic item whose check is running now. */
  running: boolean;
  amendments: readonly Amendment[];
  /** Where keyboard focus lands for this row (its field, or the row itself). */
  registerFocus(rowId: string, element: HTMLElement | null): void;
  onMove(rowId: string, direction: 1 | -1): void;
  onSave(row: RunnerRow, value: EntryValue, note: string): Promise<RoundEntry | null>;
  onRun(row: RunnerRow): void;
  onRaiseIncident(row: RunnerRow, entry: RoundEntry): void;
  onAmend(row: RunnerRow, entry: RoundEntry): void;
}

const EDGE: Record<string, string> = { success: 'success.main', warning: 'warning.main', error: 'error.main', default: 'divider' };

/**
 * One checklist item of the round. The row itself takes the keys of its
 * type (P/F/Space, 1–9, Enter, Shift+Enter); a number or text item's field
 * takes the typing directly. A failure opens the note, which must say what
 * was seen before the round moves on.
 */
export function ItemRow(props: ItemRowProps) {
  const { row, roundId, entry, save, locked, signed, running, amendments, registerFocus, onMove, onSave, onRun, onRaiseIncident, onAmend } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const spec = row.item.spec;
  const rootRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const storedNote = entry?.note ?? '';
  // The note as typed, until core has it; the stored note otherwise.
  const [noteDraft, setNoteDraft] = useState<string | null>(null);
  const note = noteDraft ?? storedNote;
  if (noteDraft !== null && noteDraft === storedNote) setNoteDraft(null);
  const [noteProblem, setNoteProblem] = useState(false);
  // The note last sent: leaving the field right after Enter must not send it again.
  const noteSent = useRef<string | null>(null);
  // The value last entered here, so a note typed before its save comes back still has a value to go with.
  const [entered, setEntered] = useState<EntryValue | null>(null);
  const value = entry?.value ?? entered;
  const sendNote = () => {
    if (!value || note === storedNote || note === noteSent.current) return;
    noteSent.current = note;
    void onSave(row, value, note);
  };
  // The note field appears with the failure; it takes focus once it is there.
  const wantNoteFocus = useRef(false);
  useEffect(() => {
    if (wantNoteFocus.current && noteRef.current) {
      wantNoteFocus.current = false;
      noteRef.current.focus();
    }
  });
  const openNote = () => {
    setNoteOpen(true);
    wantNoteFocus.current = true;
    noteRef.current?.focus();
  };

  const outcome = entry?.outcome ?? null;
  const failed = outcome === 'failed';
  /** A failure of this kind of item must be explained (shared rule with core's sign-off check). */
  const noteRequired = value !== null && failureNeedsNote(row.item, outcome ?? evaluateEntry(row.item, value));
  const showNote = !signed && (noteOpen || failed || storedNote !== '');
  const fieldFocus = spec.type === 'number' || spec.type === 'text';
  const label = row.item.label;
  const limits = thresholdsText(spec, t, language);

  /** A value to store: a failure goes to the note first, anything else moves on as asked. */
  const commit: Commit = (next, direction) => {
    setEntered(next);
    void onSave(row, next, note);
    if (failureNeedsNote(row.item, evaluateEntry(row.item, next)) && note.trim() === '' && direction !== -1) {
      openNote();
      return;
    }
    if (direction !== 0) onMove(row.id, direction);
  };

  const saveNote = (direction: 1 | -1) => {
    if (noteRequired && note.trim() === '' && direction === 1) {
      setNoteProblem(true);
      return;
    }
    setNoteProblem(false);
    sendNote();
    onMove(row.id, direction);
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (locked) {
      const move = rowKeyAction('photo', event);
      if (event.target === event.currentTarget && move && (move.kind === 'next' || move.kind === 'previous')) {
        event.preventDefault();
        onMove(row.id, move.kind === 'next' ? 1 : -1);
      }
      return;
    }
    const action = rowKeyAction(spec.type, event);
    if (!action) return;
    const onRow = event.target === event.currentTarget;
    // Enter and Space on one of the row's buttons press that button.
    if (!onRow && action.kind !== 'pass' && action.kind !== 'fail' && action.kind !== 'choose') return;
    if (!onRow && (event.target as HTMLElement).closest('input, textarea, [contenteditable="true"]')) return;
    event.preventDefault();
    switch (action.kind) {
      case 'next':
        onMove(row.id, 1);
        return;
      case 'previous':
        onMove(row.id, -1);
        return;
      case 'pass':
        commit({ type: 'pass-fail', passed: true }, 1);
        return;
      case 'fail':
        commit({ type: 'pass-fail', passed: false }, 1);
        return;
      case 'toggle': {
        const passed = entry?.value.type === 'pass-fail' ? !entry.value.passed : true;
        commit({ type: 'pass-fail', passed }, passed ? 0 : 1);
        return;
      }
      case 'choose': {
        if (spec.type !== 'choice') return;
        const option = spec.options[action.index];
        if (option) commit({ type: 'choice', value: option.value }, 1);
        return;
      }
    }
  };

  const focusRef = (element: HTMLElement | null) => {
    if (fieldFocus && !locked) registerFocus(row.id, element);
  };
  useEffect(() => {
    if (!fieldFocus || locked) registerFocus(row.id, rootRef.current);
    return () => registerFocus(row.id, null);
  }, [fieldFocus, locked, registerFocus, row.id]);

  let input: ReactNode = null;
  const common = { entry, label, disabled: locked, onCommit: commit, onMove: (direction: 1 | -1) => onMove(row.id, direction) };
  switch (spec.type) {
    case 'pass-fail':
      input = <PassFailInput entry={entry} label={label} disabled={locked} onChoose={(passed) => commit({ type: 'pass-fail', passed }, 1)} />;
      break;
    case 'number':
      input = <NumberInput {...common} unit={spec.unit} inputRef={focusRef} />;
      break;
    case 'choice':
      input = <ChoiceInput entry={entry} label={label} options={spec.options} disabled={locked} onChoose={(value) => commit({ type: 'choice', value }, 1)} />;
      break;
    case 'text':
      input = <TextInput {...common} multiline={spec.multiline} inputRef={focusRef} />;
      break;
    case 'photo':
      input = <PhotoInput roundId={roundId} label={label} entry={entry} locked={locked} minPhotos={spec.minPhotos} onSave={(value) => void onSave(row, value, note)} />;
      break;
    case 'signature':
      input = <SignatureInput roundId={roundId} row={row} entry={entry} locked={locked} onSave={(value) => void onSave(row, value, note)} />;
      break;
    case 'auto':
    case 'config-drift':
      input = <AutoValue row={row} entry={entry} running={running} locked={locked} onRun={() => onRun(row)} />;
      break;
  }

  const tone = outcome ? outcomeColor(outcome) : 'default';
  const canRaise = entry !== undefined && !signed && entry.incidentId === null && (outcome === 'failed' || outcome === 'warning');

  return (
    <Box
      ref={rootRef}
      tabIndex={fieldFocus && !locked ? -1 : 0}
      role="group"
      aria-label={label}
      data-row={row.id}
      data-outcome={outcome ?? 'none'}
      onKeyDown={onRowKeyDown}
      sx={{
        px: 2,
        py: 1.25,
        borderLeft: 4,
        borderLeftColor: EDGE[tone],
        borderBottom: 1,
        borderBottomColor: 'divider',
        outline: 'none',
        '&:focus-visible, &:focus-within': { bgcolor: 'action.hover' },
      }}
    >
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' } }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="body1" component="span">
            {label}
            {row.item.required ? (
              <Typography component="span" color="error" aria-label={t('rounds.runner.required')} sx={{ ml: 0.5 }}>
                *
              </Typography>
            ) : null}
          </Typography>
          {row.item.help ? (
            <Typography variant="body2" color="text.secondary">
              {row.item.help}
            </Typography>
          ) : null}
          {limits ? (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
              {limits}
            </Typography>
          ) : null}
        </Box>
        <Box sx={{ flexShrink: 0, maxWidth: { md: '55%' } }}>{input}</Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 120, justifyContent: 'flex-end' }}>
          {outcome && outcome !== 'ok' ? <Chip size="small" color={tone === 'default' ? 'default' : tone} label={t(`rounds.outcomes.${outcome}`)} /> : null}
          <SaveMark save={save} entry={entry} />
        </Stack>
      </Stack>

      {showNote ? (
        <TextField
          size="small"
          fullWidth
          sx={{ mt: 1 }}
          label={noteRequired ? t('rounds.runner.noteRequired') : t('rounds.runner.note')}
          value={note}
          disabled={locked}
          inputRef={noteRef}
          onChange={(event) => {
            setNoteDraft(event.target.value);
            if (noteProblem) setNoteProblem(false);
          }}
          onBlur={sendNote}
          onKeyDown={(event) => {
            const action = fieldKeyAction(event, false);
            if (!action) return;
            event.preventDefault();
            event.stopPropagation();
            saveNote(action === 'save-next' ? 1 : -1);
          }}
          error={noteProblem}
          helperText={noteProblem ? t('rounds.runner.noteMissing') : noteRequired && note.trim() === '' ? t('rounds.runner.noteHint') : undefined}
          required={noteRequired}
          slotProps={{ htmlInput: { maxLength: 4000 } }}
        />
      ) : signed && storedNote ? (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {t('rounds.runner.noteIs', { note: storedNote })}
        </Typography>
      ) : null}

      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: canRaise || entry?.incidentId || signed ? 1 : 0, flexWrap: 'wrap', alignItems: 'center' }}>
        {canRaise ? (
          <Button size="small" variant="outlined" color="error" onClick={() => onRaiseIncident(row, entry)}>
            {t('rounds.incident.raise')}
          </Button>
        ) : null}
        {entry?.incidentId ? <IncidentLink incidentId={entry.incidentId} /> : null}
        {signed && entry ? (
          <Button size="small" onClick={() => onAmend(row, entry)} aria-label={t('rounds.amend.buttonFor', { item: label })}>
            {t('rounds.amend.button')}
          </Button>
        ) : null}
        {!signed && !showNote && entry && !locked ? (
          <Button size="small" onClick={openNote} aria-label={t('rounds.runner.addNoteFor', { item: label })}>
            {t('rounds.runner.addNote')}
          </Button>
        ) : null}
      </Stack>

      {amendments.length > 0 ? (
        <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }} aria-label={t('rounds.amend.listFor', { item: label })}>
          {amendments.map((amendment) => (
            <Typography component="li" variant="body2" key={amendment.id} color="text.secondary">
              {t('rounds.amend.line', {
                by: amendment.by,
                at: formatDateTime(amendment.at, language),
                before: entryValueText(amendment.before.value, row.item, t, language),
                after: entryValueText(amendment.after.value, row.item, t, language),
                reason: amendment.reason,
              })}
            </Typography>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

function SaveMark({ save, entry }: { save: RowSave | undefined; entry: RoundEntry | undefined }) {
  const { t } = useTranslation();
  if (save?.state === 'saving') return <CircularProgress size={18} aria-label={t('rounds.runner.saving')} />;
  if (save?.state === 'failed') {
    const text = describeError(save.error, t).text;
    return (
      <Tooltip title={text}>
        <Typography role="alert" variant="caption" color="error" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, maxWidth: 260 }}>
          <ErrorOutlineIcon fontSize="small" aria-hidden />
          {text}
        </Typography>
      </Tooltip>
    );
  }
  if (entry) {
    return (
      <Tooltip title={t('rounds.runner.savedBy', { name: entry.enteredBy })}>
        <CheckCircleIcon color="success" fontSize="small" role="img" aria-label={t('rounds.runner.saved')} aria-hidden={false} />
      </Tooltip>
    );
  }
  return <Box sx={{ width: 20 }} />;
}
