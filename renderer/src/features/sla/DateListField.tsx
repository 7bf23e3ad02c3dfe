import { Autocomplete, Chip, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDateEntries } from './sla-policy-form';

interface Props {
  label: string;
  help: string;
  value: string[];
  onChange(value: string[]): void;
  /** A problem from the form check (e.g. a date in both lists), shown when nothing was mistyped. */
  problem?: string | null;
  field: string;
}

/**
 * A list of dates as chips, sorted: type or paste one or several (a range as
 * 2026-10-01~2026-10-07) and press Enter. Pieces that are not dates stay out
 * and are named in the helper text, so nothing is dropped silently.
 */
export function DateListField({ label, help, value, onChange, problem, field }: Props) {
  const { t } = useTranslation();
  const [rejected, setRejected] = useState<string[]>([]);
  const error = rejected.length > 0 ? t('sla.problems.date', { value: rejected.join(', ') }) : (problem ?? null);

  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      autoSelect
      options={[]}
      value={value}
      onChange={(_event, next) => {
        const { dates, invalid } = parseDateEntries(next.join(' '));
        setRejected(invalid);
        onChange([...new Set(dates)].sort());
      }}
      clearText={t('sla.dialog.clearDates')}
      renderValue={(dates, getItemProps) =>
        dates.map((date, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} {...itemProps} label={date} size="small" sx={{ fontVariantNumeric: 'tabular-nums' }} aria-label={t('sla.dialog.removeDate', { date })} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={error !== null}
          helperText={error ?? help}
          data-field={field}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false, autoComplete: 'off', inputMode: 'numeric' } }}
        />
      )}
    />
  );
}
