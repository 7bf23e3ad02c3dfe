import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ASSET_TYPES, type AssetType } from '@shared/domain/assets';

/** Several asset types, by name. */
export function AssetTypesField({ value, onChange, label, error, helperText, dataField }: { value: AssetType[]; onChange(value: AssetType[]): void; label: string; error?: string | undefined; helperText?: string; dataField: string }) {
  const { t } = useTranslation();
  return (
    <Autocomplete<AssetType, true, false, false>
      multiple
      size="small"
      options={ASSET_TYPES}
      value={value}
      onChange={(_event, next) => onChange(next)}
      getOptionLabel={(type) => t(`assetTypes.${type}`)}
      filterSelectedOptions
      openText={t('rounds.pickers.open')}
      closeText={t('rounds.pickers.close')}
      clearText={t('rounds.pickers.clear')}
      noOptionsText={t('rounds.pickers.noTypes')}
      renderInput={(params) => <TextField {...params} label={label} error={error !== undefined} helperText={error ?? helperText ?? ' '} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-field': dataField } }} />}
    />
  );
}
