import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Button, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldRow, FieldProblem } from '../asset-form-model';
import { useProblemText } from './problem-text';

interface Props {
  rows: CustomFieldRow[];
  onChange(rows: CustomFieldRow[]): void;
  problems: Record<number, { key?: FieldProblem; value?: FieldProblem }>;
  listProblem?: FieldProblem | undefined;
}

/** Free key/value pairs an engineer's site needs (cabinet contract no., 资产卡片号, …). */
export function CustomFieldsEditor({ rows, onChange, problems, listProblem }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const lastKeyRef = useRef<HTMLInputElement>(null);
  const added = useRef(false);

  // A new row gets focus, so "Add field" then typing just works from the keyboard.
  useEffect(() => {
    if (added.current) {
      lastKeyRef.current?.focus();
      added.current = false;
    }
  }, [rows.length]);

  const update = (index: number, change: Partial<CustomFieldRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <Stack spacing={1.5}>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('assetForm.noCustom')}
        </Typography>
      ) : null}
      {rows.map((row, index) => {
        const removeLabel = row.key.trim() ? t('assetForm.removeCustom', { name: row.key.trim() }) : t('assetForm.removeCustomUnnamed');
        const keyProblem = problemText(problems[index]?.key);
        const valueProblem = problemText(problems[index]?.value);
        return (
          // Rows have no stable id of their own; the index is their identity while the form is open.
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label={t('assetForm.fields.customKey')}
              value={row.key}
              onChange={(event) => update(index, { key: event.target.value })}
              size="small"
              sx={{ flex: '0 0 34%' }}
              inputRef={index === rows.length - 1 ? lastKeyRef : undefined}
              error={keyProblem !== undefined}
              helperText={keyProblem}
              autoComplete="off"
            />
            <TextField
              label={t('assetForm.fields.customValue')}
              value={row.value}
              onChange={(event) => update(index, { value: event.target.value })}
              size="small"
              sx={{ flex: 1 }}
              error={valueProblem !== undefined}
              helperText={valueProblem}
              autoComplete="off"
            />
            <Tooltip title={removeLabel}>
              <IconButton aria-label={removeLabel} onClick={() => onChange(rows.filter((_row, i) => i !== index))} sx={{ mt: 0.25 }}>
                <DeleteOutlinedIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </Stack>
        );
      })}
      {listProblem ? (
        <Typography variant="body2" color="error">
          {problemText(listProblem)}
        </Typography>
      ) : null}
      <div>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => {
            added.current = true;
            onChange([...rows, { key: '', value: '' }]);
          }}
        >
          {t('assetForm.addCustom')}
        </Button>
      </div>
    </Stack>
  );
}
