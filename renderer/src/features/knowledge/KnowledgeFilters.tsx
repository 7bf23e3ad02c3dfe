import SearchIcon from '@mui/icons-material/Search';
import { Autocomplete, Button, Chip, InputAdornment, ListItemText, MenuItem, Checkbox, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ASSET_TYPES, type AssetType } from '@shared/domain/assets';
import { ARTICLE_STATUSES } from '@shared/domain/knowledge';
import { LANGUAGES } from '@shared/domain/profile';
import { filterIsActive, useKnowledgeList } from './knowledge-list.store';

/** Tags shown as chips; the rest are reached by searching. */
const TAG_CHIPS = 20;

function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** The search box and filter chips above the article list. Every change reloads the list. */
export function KnowledgeFilters() {
  const { t } = useTranslation();
  const searchText = useKnowledgeList((state) => state.searchText);
  const setSearchText = useKnowledgeList((state) => state.setSearchText);
  const filter = useKnowledgeList((state) => state.filter);
  const setFilter = useKnowledgeList((state) => state.setFilter);
  const clearFilters = useKnowledgeList((state) => state.clearFilters);
  const tags = useKnowledgeList((state) => state.tags);
  const vendors = useKnowledgeList((state) => state.vendors);

  const lower = filter.tags.map((tag) => tag.toLowerCase());
  const shownTags = [
    ...tags.slice(0, TAG_CHIPS),
    // A selected tag stays visible (to be turned off) even when it is not among the most used.
    ...filter.tags.filter((tag) => !tags.slice(0, TAG_CHIPS).some((known) => known.value.toLowerCase() === tag.toLowerCase())).map((value) => ({ value, count: 0 })),
  ];
  const active = filterIsActive(filter) || searchText.trim() !== '';

  return (
    <Stack spacing={1.5} sx={{ mb: 2 }} role="search" aria-label={t('knowledge.filters')}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          type="search"
          size="small"
          label={t('knowledge.search')}
          placeholder={t('knowledge.searchPlaceholder')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          sx={{ width: { xs: '100%', sm: 340 } }}
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
          label={t('knowledge.assetTypes')}
          value={filter.assetTypes}
          onChange={(event) => setFilter({ assetTypes: asArray(event.target.value) as AssetType[] })}
          sx={{ width: 180 }}
          slotProps={{
            select: {
              multiple: true,
              renderValue: (selected) => (selected as AssetType[]).map((type) => t(`assetTypes.${type}`)).join(t('knowledge.listSeparator')),
            },
          }}
        >
          {ASSET_TYPES.map((type) => (
            <MenuItem key={type} value={type} dense>
              <Checkbox size="small" checked={filter.assetTypes.includes(type)} sx={{ p: 0.5, mr: 1 }} />
              <ListItemText primary={t(`assetTypes.${type}`)} />
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          multiple
          size="small"
          options={vendors.map((vendor) => vendor.value)}
          value={filter.vendors}
          onChange={(_event, value) => setFilter({ vendors: value })}
          sx={{ minWidth: 200 }}
          renderInput={(params) => <TextField {...params} label={t('knowledge.vendors')} />}
          noOptionsText={t('knowledge.form.noOptions')}
          openText={t('knowledge.form.open')}
          closeText={t('knowledge.form.close')}
          clearText={t('knowledge.form.clear')}
        />
        {active ? (
          <Button size="small" onClick={clearFilters}>
            {t('knowledge.clearFilters')}
          </Button>
        ) : null}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {LANGUAGES.map((language) => (
          <FilterChip key={language} label={t(`knowledge.languages.${language}`)} selected={filter.languages.includes(language)} onClick={() => setFilter({ languages: toggle(filter.languages, language) })} />
        ))}
        {ARTICLE_STATUSES.map((status) => (
          <FilterChip key={status} label={t(`knowledge.statuses.${status}`)} selected={filter.statuses.includes(status)} onClick={() => setFilter({ statuses: toggle(filter.statuses, status) })} />
        ))}
      </Stack>
      {shownTags.length > 0 ? (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} aria-label={t('knowledge.tags')} role="group">
          <Typography variant="body2" color="text.secondary" component="span">
            {t('knowledge.tags')}
          </Typography>
          {shownTags.map((tag) => {
            const selected = lower.includes(tag.value.toLowerCase());
            return (
              <FilterChip
                key={tag.value}
                label={tag.count > 0 ? t('knowledge.tagWithCount', { tag: tag.value, n: tag.count }) : tag.value}
                selected={selected}
                onClick={() => setFilter({ tags: selected ? filter.tags.filter((v) => v.toLowerCase() !== tag.value.toLowerCase()) : [...filter.tags, tag.value] })}
              />
            );
          })}
        </Stack>
      ) : null}
    </Stack>
  );
}

function FilterChip({ label, selected, onClick }: { label: string; selected: boolean; onClick(): void }) {
  return <Chip size="small" label={label} clickable color={selected ? 'primary' : 'default'} variant={selected ? 'filled' : 'outlined'} aria-pressed={selected} onClick={onClick} />;
}

function asArray(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' && value ? value.split(',') : [];
}
