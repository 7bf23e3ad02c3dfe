import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { locationNodeOptions, type LocationNodeOption } from '../../assets/location-options';
import { renderLocationOption } from '../../assets/LocationOptionItem';
import { useLocations } from '../../locations/locations.store';

interface Props {
  value: string | null;
  onChange(value: string | null): void;
  /** Where the chosen assets are, shown while nothing is picked (core uses it then). */
  derivedPath: string | null;
  error?: string | undefined;
}

/** A client, site or room; racks are too fine for "where the fault is". */
export function LocationPicker({ value, onChange, derivedPath, error }: Props) {
  const { t } = useTranslation();
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const options = useMemo(() => (tree ? locationNodeOptions(tree).filter((option) => option.kind !== 'rack') : []), [tree]);

  useEffect(() => {
    if (tree === null) void loadTree();
  }, [tree, loadTree]);

  const selected = value ? (options.find((option) => option.id === value) ?? null) : null;
  const helper = error ?? (selected === null && derivedPath ? t('incidents.form.locationFromAssets', { path: derivedPath }) : t('incidents.form.locationHelp'));

  return (
    <Autocomplete<LocationNodeOption, false, false, false>
      options={options}
      value={selected}
      onChange={(_event, next) => onChange(next?.id ?? null)}
      getOptionLabel={(option) => option.path}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      renderOption={renderLocationOption}
      openText={t('incidents.form.autocomplete.open')}
      closeText={t('incidents.form.autocomplete.close')}
      clearText={t('incidents.form.autocomplete.clear')}
      noOptionsText={t('incidents.form.noLocations')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('incidents.fields.locationId')}
          placeholder={derivedPath ?? undefined}
          error={error !== undefined}
          helperText={helper}
        />
      )}
      data-field="locationId"
    />
  );
}
