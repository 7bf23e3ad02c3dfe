import MenuBookIcon from '@mui/icons-material/MenuBook';
import { Box, Link, List, ListItem, ListItemIcon, ListItemText, Paper, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSuggestion } from '@shared/domain/knowledge';
import { api } from '../../../api';
import { HighlightedText } from '../../knowledge/HighlightedText';
import type { AssetLabel } from '../../assets/asset-names.store';
import { suggestionContext, suggestionQuery, type SuggestionContext } from './suggestion-query';

/** A pause in typing long enough to mean "that is what it is". */
const SUGGEST_DEBOUNCE_MS = 400;
const SUGGESTION_COUNT = 5;

interface Props {
  title: string;
  description: string;
  assets: readonly AssetLabel[];
  onOpen(article: ArticleSuggestion): void;
}

/**
 * Articles from the knowledge base that look like the incident being
 * recorded, asked for whenever typing in the title or description pauses.
 * Opening one shows it beside the form, so nothing typed is lost.
 */
export function KnowledgeSuggestions({ title, description, assets, onOpen }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = suggestionQuery(title, description);
  // As a string, so the effect runs when the assets' kinds change, not when their array is rebuilt.
  const contextKey = JSON.stringify(suggestionContext(assets));
  const [answer, setAnswer] = useState<{ key: string; articles: ArticleSuggestion[] } | null>(null);
  const key = `${query}\u0000${contextKey}`;

  useEffect(() => {
    if (query === '') return;
    const { assetTypes, vendors } = JSON.parse(contextKey) as SuggestionContext;
    let current = true;
    const timer = setTimeout(() => {
      api
        .call('knowledge.suggest', {
          text: query,
          limit: SUGGESTION_COUNT,
          ...(assetTypes.length > 0 ? { assetTypes } : {}),
          ...(vendors.length > 0 ? { vendors } : {}),
        })
        .then(
          (articles) => {
            if (current) setAnswer({ key: `${query}\u0000${contextKey}`, articles });
          },
          () => {
            // Suggestions help; they are not part of recording the incident, so a failure just shows none.
            if (current) setAnswer({ key: `${query}\u0000${contextKey}`, articles: [] });
          },
        );
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, contextKey]);

  // While the next answer is on its way the previous one stays, so the list does not flicker with every key.
  const articles = query !== '' && answer ? answer.articles : [];
  if (articles.length === 0) return null;

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} aria-busy={answer?.key !== key} sx={{ p: 1.5 }}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        {t('incidents.suggestions.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('incidents.suggestions.hint')}
      </Typography>
      <List dense disablePadding>
        {articles.map((article) => (
          <ListItem key={article.id} disableGutters alignItems="flex-start">
            <ListItemIcon sx={{ minWidth: 32, mt: 0.5 }}>
              <MenuBookIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={
                <Link component="button" type="button" onClick={() => onOpen(article)} sx={{ textAlign: 'left' }}>
                  {article.title}
                </Link>
              }
              secondary={
                <Box component="span" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                  <HighlightedText text={article.snippet} ranges={article.ranges} />
                </Box>
              }
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
