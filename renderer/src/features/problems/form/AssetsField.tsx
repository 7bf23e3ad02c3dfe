import { Autocomplete, Chip, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import type { AssetChoice } from './problem-form-model';

interface Props {
  label: string;
  value: AssetChoice[];
  onChange(value: AssetChoice[]): void;
  error?: string | undefined;
}

/** Assets a record concerns, found by typing as in the asset list (name, tag, IP, serial…). Used by problems and changes. */
export function AssetsField({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<AssetChoice[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .call('assets.list', { filter: { query: text.trim() }, limit: 20 })
        .then(
          (page) => {
            if (current) setOptions(page.rows.map((asset) => ({ id: asset.id, name: asset.name })));
          },
          () => {
            // The field still works with what is chosen; the list simply offers nothing.
            if (current) setOptions([]);
          },
        )
        .finally(() => {
          if (current) setLoading(false);
        });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <Autocomplete<AssetChoice, true, false, false>
      multiple
      value={value}
      onChange={(_event, next) => onChange(next)}
      inputValue={text}
      onInputChange={(_event, next, reason) => {
        if (reason === 'input' || reason === 'clear') setText(next);
      }}
      options={options}
      filterOptions={(all) => all}
      filterSelectedOptions
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      getOptionLabel={(option) => option.name}
      loading={loading}
      loadingText={t('problems.assetPicker.loading')}
      noOptionsText={t('problems.assetPicker.noOptions')}
      openText={t('problems.assetPicker.open')}
      closeText={t('problems.assetPicker.close')}
      clearText={t('problems.assetPicker.clear')}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option.name} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField {...params} label={label} placeholder={value.length === 0 ? t('problems.assetPicker.placeholder') : undefined} error={error !== undefined} helperText={error ?? ' '} />
      )}
    />
  );
}
