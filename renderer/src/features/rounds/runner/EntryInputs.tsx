import { Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChoiceOption, EntryValue, RoundEntry } from '@shared/domain/rounds';
import { parseReading, readingText } from '../reading-input';
import { fieldKeyAction } from './runner-model';

/** What an input hands to its row: a value to store, then where focus goes (the row decides: the note for a failure). */
export type Commit = (value: EntryValue, direction: 1 | -1 | 0) => void;

interface FieldProps {
  entry: RoundEntry | undefined;
  label: string;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement | HTMLTextAreaElement>;
  onCommit: Commit;
  /** Enter or Shift+Enter with nothing to store: just move. */
  onMove(direction: 1 | -1): void;
}

/**
 * A numeric reading typed straight into the row's field: "31", "31.5",
 * "31,5". Enter stores it and moves on; leaving the field stores it too, so
 * a click elsewhere never drops a reading.
 */
export function NumberInput({ entry, label, unit, disabled, inputRef, onCommit, onMove }: FieldProps & { unit: string }) {
  const { t } = useTranslation();
  const stored = entry?.value.type === 'number' ? readingText(entry.value.value) : '';
  // What the engineer typed, until core has stored it; a value from core (a reload, an amendment) shows otherwise.
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // What was last sent: leaving the field right after Enter must not send it twice.
  const sent = useRef<string | null>(null);
  const text = draft ?? stored;
  if (draft !== null && !focused && draft === stored) setDraft(null);

  const commit = (direction: 1 | -1 | 0) => {
    if (text.trim() === stored || text.trim() === sent.current) {
      setProblem(null);
      if (direction !== 0) onMove(direction);
      return;
    }
    const parsed = parseReading(text);
    if (!parsed.ok) {
      if (parsed.problem === 'empty' && direction !== 0) onMove(direction);
      else setProblem(parsed.problem === 'empty' ? null : t('rounds.runner.notANumber'));
      return;
    }
    setProblem(null);
    sent.current = readingText(parsed.value);
    setDraft(sent.current);
    onCommit({ type: 'number', value: parsed.value }, direction);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const action = fieldKeyAction(event, false);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    commit(action === 'save-next' ? 1 : -1);
  };

  return (
    <TextField
      size="small"
      value={text}
      disabled={disabled}
      inputRef={inputRef}
      onFocus={() => setFocused(true)}
      onChange={(event) => {
        setDraft(event.target.value);
        if (problem) setProblem(null);
      }}
      onBlur={() => {
        setFocused(false);
        commit(0);
      }}
      onKeyDown={onKeyDown}
      error={problem !== null}
      helperText={problem ?? undefined}
      autoComplete="off"
      sx={{ width: 180 }}
      slotProps={{
        htmlInput: { inputMode: 'decimal', 'aria-label': label, 'aria-invalid': problem !== null, enterKeyHint: 'next' },
        input: unit ? { endAdornment: <Typography variant="body2" color="text.secondary" sx={{ ml: 1, whiteSpace: 'nowrap' }}>{unit}</Typography> } : {},
      }}
    />
  );
}

/** Free text; a multi-line item keeps Enter for new lines and stores with Ctrl+Enter. */
export function TextInput({ entry, label, multiline, disabled, inputRef, onCommit, onMove }: FieldProps & { multiline: boolean }) {
  const stored = entry?.value.type === 'text' ? entry.value.value : '';
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const sent = useRef<string | null>(null);
  const text = draft ?? stored;
  if (draft !== null && !focused && draft === stored) setDraft(null);

  const commit = (direction: 1 | -1 | 0) => {
    if (text === stored || text === sent.current) {
      if (direction !== 0) onMove(direction);
      return;
    }
    sent.current = text;
    onCommit({ type: 'text', value: text }, direction);
  };

  return (
    <TextField
      size="small"
      multiline={multiline}
      sx={{ width: { xs: '100%', md: 360 } }}
      minRows={multiline ? 2 : undefined}
      value={text}
      disabled={disabled}
      inputRef={inputRef}
      onFocus={() => setFocused(true)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        setFocused(false);
        commit(0);
      }}
      onKeyDown={(event) => {
        const action = fieldKeyAction(event, multiline);
        if (!action) return;
        event.preventDefault();
        event.stopPropagation();
        commit(action === 'save-next' ? 1 : -1);
      }}
      slotProps={{ htmlInput: { 'aria-label': label, maxLength: 20_000 } }}
    />
  );
}

/** Pass and Fail as two buttons; the row's P, F and Space do the same from the keyboard. */
export function PassFailInput({ entry, label, disabled, onChoose }: { entry: RoundEntry | undefined; label: string; disabled: boolean; onChoose(passed: boolean): void }) {
  const { t } = useTranslation();
  const value = entry?.value.type === 'pass-fail' ? (entry.value.passed ? 'pass' : 'fail') : null;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      disabled={disabled}
      aria-label={t('rounds.runner.answerFor', { item: label })}
      onChange={(_event, next: 'pass' | 'fail' | null) => {
        if (next) onChoose(next === 'pass');
      }}
    >
      <ToggleButton value="pass" color="success" tabIndex={-1} aria-keyshortcuts="P" title={t('rounds.runner.passHint')}>
        {t('rounds.runner.pass')}
      </ToggleButton>
      <ToggleButton value="fail" color="error" tabIndex={-1} aria-keyshortcuts="F" title={t('rounds.runner.failHint')}>
        {t('rounds.runner.fail')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
}

/** The options with their numbers: 1–9 on the row picks one. */
export function ChoiceInput({ entry, label, options, disabled, onChoose }: { entry: RoundEntry | undefined; label: string; options: readonly ChoiceOption[]; disabled: boolean; onChoose(value: string): void }) {
  const { t } = useTranslation();
  const value = entry?.value.type === 'choice' ? entry.value.value : null;
  const color = (outcome: ChoiceOption['outcome']) => (outcome === 'ok' ? 'success' : outcome === 'warning' ? 'warning' : 'error');
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={value}
        disabled={disabled}
        aria-label={t('rounds.runner.answerFor', { item: label })}
        onChange={(_event, next: string | null) => {
          if (next) onChoose(next);
        }}
        sx={{ flexWrap: 'wrap' }}
      >
        {options.map((option, index) => (
          <ToggleButton key={option.value} value={option.value} color={color(option.outcome)} tabIndex={-1} aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}>
            {index < 9 ? `${index + 1} · ` : ''}
            {option.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Stack>
  );
}
