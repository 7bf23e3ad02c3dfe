import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import { Button, Checkbox, ListItemText, MenuItem, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationTree } from '@shared/domain/locations';
import { RECORD_FILTERS, vocabularyCodes, vocabularyLabel, type VocabularyName } from '@shared/domain/records';
import { PRIORITIES, SLA_STATES } from '@shared/domain/sla';
import { placeOptions } from '../dashboard/DashboardFilters';
import { PERIOD_PRESETS, type PeriodPreset } from '../dashboard/dashboard-period';
import { localDate } from '@shared/rounds/schedule-periods';
import { languageOf } from './record-format';
import { withPeriod, type RecordsView } from './records-query';

const EVERYWHERE = '';

interface Props {
  view: RecordsView;
  tree: LocationTree | null;
  engineers: readonly string[];
  onChange(view: RecordsView): void;
}

/** Period, place, engineer and the kind's own filters; each change is a new address, so Back undoes it. */
export function RecordsFilters({ view, tree, engineers, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const rules = RECORD_FILTERS[view.kind];
  const places = placeOptions(tree);
  const [customFrom, setCustomFrom] = useState(() => localDate(view.period.from, view.timeZone));
  const [customTo, setCustomTo] = useState(() => localDate(view.period.to - 1, view.timeZone));
  const [search, setSearch] = useState(view.search);
  const customInvalid = view.preset === 'custom' && (customFrom === '' || customTo === '' || customTo < customFrom);

  // The address changed the search (Back, Clear): the field follows it.
  const [shownSearch, setShownSearch] = useState(view.search);
  if (shownSearch !== view.search) {
    setShownSearch(view.search);
    setSearch(view.search);
  }
  // Typing waits for a pause before the list reloads.
  useEffect(() => {
    if (search === view.search) return;
    const timer = setTimeout(() => onChange({ ...view, search: search.trim() }), 350);
    return () => clearTimeout(timer);
  }, [search, view, onChange]);

  const multi = (key: 'categories' | 'statuses' | 'priorities' | 'slaStates', label: string, codes: readonly string[], name: (code: string) => string) => (
    <TextField
      select
      size="small"
      label={label}
      value={view[key]}
      sx={{ minWidth: 160, maxWidth: 260 }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (selected) => ((selected as string[]).length === 0 ? t('records.filters.any') : (selected as string[]).map(name).join(', ')),
          displayEmpty: true,
        },
        inputLabel: { shrink: true },
      }}
      onChange={(event) => {
        const value = event.target.value as unknown as string[] | string;
        onChange({ ...view, [key]: typeof value === 'string' ? value.split(',') : value });
      }}
    >
      {codes.map((code) => (
        <MenuItem key={code} value={code}>
          <Checkbox size="small" checked={(view[key] as string[]).includes(code)} />
          <ListItemText primary={name(code)} />
        </MenuItem>
      ))}
    </TextField>
  );
  const vocabulary = (name: VocabularyName) => (code: string) => vocabularyLabel(name, code, language);
  const filtered =
    view.locationId !== null || view.engineer !== null || view.categories.length + view.priorities.length + view.slaStates.length + view.statuses.length > 0 || view.search !== '';

  return (
    <Paper variant="outlined" component="section" aria-label={t('records.filters.label')} sx={{ p: 2, mb: 2 }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Stack spacing={0.5}>
          <Typography variant="caption" color="text.secondary" id="records-period-label">
            {t('records.filters.period')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={view.preset}
            aria-labelledby="records-period-label"
            onChange={(_, preset: PeriodPreset | null) => {
              if (preset) onChange(withPeriod(view, preset, preset === 'custom' ? { from: customFrom, to: customTo } : null));
            }}
          >
            {PERIOD_PRESETS.map((preset) => (
              <ToggleButton key={preset} value={preset}>
                {t(`records.filters.presets.${preset}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
        {view.preset === 'custom' ? (
          <Stack direction="row" spacing={1}>
            {(['from', 'to'] as const).map((end) => (
              <TextField
                key={end}
                type="date"
                size="small"
                label={t(`records.filters.${end}`)}
                value={end === 'from' ? customFrom : customTo}
                error={customInvalid}
                helperText={customInvalid && end === 'to' ? t('records.filters.customInvalid') : undefined}
                slotProps={{ inputLabel: { shrink: true } }}
                onChange={(event) => {
                  const from = end === 'from' ? event.target.value : customFrom;
                  const to = end === 'to' ? event.target.value : customTo;
                  if (end === 'from') setCustomFrom(from);
                  else setCustomTo(to);
                  if (from && to && from <= to) onChange(withPeriod(view, 'custom', { from, to }));
                }}
              />
            ))}
          </Stack>
        ) : null}
        <TextField
          select
          size="small"
          label={t('records.filters.location')}
          value={view.locationId ?? EVERYWHERE}
          sx={{ minWidth: 200 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          onChange={(event) => onChange({ ...view, locationId: event.target.value === EVERYWHERE ? null : event.target.value })}
        >
          <MenuItem value={EVERYWHERE}>{t('records.filters.everywhere')}</MenuItem>
          {places.map((place) => (
            <MenuItem key={place.id} value={place.id} sx={{ pl: 2 + place.depth * 2 }}>
              {place.name}
            </MenuItem>
          ))}
        </TextField>
        {rules.engineer ? (
          <TextField
            select
            size="small"
            label={t('records.filters.engineer')}
            value={view.engineer ?? EVERYWHERE}
            sx={{ minWidth: 160 }}
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
            onChange={(event) => onChange({ ...view, engineer: event.target.value === EVERYWHERE ? null : event.target.value })}
          >
            <MenuItem value={EVERYWHERE}>{t('records.filters.everyone')}</MenuItem>
            {[...new Set([...engineers, ...(view.engineer ? [view.engineer] : [])])].map((name) => (
              <MenuItem key={name} value={name}>
                {name}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {rules.category ? multi('categories', t(`records.filters.category.${view.kind}`), vocabularyCodes(rules.category), vocabulary(rules.category)) : null}
        {rules.priority ? multi('priorities', t('records.filters.priority'), PRIORITIES, vocabulary('priority')) : null}
        {rules.slaState ? multi('slaStates', t('records.filters.slaState'), SLA_STATES, vocabulary('slaState')) : null}
        {multi('statuses', t('records.filters.status'), vocabularyCodes(rules.status), vocabulary(rules.status))}
        {rules.search ? (
          <TextField
            size="small"
            type="search"
            label={t('records.filters.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value.slice(0, 200))}
            sx={{ minWidth: 180 }}
          />
        ) : null}
        {filtered ? (
          <Button
            startIcon={<FilterAltOffIcon />}
            onClick={() => onChange({ ...view, locationId: null, engineer: null, categories: [], priorities: [], slaStates: [], statuses: [], search: '' })}
          >
            {t('records.filters.clear')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
