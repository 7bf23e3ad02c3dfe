import { Autocomplete, Chip, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { assetLabel, useAssetNames, type AssetLabel } from '../asset-names.store';

interface Props {
  value: AssetLabel[];
  onChange(value: AssetLabel[]): void;
  error?: string | undefined;
}

/** The assets an incident concerns, found by typing as in the asset list (name, tag, IP, serial…). */
export function AssetsPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<AssetLabel[]>([]);
  const [loading, setLoading] = useState(false);
  const remember = useAssetNames((state) => state.remember);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .call('assets.list', { filter: { query: text.trim() }, limit: 20 })
        .then(
          (page) => {
            if (!current) return;
            remember(page.rows);
            setOptions(page.rows.map(assetLabel));
          },
          () => {
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
  }, [text, remember]);

  return (
    <Autocomplete<AssetLabel, true, false, false>
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
      loadingText={t('app.loading')}
      noOptionsText={t('incidents.form.noAssets')}
      openText={t('incidents.form.autocomplete.open')}
      closeText={t('incidents.form.autocomplete.close')}
      clearText={t('incidents.form.autocomplete.clear')}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option.name} title={option.where} {...itemProps} />;
        })
      }
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            <span>
              {option.name}
              {option.where ? <span style={{ display: 'block', fontSize: '0.8em', opacity: 0.7 }}>{option.where}</span> : null}
            </span>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('incidents.fields.assetIds')}
          placeholder={value.length === 0 ? t('incidents.form.assetsPlaceholder') : undefined}
          error={error !== undefined}
          helperText={error ?? ' '}
        />
      )}
      data-field="assets"
    />
  );
}
