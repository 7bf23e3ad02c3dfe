import { Autocomplete, Chip, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ipProblem, type FieldProblem } from '../asset-form-model';
import { useProblemText } from './problem-text';

interface Props {
  value: string[];
  onChange(value: string[]): void;
  /** Problems per address, by index, from the last check. */
  problems: Record<number, FieldProblem>;
  listProblem?: FieldProblem | undefined;
}

/**
 * Management addresses as chips: type or paste one or several (comma,
 * space or newline between them) and press Enter. Each chip is checked at
 * once, so a mistyped address shows in red with its own message.
 */
export function IpAddressesField({ value, onChange, problems, listProblem }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const chipProblems = value.map((address, index) => problems[index] ?? ipProblem(address));
  const firstProblem = listProblem ?? chipProblems.find((problem) => problem !== null) ?? undefined;

  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      autoSelect
      options={[]}
      value={value}
      onChange={(_event, next) => {
        const addresses = next.flatMap((entry) => entry.split(/[\s,;，；、]+/)).filter((entry) => entry !== '');
        onChange([...new Set(addresses)]);
      }}
      clearText={t('assetForm.autocomplete.clear')}
      renderValue={(addresses, getItemProps) =>
        addresses.map((address, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          const invalid = chipProblems[index] !== null && chipProblems[index] !== undefined;
          return (
            <Chip
              key={key}
              {...itemProps}
              label={address}
              size="small"
              color={invalid ? 'error' : 'default'}
              variant={invalid ? 'outlined' : 'filled'}
              sx={{ fontFamily: 'monospace' }}
            />
          );
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('assetForm.fields.managementIps')}
          error={firstProblem !== undefined}
          helperText={problemText(firstProblem) ?? t('assetForm.ipsHelp')}
          data-field="managementIps"
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false, autoComplete: 'off' } }}
        />
      )}
    />
  );
}
