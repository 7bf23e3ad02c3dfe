import { Autocomplete, Chip, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { assetLabel, useAssetNames, type AssetLabel } from '../incidents/asset-names.store';

interface Props {
  label: string;
  value: AssetLabel[];
  onChange(value: AssetLabel[]): void;
  error?: string | undefined;
  helperText?: string;
}

/** Assets a round covers, found by typing (name, tag, IP, serial) as in the asset list. */
export function AssetsField({ label, value, onChange, error, helperText }: Props) {
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
      noOptionsText={t('rounds.pickers.noAssets')}
      openText={t('rounds.pickers.open')}
      closeText={t('rounds.pickers.close')}
      clearText={t('rounds.pickers.clear')}
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
        <TextField {...params} label={label} placeholder={value.length === 0 ? t('rounds.pickers.assetsPlaceholder') : undefined} error={error !== undefined} helperText={error ?? helperText ?? ' '} />
      )}
    />
  );
}
