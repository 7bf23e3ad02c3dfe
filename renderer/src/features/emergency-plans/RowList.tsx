import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem } from './plan-form-model';

interface Props<T extends { uid: string }> {
  rows: T[];
  onChange(rows: T[]): void;
  newRow(): T;
  /** "Step 3", "Contact 1": names the row for its buttons. */
  itemLabel(index: number): string;
  addLabel: string;
  emptyText: string;
  /** A problem with the list as a whole ("at least one step"). */
  problem?: string | undefined;
  addDisabled?: boolean;
  addHint?: string;
  renderRow(row: T, index: number, update: (patch: Partial<T>) => void, autoFocus: boolean): ReactNode;
}

/**
 * An ordered list of editable rows: add, remove and reorder with buttons or,
 * inside a row, Alt+↑ / Alt+↓. Focus stays with what the user was working
 * on: the moved row's control after a move, the new row's first field after
 * an add, the add button after a remove.
 */
export function RowList<T extends { uid: string }>({ rows, onChange, newRow, itemLabel, addLabel, emptyText, problem, addDisabled, addHint, renderRow }: Props<T>) {
  const { t } = useTranslation();
  const [focusUid, setFocusUid] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const move = (index: number, delta: number, row: HTMLElement | null) => {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    onChange(moveItem(rows, index, delta));
    // React moves the row's DOM node, which drops focus in some browsers: give it back.
    requestAnimationFrame(() => {
      if (focused?.isConnected && !(focused as HTMLButtonElement).disabled) focused.focus();
      else row?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    });
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    requestAnimationFrame(() => addRef.current?.focus());
  };
  const add = () => {
    const row = newRow();
    setFocusUid(row.uid);
    onChange([...rows, row]);
  };

  return (
    <Stack spacing={1.5}>
      {problem ? <Alert severity="error">{problem}</Alert> : null}
      {rows.length === 0 ? (
        <Typography color="text.secondary" variant="body2">
          {emptyText}
        </Typography>
      ) : null}
      {rows.map((row, index) => (
        <EditorRow
          key={row.uid}
          label={itemLabel(index)}
          first={index === 0}
          last={index === rows.length - 1}
          onMove={(delta, element) => move(index, delta, element)}
          onRemove={() => remove(index)}
          moveUpLabel={t('plans.editor.moveUp', { item: itemLabel(index) })}
          moveDownLabel={t('plans.editor.moveDown', { item: itemLabel(index) })}
          removeLabel={t('plans.editor.remove', { item: itemLabel(index) })}
        >
          {renderRow(
            row,
            index,
            (patch) => onChange(rows.map((r) => (r.uid === row.uid ? { ...r, ...patch } : r))),
            row.uid === focusUid,
          )}
        </EditorRow>
      ))}
      <Box>
        <Button ref={addRef} startIcon={<AddIcon />} onClick={add} disabled={addDisabled}>
          {addLabel}
        </Button>
        {addHint ? (
          <Typography variant="body2" color="text.secondary" component="span" sx={{ ml: 1 }}>
            {addHint}
          </Typography>
        ) : null}
      </Box>
    </Stack>
  );
}

interface RowProps {
  label: string;
  first: boolean;
  last: boolean;
  onMove(delta: number, row: HTMLElement | null): void;
  onRemove(): void;
  moveUpLabel: string;
  moveDownLabel: string;
  removeLabel: string;
  children: ReactNode;
}

function EditorRow({ label, first, last, onMove, onRemove, moveUpLabel, moveDownLabel, removeLabel, children }: RowProps) {
  const { t } = useTranslation();
  const rowRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const delta = event.key === 'ArrowUp' ? -1 : 1;
    if ((delta < 0 && first) || (delta > 0 && last)) return;
    event.preventDefault();
    onMove(delta, rowRef.current);
  };
  return (
    <Paper ref={rowRef} variant="outlined" onKeyDown={onKeyDown} role="group" aria-label={label} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>
          {label}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ mr: 1, display: { xs: 'none', md: 'block' } }}>
          {t('plans.editor.reorderHint')}
        </Typography>
        <Tooltip title={moveUpLabel}>
          <span>
            <IconButton size="small" aria-label={moveUpLabel} disabled={first} onClick={() => onMove(-1, rowRef.current)}>
              <ArrowUpwardIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={moveDownLabel}>
          <span>
            <IconButton size="small" aria-label={moveDownLabel} disabled={last} onClick={() => onMove(1, rowRef.current)}>
              <ArrowDownwardIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={removeLabel}>
          <IconButton size="small" aria-label={removeLabel} onClick={onRemove}>
            <DeleteOutlinedIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      {children}
    </Paper>
  );
}
