import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, CircularProgress, Drawer, IconButton, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleSuggestion } from '@shared/domain/knowledge';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useApiResource } from '../../assets/use-api-resource';
import { MarkdownView } from '../../knowledge/MarkdownView';

/**
 * A suggested article beside the incident form, read in full without leaving
 * the form. "Open in the knowledge base" sets the form aside (nothing typed
 * is lost) and the incident list offers to take it up again.
 */
export function ArticlePanel({ suggestion, onClose, onOpenArticle }: { suggestion: ArticleSuggestion; onClose(): void; onOpenArticle(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { data, error, reload } = useApiResource<Article>(suggestion.id, () => api.call('knowledge.get', { id: suggestion.id }));
  return (
    // Above the form's dialog: a drawer sits below dialogs by default.
    <Drawer anchor="right" open onClose={onClose} sx={{ zIndex: (theme) => theme.zIndex.modal + 1 }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 480 } }, role: 'dialog', 'aria-labelledby': titleId } as object }}>
      <Stack spacing={2} sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography id={titleId} variant="h2" sx={{ flexGrow: 1 }}>
            {data?.title ?? suggestion.title}
          </Typography>
          <IconButton aria-label={t('incidents.suggestions.close')} onClick={onClose} edge="end">
            <CloseIcon />
          </IconButton>
        </Stack>
        {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
        {data ? (
          <MarkdownView markdown={data.body} />
        ) : error ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress aria-label={t('app.loading')} />
          </Box>
        )}
        <Box>
          <Button variant="outlined" onClick={onOpenArticle}>
            {t('incidents.suggestions.open')}
          </Button>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {t('incidents.suggestions.openHint')}
          </Typography>
        </Box>
      </Stack>
    </Drawer>
  );
}
