import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { IconButton, Stack, TextField, Tooltip } from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The accessible name: which row and column is being fixed. */
  label: string;
  initialValue: string;
  busy: boolean;
  onSave(value: string): void;
  onCancel(): void;
}

/** One cell's value typed in place: Enter saves, Escape cancels (without closing the dialog around it). */
export function CellEditor({ label, initialValue, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialValue);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!busy) onSave(value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      keepFocusInDialog(event.currentTarget as HTMLElement);
      onCancel();
    }
  };

  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', minWidth: 220 }}>
      <TextField
        size="small"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
        fullWidth
        disabled={busy}
        slotProps={{ htmlInput: { 'aria-label': label, maxLength: 10_000 } }}
      />
      <Tooltip title={t('assetImport.fix.save')}>
        <span>
          <IconButton size="small" color="primary" aria-label={t('assetImport.fix.save')} disabled={busy} onClick={() => onSave(value)}>
            <CheckIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={t('assetImport.fix.cancel')}>
        <span>
          <IconButton
            size="small"
            aria-label={t('assetImport.fix.cancel')}
            disabled={busy}
            onClick={(event) => {
              keepFocusInDialog(event.currentTarget);
              onCancel();
            }}
          >
            <CloseIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </Stack>
  );
}

/**
 * The editor is about to disappear with the focus in it. Left alone, the focus
 * falls to <body>, outside the dialog, and the next Escape (meant to close
 * the wizard) reaches nothing until the dialog's focus trap pulls it back.
 */
function keepFocusInDialog(from: HTMLElement): void {
  from.closest<HTMLElement>('[role="dialog"]')?.focus();
}
