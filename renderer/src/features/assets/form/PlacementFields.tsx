import { Autocomplete, FormHelperText, Grid, MenuItem, TextField } from '@mui/material';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RACK_UNITS, type RackElevation } from '@shared/domain/assets';
import type { LocationTree } from '@shared/domain/locations';
import { api } from '../../../api';
import { formatRanges, freeRanges } from '../asset-format';
import type { AssetFormValues, FieldProblem, FormField } from '../asset-form-model';
import { roomOptions, type RoomOption } from '../location-options';
import { useApiResource } from '../use-api-resource';
import { useProblemText } from './problem-text';

type Placement = Pick<AssetFormValues, 'roomId' | 'rackId' | 'rackUStart' | 'rackUHeight'>;

interface Props {
  tree: LocationTree | null;
  value: Placement;
  onChange(change: Partial<Placement>): void;
  problems: Partial<Record<FormField, FieldProblem>>;
  /** The asset being edited: its own units count as free. */
  selfId?: string | undefined;
}

/**
 * Machine room, then optionally a rack of that room with the first U and the
 * height. The rack's free units are shown under the fields so the engineer
 * picks a free range instead of learning about it from an error.
 */
export function PlacementFields({ tree, value, onChange, problems, selfId }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const rooms = useMemo(() => (tree ? roomOptions(tree) : []), [tree]);
  const room = rooms.find((option) => option.id === value.roomId) ?? null;
  const elevation = useRackElevation(value.rackId);

  const free = useMemo(() => {
    if (!elevation) return null;
    return freeRanges(
      elevation.rack.heightU,
      elevation.occupants.filter((occupant) => occupant.assetId !== selfId),
    );
  }, [elevation, selfId]);

  const hint = !value.rackId
    ? ' '
    : free === null
      ? t('assetForm.rackFreeLoading')
      : free.length === 0
        ? t('assetForm.rackFull')
        : t('assetForm.rackFree', { ranges: formatRanges(free, t('assetForm.listSeparator')) });

  const hintId = useId();
  const problemId = useId();
  const uStartProblem = problemText(problems.rackUStart);
  const uHeightProblem = problemText(problems.rackUHeight);

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 7 }}>
        <Autocomplete<RoomOption, false, false, false>
          value={room}
          onChange={(_event, next) => onChange({ roomId: next?.id ?? null, rackId: null, rackUStart: '', rackUHeight: '' })}
          options={rooms}
          groupBy={(option) => option.parentPath}
          getOptionLabel={(option) => `${option.parentPath} / ${option.name}`}
          renderOption={(props, option) => {
            const { key, ...rest } = props;
            return (
              <li key={key} {...rest}>
                {option.name}
              </li>
            );
          }}
          isOptionEqualToValue={(option, selected) => option.id === selected.id}
          noOptionsText={t('assetForm.noOptions')}
          openText={t('assetForm.autocomplete.open')}
          closeText={t('assetForm.autocomplete.close')}
          clearText={t('assetForm.autocomplete.clear')}
          renderInput={(params) => (
            <TextField
              {...params}
              label={t('assetForm.fields.roomId')}
              placeholder={t('assetForm.noRoom')}
              error={problems.roomId !== undefined}
              helperText={problemText(problems.roomId) ?? ' '}
              data-field="roomId"
            />
          )}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 5 }}>
        <TextField
          select
          fullWidth
          label={t('assetForm.fields.rackId')}
          value={value.rackId ?? ''}
          disabled={!room}
          onChange={(event) => {
            const rackId = event.target.value || null;
            onChange({ rackId, rackUStart: rackId ? value.rackUStart : '', rackUHeight: rackId ? value.rackUHeight || '1' : '' });
          }}
          error={problems.rackId !== undefined}
          helperText={problemText(problems.rackId) ?? ' '}
          data-field="rackId"
        >
          <MenuItem value="">
            <em>{t('assetForm.noRack')}</em>
          </MenuItem>
          {(room?.racks ?? []).map((rack) => (
            <MenuItem key={rack.id} value={rack.id}>
              {rack.name} · {rack.heightU}U
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      {value.rackId ? (
        <>
          <Grid size={{ xs: 6, sm: 3 }}>
            <TextField
              fullWidth
              type="number"
              label={t('assetForm.fields.rackUStart')}
              value={value.rackUStart}
              onChange={(event) => onChange({ rackUStart: event.target.value })}
              slotProps={{
                htmlInput: { min: 1, max: elevation?.rack.heightU ?? MAX_RACK_UNITS, step: 1, 'aria-describedby': uStartProblem ? `${problemId} ${hintId}` : hintId },
              }}
              error={uStartProblem !== undefined}
              data-field="rackUStart"
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <TextField
              fullWidth
              type="number"
              label={t('assetForm.fields.rackUHeight')}
              value={value.rackUHeight}
              onChange={(event) => onChange({ rackUHeight: event.target.value })}
              slotProps={{ htmlInput: { min: 1, max: MAX_RACK_UNITS, step: 1, 'aria-describedby': uHeightProblem ? `${problemId} ${hintId}` : hintId } }}
              error={uHeightProblem !== undefined}
              data-field="rackUHeight"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }} sx={{ display: 'flex', alignItems: 'center' }}>
            <FormHelperText id={hintId} sx={{ m: 0 }} aria-live="polite">
              {hint}
            </FormHelperText>
          </Grid>
          {uStartProblem || uHeightProblem ? (
            <Grid size={12} sx={{ mt: -1 }}>
              <FormHelperText id={problemId} error sx={{ m: 0 }}>
                {uStartProblem ?? uHeightProblem}
              </FormHelperText>
            </Grid>
          ) : null}
        </>
      ) : null}
    </Grid>
  );
}

/** The rack's occupancy, for the free-units hint; null while loading or without a rack. */
function useRackElevation(rackId: string | null): RackElevation | null {
  return useApiResource<RackElevation>(rackId, () => api.call('racks.elevation', { rackId: rackId ?? '' })).data;
}
