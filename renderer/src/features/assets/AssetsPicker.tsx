import { Autocomplete, Chip, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { assetLabel, useAssetNames, type AssetLabel } from './asset-names.store';

/** What the picker needs of a chosen asset; records keep more (AssetLabel), some only the name. */
export interface PickedAsset {
  id: string;
  name: string;
  /** "Client / Site / Room / Rack", shown under the name and as the chip's tooltip. */
  where?: string;
}

interface Props<T extends PickedAsset> {
  label: string;
  value: T[];
  /** The new choice: kept values as they were, added ones as AssetLabels (which every PickedAsset type accepts). */
  onChange(value: (T | AssetLabel)[]): void;
  error?: string | undefined;
  helperText?: string;
  /** data-field for forms that focus the first invalid field. */
  field?: string;
}

/**
 * The assets a record names (an incident, a problem, a change, a round or a
 * schedule), found by typing as in the asset list: name, tag, IP, serial.
 * Asks core for 20 matches 150 ms after the last key, and remembers the
 * names so lists showing the record need no second lookup.
 */
export function AssetsPicker<T extends PickedAsset>({ label, value, onChange, error, helperText, field }: Props<T>) {
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
  }, [text, remember]);

  return (
    <Autocomplete<T | AssetLabel, true, false, false>
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
      noOptionsText={t('assets.picker.noOptions')}
      openText={t('assetForm.autocomplete.open')}
      closeText={t('assetForm.autocomplete.close')}
      clearText={t('assetForm.autocomplete.clear')}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option.name} title={option.where || undefined} {...itemProps} />;
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
          label={label}
          placeholder={value.length === 0 ? t('assets.picker.placeholder') : undefined}
          error={error !== undefined}
          helperText={error ?? helperText ?? ' '}
        />
      )}
      {...(field ? { 'data-field': field } : {})}
    />
  );
}
