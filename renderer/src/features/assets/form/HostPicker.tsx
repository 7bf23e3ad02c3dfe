import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HARDWARE_TYPES, type Asset } from '@shared/domain/assets';
import { api } from '../../../api';
import { locationPath } from '../asset-format';

export interface HostOption {
  id: string;
  name: string;
  detail: string;
}

interface Props {
  value: HostOption | null;
  onChange(value: HostOption | null): void;
  error?: string | undefined;
  /** The asset being edited, which cannot host itself. */
  selfId?: string | undefined;
}

export function hostOption(asset: Asset): HostOption {
  return { id: asset.id, name: asset.name, detail: [asset.assetTag, locationPath(asset.location)].filter(Boolean).join(' · ') };
}

/** The hardware a piece of software runs on, found by typing (name, tag, IP…), as in the asset list. */
export function HostPicker({ value, onChange, error, selfId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<HostOption[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .call('assets.list', { filter: { query: text.trim(), types: [...HARDWARE_TYPES] }, limit: 20 })
        .then(
          (page) => {
            if (current) setOptions(page.rows.filter((asset) => asset.id !== selfId).map(hostOption));
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
  }, [text, selfId]);

  return (
    <Autocomplete<HostOption, false, false, false>
      value={value}
      onChange={(_event, next) => onChange(next)}
      inputValue={text}
      onInputChange={(_event, next, reason) => {
        if (reason === 'input' || reason === 'clear') setText(next);
      }}
      options={value && !options.some((option) => option.id === value.id) ? [value, ...options] : options}
      filterOptions={(all) => all}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      getOptionLabel={(option) => option.name}
      loading={loading}
      loadingText={t('app.loading')}
      noOptionsText={t('assetForm.noOptions')}
      openText={t('assetForm.autocomplete.open')}
      closeText={t('assetForm.autocomplete.close')}
      clearText={t('assetForm.autocomplete.clear')}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            <span>
              {option.name}
              {option.detail ? (
                <span style={{ display: 'block', fontSize: '0.8em', opacity: 0.7 }}>{option.detail}</span>
              ) : null}
            </span>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('assetForm.fields.installedOnId')}
          placeholder={t('assetForm.hostSearch')}
          error={error !== undefined}
          helperText={error ?? t('assetForm.softwareLocation')}
          data-field="installedOnId"
        />
      )}
    />
  );
}
