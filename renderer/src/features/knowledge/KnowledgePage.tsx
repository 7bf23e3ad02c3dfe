import AddIcon from '@mui/icons-material/Add';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Chip, LinearProgress, List, ListItemButton, Paper, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ArticleHit } from '@shared/domain/knowledge';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { HighlightedText } from './HighlightedText';
import { KnowledgeFilters } from './KnowledgeFilters';
import { filterIsActive, useKnowledgeList } from './knowledge-list.store';

/** A burst of records.changed events (a sync) is gathered into one reload. */
const RELOAD_DELAY_MS = 120;

/** 知识库: search articles by words (Chinese or English) and filter chips; write one. */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const rows = useKnowledgeList((state) => state.rows);
  const total = useKnowledgeList((state) => state.total);
  const loading = useKnowledgeList((state) => state.loading);
  const error = useKnowledgeList((state) => state.error);
  const filter = useKnowledgeList((state) => state.filter);
  const searchText = useKnowledgeList((state) => state.searchText);
  const clearFilters = useKnowledgeList((state) => state.clearFilters);

  useEffect(() => {
    const list = useKnowledgeList.getState();
    void list.reload();
    void list.loadFacets();
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.on('records.changed', ({ entities }) => {
      if (!entities.some((entity) => entity === 'knowledgeArticle' || entity === '*')) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const list = useKnowledgeList.getState();
        void list.reload();
        void list.loadFacets();
      }, RELOAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);

  const filtering = filterIsActive(filter) || searchText.trim() !== '';
  const newButton = (
    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/knowledge/new">
      {t('knowledge.newArticle')}
    </Button>
  );

  if (total === 0 && !filtering && !loading) {
    return (
      <>
        <PageHeader title={t('knowledge.title')} />
        <EmptyState icon={<MenuBookIcon />} title={t('knowledge.empty.title')} body={t('knowledge.empty.body')} action={newButton} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('knowledge.title')} subtitle={total === null ? undefined : t('knowledge.count', { count: total })} actions={newButton} />
      <KnowledgeFilters />
      <Box sx={{ height: 4, mb: 1 }}>{loading ? <LinearProgress aria-label={t('app.loading')} /> : null}</Box>
      {error ? <ErrorAlert title={t('knowledge.loadFailed')} error={error} action={{ label: t('app.retry'), run: () => void useKnowledgeList.getState().reload() }} /> : null}
      {total === 0 && filtering ? (
        <EmptyState
          icon={<SearchOffIcon />}
          title={t('knowledge.noMatches.title')}
          body={t('knowledge.noMatches.body')}
          action={
            <Button variant="outlined" onClick={clearFilters}>
              {t('knowledge.clearFilters')}
            </Button>
          }
        />
      ) : null}
      {rows.length > 0 ? (
        <Paper variant="outlined">
          <List disablePadding aria-label={t('knowledge.results')}>
            {rows.map((row, index) => (
              <ArticleRow key={row.id} row={row} divider={index < rows.length - 1} language={i18n.language} />
            ))}
          </List>
        </Paper>
      ) : null}
      {total !== null && rows.length < total ? (
        <Stack sx={{ alignItems: 'center', mt: 2 }}>
          <Button variant="outlined" onClick={() => void useKnowledgeList.getState().loadMore()} disabled={loading}>
            {t('knowledge.loadMore', { shown: rows.length, total })}
          </Button>
        </Stack>
      ) : null}
    </>
  );
}

function ArticleRow({ row, divider, language }: { row: ArticleHit; divider: boolean; language: string }) {
  const { t } = useTranslation();
  return (
    <ListItemButton component={RouterLink} to={`/knowledge/${row.id}`} divider={divider} sx={{ display: 'block', py: 1.5 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="span" variant="subtitle1" sx={{ fontWeight: 600 }}>
          <HighlightedText text={row.title.text} ranges={row.title.ranges} />
        </Typography>
        {row.status === 'draft' ? <Chip size="small" color="warning" variant="outlined" label={t('knowledge.statuses.draft')} /> : null}
        <Chip size="small" variant="outlined" label={t(`knowledge.languages.${row.language}`)} />
        {row.tags.map((tag) => (
          <Chip key={tag} size="small" label={tag} />
        ))}
      </Stack>
      {row.snippet.text ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          <HighlightedText text={row.snippet.text} ranges={row.snippet.ranges} />
        </Typography>
      ) : null}
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
        {[
          t('knowledge.byAuthor', { author: row.author }),
          t('knowledge.updatedAt', { time: formatDateTime(row.updatedAt, language) }),
          ...row.assetTypes.map((type) => t(`assetTypes.${type}`)),
          ...row.vendors,
        ].join(' · ')}
      </Typography>
    </ListItemButton>
  );
}
