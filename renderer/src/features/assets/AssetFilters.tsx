import SearchIcon from '@mui/icons-material/Search';
import {
  Autocomplete,
  Button,
  Checkbox,
  FormControlLabel,
  InputAdornment,
  ListItemText,
  ListSubheader,
  MenuItem,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_STATUSES, HARDWARE_TYPES, SOFTWARE_TYPES, type AssetStatus, type AssetType } from '@shared/domain/assets';
import { useLocations } from '../locations/locations.store';
import { filterIsActive, useAssetList } from './assets-list.store';
import { locationNodeOptions, type LocationNodeOption } from './location-options';
import { renderLocationOption } from './LocationOptionItem';

/** Search and filters above the asset list. Every change reloads the list from the first row. */
export function AssetFilters() {
  const { t } = useTranslation();
  const searchText = useAssetList((state) => state.searchText);
  const setSearchText = useAssetList((state) => state.setSearchText);
  const filter = useAssetList((state) => state.filter);
  const setFilter = useAssetList((state) => state.setFilter);
  const clearFilters = useAssetList((state) => state.clearFilters);
  const vendors = useAssetList((state) => state.vendors);
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const locations = useMemo(() => (tree ? locationNodeOptions(tree) : []), [tree]);

  useEffect(() => {
    if (tree === null) void loadTree();
  }, [tree, loadTree]);

  const selectedLocation = filter.location ? (locations.find((option) => option.id === filter.location?.id) ?? null) : null;
  const active = filterIsActive(filter) || searchText.trim() !== '';
  const autocompleteTexts = {
    openText: t('assetForm.autocomplete.open'),
    closeText: t('assetForm.autocomplete.close'),
    clearText: t('assetForm.autocomplete.clear'),
    noOptionsText: t('assetForm.noOptions'),
  };

  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1.5 }} role="search" aria-label={t('assets.filters')}>
      <TextField
        type="search"
        size="small"
        label={t('assets.search')}
        placeholder={t('assets.searchPlaceholder')}
        value={searchText}
        onChange={(event) => setSearchText(event.target.value)}
        sx={{ width: 280 }}
        autoComplete="off"
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <TextField
        select
        size="small"
        label={t('assets.typeFilter')}
        value={filter.types}
        onChange={(event) => setFilter({ types: asArray(event.target.value) as AssetType[] })}
        sx={{ width: 160 }}
        slotProps={{
          select: {
            multiple: true,
            displayEmpty: true,
            renderValue: (selected) => joinLabels(selected as AssetType[], (type) => t(`assetTypes.${type}`), t('assets.anyValue'), t('assetForm.listSeparator')),
          },
          inputLabel: { shrink: true },
        }}
      >
        <ListSubheader>{t('assetTypes.hardware')}</ListSubheader>
        {HARDWARE_TYPES.map((type) => (
          <MenuItem key={type} value={type} dense>
            <Checkbox size="small" checked={filter.types.includes(type)} tabIndex={-1} sx={{ p: 0.5, mr: 1 }} slotProps={{ input: { 'aria-hidden': true } }} />
            <ListItemText primary={t(`assetTypes.${type}`)} />
          </MenuItem>
        ))}
        <ListSubheader>{t('assetTypes.software')}</ListSubheader>
        {SOFTWARE_TYPES.map((type) => (
          <MenuItem key={type} value={type} dense>
            <Checkbox size="small" checked={filter.types.includes(type)} tabIndex={-1} sx={{ p: 0.5, mr: 1 }} slotProps={{ input: { 'aria-hidden': true } }} />
            <ListItemText primary={t(`assetTypes.${type}`)} />
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('assets.statusFilter')}
        value={filter.statuses}
        onChange={(event) => setFilter({ statuses: asArray(event.target.value) as AssetStatus[] })}
        sx={{ width: 140 }}
        slotProps={{
          select: {
            multiple: true,
            displayEmpty: true,
            renderValue: (selected) => joinLabels(selected as AssetStatus[], (status) => t(`assetStatuses.${status}`), t('assets.anyValue'), t('assetForm.listSeparator')),
          },
          inputLabel: { shrink: true },
        }}
      >
        {ASSET_STATUSES.map((status) => (
          <MenuItem key={status} value={status} dense>
            <Checkbox size="small" checked={filter.statuses.includes(status)} tabIndex={-1} sx={{ p: 0.5, mr: 1 }} slotProps={{ input: { 'aria-hidden': true } }} />
            <ListItemText primary={t(`assetStatuses.${status}`)} />
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete<string, true, false, false>
        multiple
        size="small"
        options={vendors}
        value={filter.vendors}
        onChange={(_event, next) => setFilter({ vendors: next })}
        limitTags={1}
        sx={{ width: 200 }}
        {...autocompleteTexts}
        renderInput={(params) => (
          <TextField {...params} label={t('assets.vendorFilter')} placeholder={filter.vendors.length === 0 ? t('assets.anyValue') : undefined} slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps.inputLabel, shrink: true } }} />
        )}
      />
      <Autocomplete<LocationNodeOption, false, false, false>
        size="small"
        options={locations}
        value={selectedLocation}
        onChange={(_event, next) => setFilter({ location: next ? { kind: next.kind, id: next.id, path: next.path } : null })}
        getOptionLabel={(option) => option.path}
        isOptionEqualToValue={(option, selected) => option.id === selected.id}
        renderOption={renderLocationOption}
        sx={{ width: 260 }}
        {...autocompleteTexts}
        renderInput={(params) => (
          <TextField {...params} label={t('assets.locationFilter')} placeholder={t('assets.anyValue')} slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps.inputLabel, shrink: true } }} />
        )}
      />
      <FormControlLabel
        control={<Switch size="small" checked={filter.warrantyEndingSoon} onChange={(event) => setFilter({ warrantyEndingSoon: event.target.checked })} />}
        label={t('assets.warrantyFilter')}
      />
      {active ? (
        <Button size="small" onClick={clearFilters}>
          {t('assets.clearFilters')}
        </Button>
      ) : null}
    </Stack>
  );
}

function asArray(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',') : (value as string[]);
}

function joinLabels<T>(values: readonly T[], label: (value: T) => string, none: string, separator: string): string {
  return values.length === 0 ? none : values.map(label).join(separator);
}
