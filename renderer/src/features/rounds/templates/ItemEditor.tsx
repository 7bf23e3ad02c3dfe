import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Autocomplete, Box, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Paper, Stack, TextField, Tooltip } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RUNNABLE_CHECK_KINDS, type CheckProfileInfo, type RunnableCheckKind } from '@shared/domain/checks';
import type { ItemType } from '@shared/domain/rounds';
import { localized } from '../../checks/check-format';
import { AssetTypesField } from './AssetTypesField';
import { newOption, readsDevice, THRESHOLD_FIELDS, type DraftItem } from './template-draft';

export const ITEM_TYPES: readonly ItemType[] = ['pass-fail', 'number', 'choice', 'text', 'photo', 'signature', 'auto', 'config-drift'];

export interface MetricOption {
  name: string;
  /** Where it comes from: a parser's dialect and command, or a probe. */
  source: string;
}

interface Props {
  item: DraftItem;
  index: number;
  count: number;
  sectionTitle: string;
  problem(field: string): string | undefined;
  profiles: readonly CheckProfileInfo[];
  metrics: readonly MetricOption[];
  onChange(change: Partial<Omit<DraftItem, 'uid'>>): void;
  onMove(step: 1 | -1): void;
  onRemove(): void;
  onAddAfter(): void;
}

/**
 * One item of a template. Alt+↑/↓ moves it (across sections at the ends),
 * Ctrl+Enter adds an item after it; the buttons do the same for the mouse.
 */
export function ItemEditor({ item, index, count, sectionTitle, problem, profiles, metrics, onChange, onMove, onRemove, onAddAfter }: Props) {
  const { t, i18n } = useTranslation();
  const field = (name: string) => `${item.uid}.${name}`;
  const perAsset = readsDevice(item.type) || item.perAsset;
  const name = item.label.trim() || t('rounds.editor.itemNumber', { number: index + 1 });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onMove(event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.ctrlKey && !event.altKey && event.key === 'Enter') {
      event.preventDefault();
      onAddAfter();
    }
  };

  const thresholds = (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {THRESHOLD_FIELDS.map((limit) => (
        <TextField
          key={limit}
          size="small"
          label={t(`rounds.editor.thresholds.${limit}`)}
          value={item.thresholds[limit]}
          onChange={(event) => onChange({ thresholds: { ...item.thresholds, [limit]: event.target.value } })}
          error={problem(field(`thresholds.${limit}`)) !== undefined}
          helperText={problem(field(`thresholds.${limit}`)) ?? ' '}
          sx={{ width: 140 }}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-field': field(`thresholds.${limit}`) } }}
        />
      ))}
    </Stack>
  );
  const unit = (
    <TextField size="small" label={t('rounds.editor.unit')} value={item.unit} onChange={(event) => onChange({ unit: event.target.value })} sx={{ width: 120 }} slotProps={{ htmlInput: { maxLength: 20 } }} helperText=" " />
  );

  const profileChoices = profiles.filter((profile) => profile.kind === item.bindingKind);

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} role="group" aria-label={t('rounds.editor.itemLabel', { name, section: sectionTitle })} onKeyDown={onKeyDown} data-item={item.uid}>
      <Stack spacing={1}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'flex-start' } }}>
          <TextField
            size="small"
            label={t('rounds.editor.itemName')}
            value={item.label}
            onChange={(event) => onChange({ label: event.target.value })}
            error={problem(field('label')) !== undefined}
            helperText={problem(field('label')) ?? ' '}
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { maxLength: 300, 'data-field': field('label'), 'data-focus': item.uid } }}
          />
          <TextField select size="small" label={t('rounds.editor.itemType')} value={item.type} onChange={(event) => onChange({ type: event.target.value as ItemType })} sx={{ width: 200 }} helperText=" ">
            {ITEM_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {t(`rounds.itemTypes.${type}`)}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" sx={{ alignItems: 'center', pt: 0.5 }}>
            <Tooltip title={t('rounds.editor.moveUp')}>
              <span>
                <IconButton size="small" aria-label={t('rounds.editor.moveItemUp', { name })} aria-keyshortcuts="Alt+ArrowUp" onClick={() => onMove(-1)}>
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title={t('rounds.editor.moveDown')}>
              <span>
                <IconButton size="small" aria-label={t('rounds.editor.moveItemDown', { name })} aria-keyshortcuts="Alt+ArrowDown" onClick={() => onMove(1)}>
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title={t('rounds.editor.removeItem')}>
              <span>
                <IconButton size="small" aria-label={t('rounds.editor.removeItemNamed', { name })} onClick={onRemove} disabled={count <= 1}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
        </Stack>

        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <FormControlLabel control={<Checkbox size="small" checked={item.required} onChange={(event) => onChange({ required: event.target.checked })} />} label={t('rounds.editor.required')} />
          <FormControlLabel
            control={<Checkbox size="small" checked={perAsset} disabled={readsDevice(item.type)} onChange={(event) => onChange({ perAsset: event.target.checked })} />}
            label={readsDevice(item.type) ? t('rounds.editor.perAssetDevice') : t('rounds.editor.perAsset')}
          />
          {perAsset ? (
            <Box sx={{ minWidth: 280, flex: 1 }}>
              <AssetTypesField value={item.assetTypes} onChange={(assetTypes) => onChange({ assetTypes })} label={t('rounds.editor.itemAssetTypes')} helperText={t('rounds.editor.itemAssetTypesHelp')} dataField={field('assetTypes')} />
            </Box>
          ) : null}
        </Stack>

        {item.type === 'number' ? (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {unit}
            <TextField
              size="small"
              label={t('rounds.editor.decimals')}
              value={item.decimals}
              onChange={(event) => onChange({ decimals: event.target.value })}
              error={problem(field('decimals')) !== undefined}
              helperText={problem(field('decimals')) ?? ' '}
              sx={{ width: 120 }}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-field': field('decimals') } }}
            />
            {thresholds}
          </Stack>
        ) : null}

        {item.type === 'choice' ? (
          <Stack spacing={1} role="group" aria-label={t('rounds.editor.options')}>
            {item.options.map((option, optionIndex) => (
              <Stack key={option.uid} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  size="small"
                  label={t('rounds.editor.optionLabel', { number: optionIndex + 1 })}
                  value={option.label}
                  onChange={(event) => onChange({ options: item.options.map((candidate) => (candidate.uid === option.uid ? { ...candidate, label: event.target.value } : candidate)) })}
                  sx={{ flex: 1 }}
                  error={optionIndex < 2 && problem(field('options')) !== undefined}
                  helperText={optionIndex === 0 ? (problem(field('options')) ?? ' ') : ' '}
                  slotProps={{ htmlInput: { maxLength: 300, ...(optionIndex === 0 ? { 'data-field': field('options') } : {}) } }}
                />
                <TextField
                  select
                  size="small"
                  label={t('rounds.editor.optionOutcome')}
                  value={option.outcome}
                  onChange={(event) => onChange({ options: item.options.map((candidate) => (candidate.uid === option.uid ? { ...candidate, outcome: event.target.value as typeof option.outcome } : candidate)) })}
                  sx={{ width: 150 }}
                  helperText=" "
                >
                  {(['ok', 'warning', 'failed'] as const).map((outcome) => (
                    <MenuItem key={outcome} value={outcome}>
                      {t(`rounds.outcomes.${outcome}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <IconButton
                  size="small"
                  sx={{ mt: 0.5 }}
                  aria-label={t('rounds.editor.removeOption', { number: optionIndex + 1 })}
                  disabled={item.options.length <= 2}
                  onClick={() => onChange({ options: item.options.filter((candidate) => candidate.uid !== option.uid) })}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            ))}
            <Box>
              <Button size="small" startIcon={<AddIcon />} onClick={() => onChange({ options: [...item.options, newOption()] })} disabled={item.options.length >= 20}>
                {t('rounds.editor.addOption')}
              </Button>
            </Box>
          </Stack>
        ) : null}

        {item.type === 'text' ? (
          <FormControlLabel control={<Checkbox size="small" checked={item.multiline} onChange={(event) => onChange({ multiline: event.target.checked })} />} label={t('rounds.editor.multiline')} />
        ) : null}

        {item.type === 'photo' ? (
          <TextField
            size="small"
            label={t('rounds.editor.minPhotos')}
            value={item.minPhotos}
            onChange={(event) => onChange({ minPhotos: event.target.value })}
            error={problem(field('minPhotos')) !== undefined}
            helperText={problem(field('minPhotos')) ?? ' '}
            sx={{ width: 160 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-field': field('minPhotos') } }}
          />
        ) : null}

        {item.type === 'auto' ? (
          <Stack spacing={1}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
              <TextField
                select
                size="small"
                label={t('rounds.editor.checkKind')}
                value={item.bindingKind}
                onChange={(event) => onChange({ bindingKind: event.target.value as RunnableCheckKind, bindingProfileId: '' })}
                sx={{ width: 160 }}
                helperText=" "
              >
                {RUNNABLE_CHECK_KINDS.map((kind) => (
                  <MenuItem key={kind} value={kind}>
                    {t(`rounds.checkKinds.${kind}`)}
                  </MenuItem>
                ))}
              </TextField>
              {item.bindingKind === 'snmp' || item.bindingKind === 'ssh' ? (
                <TextField select size="small" label={t('rounds.editor.profile')} value={item.bindingProfileId} onChange={(event) => onChange({ bindingProfileId: event.target.value })} sx={{ width: 240 }} helperText=" ">
                  <MenuItem value="">{t('rounds.editor.profileAuto')}</MenuItem>
                  {profileChoices.map((profile) => (
                    <MenuItem key={profile.id} value={profile.id}>
                      {localized(profile.name, i18n.language)}
                    </MenuItem>
                  ))}
                </TextField>
              ) : null}
              <Autocomplete<MetricOption | string, false, false, true>
                freeSolo
                size="small"
                sx={{ flex: 1, minWidth: 240 }}
                options={metrics}
                value={item.bindingMetric}
                inputValue={item.bindingMetric}
                onInputChange={(_event, value) => onChange({ bindingMetric: value })}
                onChange={(_event, value) => onChange({ bindingMetric: typeof value === 'string' ? value : (value?.name ?? '') })}
                getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
                renderOption={(props, option) => {
                  const { key, ...rest } = props;
                  return (
                    <li key={key} {...rest}>
                      {typeof option === 'string' ? (
                        option
                      ) : (
                        <span>
                          <code>{option.name}</code>
                          <span style={{ display: 'block', fontSize: '0.8em', opacity: 0.7 }}>{option.source}</span>
                        </span>
                      )}
                    </li>
                  );
                }}
                openText={t('rounds.pickers.open')}
                closeText={t('rounds.pickers.close')}
                clearText={t('rounds.pickers.clear')}
                renderInput={(params) => (
                  <TextField
                    {...params}
                    label={t('rounds.editor.metric')}
                    error={problem(field('bindingMetric')) !== undefined}
                    helperText={problem(field('bindingMetric')) ?? t('rounds.editor.metricHelp')}
                    slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-field': field('bindingMetric') } }}
                  />
                )}
              />
            </Stack>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {unit}
              {thresholds}
            </Stack>
            <TextField
              size="small"
              label={t('rounds.editor.okValues')}
              value={item.okValues}
              onChange={(event) => onChange({ okValues: event.target.value })}
              multiline
              minRows={1}
              helperText={t('rounds.editor.okValuesHelp')}
            />
          </Stack>
        ) : null}

        <TextField size="small" label={t('rounds.editor.help')} value={item.help} onChange={(event) => onChange({ help: event.target.value })} multiline slotProps={{ htmlInput: { maxLength: 2000 } }} />
      </Stack>
    </Paper>
  );
}
