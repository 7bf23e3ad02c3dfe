import { Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RUNNABLE_CHECK_KINDS, type RunnableCheckKind } from '@shared/domain/checks';

/** Which kinds of check to run; a run needs at least one. */
export function KindPicker({ value, onChange, disabled }: { value: readonly RunnableCheckKind[]; onChange(kinds: RunnableCheckKind[]): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <FormControl component="fieldset" disabled={disabled} error={value.length === 0}>
      <FormLabel component="legend" id={labelId} sx={{ fontSize: '0.85rem' }}>
        {value.length === 0 ? t('checks.kindsNone') : t('checks.kindsLabel')}
      </FormLabel>
      <FormGroup row aria-labelledby={labelId}>
        {RUNNABLE_CHECK_KINDS.map((kind) => (
          <FormControlLabel
            key={kind}
            label={t(`checks.kinds.${kind}`)}
            control={
              <Checkbox
                size="small"
                checked={value.includes(kind)}
                onChange={(event) => onChange(event.target.checked ? RUNNABLE_CHECK_KINDS.filter((k) => k === kind || value.includes(k)) : value.filter((k) => k !== kind))}
              />
            }
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}
