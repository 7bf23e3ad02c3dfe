import SearchIcon from '@mui/icons-material/Search';
import { Button, Checkbox, Chip, FormControlLabel, InputAdornment, ListItemText, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '@shared/domain/incidents';
import { PRIORITIES, SLA_STATES } from '@shared/domain/sla';
import { filterIsActive } from './incident-list-filter';
import { useIncidentList } from './incidents-list.store';

/** Search and filters above the incident list. Every change reloads the list from the first row. */
export function IncidentFilters() {
  const { t } = useTranslation();
  const searchText = useIncidentList((state) => state.searchText);
  const setSearchText = useIncidentList((state) => state.setSearchText);
  const filter = useIncidentList((state) => state.filter);
  const setFilter = useIncidentList((state) => state.setFilter);
  const clearFilters = useIncidentList((state) => state.clearFilters);
  const active = filterIsActive(filter) || searchText.trim() !== '';
  const separator = t('incidents.filters.listSeparator');

  const multi = <V extends string>(
    name: 'status' | 'priority' | 'category' | 'sla',
    values: readonly V[],
    choices: readonly V[],
    label: (value: V) => string,
    onChange: (next: V[]) => void,
    width: number,
  ) => (
    <TextField
      select
      size="small"
      label={t(`incidents.filters.${name}`)}
      value={values}
      onChange={(event) => onChange(asArray(event.target.value) as V[])}
      sx={{ width }}
      slotProps={{
        select: {
          multiple: true,
          displayEmpty: true,
          renderValue: (selected) => ((selected as V[]).length === 0 ? t('incidents.filters.any') : (selected as V[]).map(label).join(separator)),
        },
        inputLabel: { shrink: true },
      }}
    >
      {choices.map((choice) => (
        <MenuItem key={choice} value={choice} dense>
          <Checkbox size="small" checked={values.includes(choice)} tabIndex={-1} sx={{ p: 0.5, mr: 1 }} slotProps={{ input: { 'aria-hidden': true } }} />
          <ListItemText primary={label(choice)} />
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1.5 }} role="search" aria-label={t('incidents.filters.label')}>
      <TextField
        type="search"
        size="small"
        label={t('incidents.filters.search')}
        placeholder={t('incidents.filters.searchPlaceholder')}
        value={searchText}
        onChange={(event) => setSearchText(event.target.value)}
        sx={{ width: 260 }}
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
      {multi('status', filter.statuses, INCIDENT_STATUSES, (status) => t(`incidents.statuses.${status}`), (statuses) => setFilter({ statuses }), 150)}
      {multi('priority', filter.priorities, PRIORITIES, (priority) => priority, (priorities) => setFilter({ priorities }), 120)}
      {multi('category', filter.categories, INCIDENT_CATEGORIES, (category) => t(`incidents.categories.${category}`), (categories) => setFilter({ categories }), 150)}
      {multi('sla', filter.slaStates, SLA_STATES, (state) => t(`sla.states.${state}`), (slaStates) => setFilter({ slaStates }), 150)}
      <FormControlLabel
        control={<Switch size="small" checked={filter.openOnly} onChange={(event) => setFilter({ openOnly: event.target.checked })} />}
        label={t('incidents.filters.openOnly')}
      />
      {filter.asset ? (
        <Chip
          label={t('incidents.filters.onAsset', { name: filter.asset.name })}
          onDelete={() => setFilter({ asset: null })}
          title={t('incidents.filters.removeAsset')}
        />
      ) : null}
      {active ? (
        <Button size="small" onClick={clearFilters}>
          {t('incidents.clearFilters')}
        </Button>
      ) : null}
    </Stack>
  );
}

function asArray(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',') : (value as string[]);
}
