import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Autocomplete, Box, Button, FormControlLabel, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RUNNABLE_CHECK_KINDS, type CheckScope, type RunnableCheckKind } from '@shared/domain/checks';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useAssetList } from '../../assets/assets-list.store';
import { locationNodeOptions, type LocationNodeOption } from '../../assets/location-options';
import { useLocations } from '../../locations/locations.store';
import { useCheckRuns, useRunView } from '../check-runs.store';
import { KindPicker } from '../ui/KindPicker';
import { RunProgress } from '../ui/RunProgress';
import { renderLocationOption } from '../../assets/LocationOptionItem';

type ScopeChoice = 'location' | 'selected';

/**
 * A sweep: every device under a client, site, room or rack (or the assets
 * picked in the asset list), with a bar that counts done and failed checks and
 * a Cancel that keeps what already finished.
 */
export function SweepPanel({ onStarted }: { onStarted(runId: string): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const selection = useAssetList((state) => state.selection);
  const start = useCheckRuns((state) => state.start);
  const cancel = useCheckRuns((state) => state.cancel);
  const view = useRunView((state) => state.sweepRunId);
  const [choice, setChoice] = useState<ScopeChoice>('location');
  const [location, setLocation] = useState<LocationNodeOption | null>(null);
  const [kinds, setKinds] = useState<RunnableCheckKind[]>([...RUNNABLE_CHECK_KINDS]);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingLocation, setMissingLocation] = useState(false);
  const options = useMemo(() => (tree ? locationNodeOptions(tree) : []), [tree]);
  const running = view?.running ?? false;
  const selectedCount = selection.size;

  useEffect(() => {
    if (useLocations.getState().tree === null) void loadTree();
  }, [loadTree]);

  async function startSweep() {
    let scope: CheckScope;
    let label: string;
    if (choice === 'selected' && selectedCount > 0) {
      scope = { assetIds: [...selection] };
      label = t('checks.sweep.selectedLabel', { count: selectedCount });
    } else if (location) {
      scope = { location: { kind: location.kind, id: location.id } };
      label = location.name;
    } else {
      setMissingLocation(true);
      return;
    }
    setStarting(true);
    setError(null);
    try {
      onStarted(await start(scope, kinds, 'sweep', label));
    } catch (caught) {
      setError(caught);
    } finally {
      setStarting(false);
    }
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2.5 }}>
      <Typography variant="h2" id={headingId} sx={{ mb: 1 }}>
        {t('checks.sweep.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('checks.sweep.intro')}
      </Typography>
      <Stack spacing={2}>
        <RadioGroup row value={choice} onChange={(event) => setChoice(event.target.value as ScopeChoice)} aria-label={t('checks.sweep.scope')}>
          <FormControlLabel value="location" control={<Radio size="small" />} label={t('checks.sweep.scopeLocation')} disabled={running} />
          <FormControlLabel
            value="selected"
            control={<Radio size="small" />}
            label={t('checks.sweep.scopeSelected', { count: selectedCount })}
            disabled={running || selectedCount === 0}
          />
        </RadioGroup>
        {choice === 'location' ? (
          <Autocomplete<LocationNodeOption, false, false, false>
            size="small"
            options={options}
            value={location}
            disabled={running}
            onChange={(_event, next) => {
              setLocation(next);
              setMissingLocation(false);
            }}
            getOptionLabel={(option) => option.path}
            isOptionEqualToValue={(option, selected) => option.id === selected.id}
            renderOption={renderLocationOption}
            openText={t('assetForm.autocomplete.open')}
            closeText={t('assetForm.autocomplete.close')}
            clearText={t('assetForm.autocomplete.clear')}
            noOptionsText={tree && options.length === 0 ? t('checks.sweep.noLocations') : t('assetForm.noOptions')}
            sx={{ maxWidth: 520 }}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('checks.sweep.location')}
                error={missingLocation}
                helperText={missingLocation ? t('checks.sweep.chooseLocation') : t('checks.sweep.locationHelp')}
              />
            )}
          />
        ) : null}
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <KindPicker value={kinds} onChange={setKinds} disabled={running} />
          <Button variant="contained" startIcon={<PlayArrowIcon />} loading={starting} disabled={running || kinds.length === 0} onClick={() => void startSweep()} sx={{ mb: 0.5 }}>
            {t('checks.sweep.start')}
          </Button>
        </Stack>
        {error ? <ErrorAlert title={t('checks.startFailed')} error={error} /> : null}
        {view ? (
          <Box>
            <Typography variant="body2" sx={{ mb: 0.5, fontWeight: 600 }}>
              {view.run.label || t('checks.runs.unnamed')}
            </Typography>
            <RunProgress
              view={view}
              label={t('checks.progress.sweepLabel')}
              onCancel={() => {
                cancel(view.run.id).catch(setError);
              }}
            />
          </Box>
        ) : null}
      </Stack>
    </Paper>
  );
}
