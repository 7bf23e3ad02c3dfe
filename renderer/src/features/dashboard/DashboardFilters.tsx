import RefreshIcon from '@mui/icons-material/Refresh';
import { Button, MenuItem, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { LocationTree } from '@shared/domain/locations';
import { useTranslation } from 'react-i18next';
import { PERIOD_PRESETS, type PeriodPreset } from './dashboard-period';
import { useDashboardFilters } from './dashboard.store';

/** A client, site or room as one option, indented under its parent. */
interface PlaceOption {
  id: string;
  name: string;
  depth: number;
}

export function placeOptions(tree: LocationTree | null): PlaceOption[] {
  if (!tree) return [];
  return tree.clients.flatMap((client) => [
    { id: client.id, name: client.name, depth: 0 },
    ...client.sites.flatMap((site) => [{ id: site.id, name: site.name, depth: 1 }, ...site.rooms.map((room) => ({ id: room.id, name: room.name, depth: 2 }))]),
  ]);
}

const EVERYWHERE = '';

/** Period presets (or a custom range), place and engineer; every change recomputes the figures. */
export function DashboardFilters({ tree, engineers, onRefresh, busy }: { tree: LocationTree | null; engineers: readonly string[]; onRefresh: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const filters = useDashboardFilters();
  const places = placeOptions(tree);
  const customInvalid = filters.preset === 'custom' && (filters.customFrom === '' || filters.customTo === '' || filters.customTo < filters.customFrom);
  return (
    <Paper variant="outlined" component="section" aria-label={t('dashboard.filters.label')} sx={{ p: 2, mb: 3 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap', rowGap: 2 }}>
        <Stack spacing={0.5}>
          <Typography variant="caption" color="text.secondary" id="dashboard-period-label">
            {t('dashboard.filters.period')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={filters.preset}
            aria-labelledby="dashboard-period-label"
            onChange={(_, preset: PeriodPreset | null) => {
              if (preset) filters.set({ preset });
            }}
          >
            {PERIOD_PRESETS.map((preset) => (
              <ToggleButton key={preset} value={preset}>
                {t(`dashboard.filters.presets.${preset}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
        {filters.preset === 'custom' ? (
          <Stack direction="row" spacing={1}>
            <TextField
              type="date"
              size="small"
              label={t('dashboard.filters.from')}
              value={filters.customFrom}
              onChange={(event) => filters.set({ customFrom: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
              error={customInvalid && filters.customFrom !== ''}
            />
            <TextField
              type="date"
              size="small"
              label={t('dashboard.filters.to')}
              value={filters.customTo}
              onChange={(event) => filters.set({ customTo: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
              error={customInvalid && filters.customTo !== ''}
              helperText={customInvalid ? t('dashboard.filters.customInvalid') : undefined}
            />
          </Stack>
        ) : null}
        <TextField
          select
          size="small"
          label={t('dashboard.filters.location')}
          value={filters.locationId ?? EVERYWHERE}
          onChange={(event) => filters.set({ locationId: event.target.value === EVERYWHERE ? null : event.target.value })}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value={EVERYWHERE}>{t('dashboard.everywhere')}</MenuItem>
          {places.map((place) => (
            <MenuItem key={place.id} value={place.id} sx={{ pl: 2 + place.depth * 2 }}>
              {place.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('dashboard.filters.engineer')}
          value={filters.engineer ?? EVERYWHERE}
          onChange={(event) => filters.set({ engineer: event.target.value === EVERYWHERE ? null : event.target.value })}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value={EVERYWHERE}>{t('dashboard.everyone')}</MenuItem>
          {engineers.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
        <Button startIcon={<RefreshIcon />} onClick={onRefresh} disabled={busy}>
          {t('dashboard.filters.refresh')}
        </Button>
      </Stack>
    </Paper>
  );
}
