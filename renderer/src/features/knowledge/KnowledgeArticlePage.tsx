import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Button, Chip, CircularProgress, Grid, Link, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Article } from '@shared/domain/knowledge';
import { languageFromLocale } from '@shared/domain/profile';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { announce } from '../assets/confirmations';
import { ConfirmDialog } from '../assets/ConfirmDialog';
import { Section } from '../assets/detail/Section';
import { useApiResource } from '../assets/use-api-resource';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { emptyValues, formValues } from './article-form';
import { ArticleEditor } from './ArticleEditor';
import { draftOrigin, loadDraft, type DraftOrigin, type LoadedDraft } from './draft-source';
import { EMPTY_FILTER, useKnowledgeList } from './knowledge-list.store';
import { MarkdownView } from './MarkdownView';

/** /knowledge/new (optionally ?fromIncident=… or ?fromProblem=…) writes an article; /knowledge/:id shows and edits one. */
export function KnowledgeArticlePage() {
  const { id = '' } = useParams();
  return id === 'new' ? <NewArticle /> : <ArticleDetail key={id} id={id} />;
}

function sourcePath(type: Article['sourceType'], id: string): string {
  return type === 'problem' ? `/problems/${id}` : `/incidents/${id}`;
}

function NewArticle() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const origin = draftOrigin(params);
  const language = languageFromLocale(i18n.language);
  const draft$ = useApiResource<LoadedDraft>(origin ? `${origin.type}:${origin.id}` : null, () => loadDraft(origin as DraftOrigin));

  const back = origin ? sourcePath(origin.type, origin.id) : '/knowledge';
  const header = (
    <>
      <BackLink to={back} label={origin ? t(`knowledge.article.backToSource.${origin.type}`) : t('knowledge.article.back')} />
      <PageHeader title={t('knowledge.form.newTitle')} />
    </>
  );
  if (origin && draft$.error) {
    return (
      <>
        {header}
        <ErrorAlert title={t('knowledge.form.draftFailed')} error={draft$.error} action={{ label: t('app.retry'), run: draft$.reload }} />
      </>
    );
  }
  if (origin && !draft$.data) return <Loading />;

  const draft = draft$.data;
  return (
    <>
      {header}
      <ArticleEditor
        key={origin ? `${origin.type}:${origin.id}` : 'blank'}
        article={null}
        initial={draft ? formValues(draft.draftIn(language), language) : emptyValues(language)}
        redraft={draft ? (next) => formValues(draft.draftIn(next), next) : undefined}
        notice={origin && draft ? <Alert severity="info">{t(`knowledge.form.draftFrom.${origin.type}`, { label: draft.label })}</Alert> : null}
        onSaved={(saved, keepEditing) => void navigate(`/knowledge/${saved.id}`, { replace: true, state: { edit: keepEditing } })}
        onCancel={() => void navigate(back)}
      />
    </>
  );
}

function ArticleDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [editing, setEditing] = useState(() => (location.state as { edit?: boolean } | null)?.edit === true);
  const article$ = useApiResource<Article>(id, () => api.call('knowledge.get', { id }));
  const { data: article, error, reload } = article$;

  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (entities.some((entity) => entity === 'knowledgeArticle' || entity === '*')) reload();
      }),
    [reload],
  );

  const gone = isApiClientError(error) && error.code === 'knowledge.not-found';
  if (error && (gone || !article)) {
    return (
      <>
        <BackLink to="/knowledge" label={t('knowledge.article.back')} />
        {gone ? <Alert severity="warning">{t('knowledge.article.notFound')}</Alert> : <ErrorAlert title={t('knowledge.article.loadFailed')} error={error} action={{ label: t('app.retry'), run: reload }} />}
      </>
    );
  }
  if (!article) return <Loading />;

  if (editing) {
    return (
      <>
        <BackLink to="/knowledge" label={t('knowledge.article.back')} />
        <PageHeader title={t('knowledge.form.editTitle')} subtitle={article.title} />
        <ArticleEditor
          article={article}
          initial={formValues(article, article.language)}
          onSaved={(_saved, keepEditing) => {
            reload();
            if (!keepEditing) setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </>
    );
  }
  return <ArticleView article={article} onEdit={() => setEditing(true)} />;
}

function ArticleView({ article, onEdit }: { article: Article; onEdit(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const none = t('knowledge.article.none');

  const remove = async () => {
    await api.call('knowledge.delete', { id: article.id });
    void navigate('/knowledge');
    announce(t('knowledge.article.deleted', { title: article.title }), {
      severity: 'info',
      action: {
        label: t('knowledge.article.undo'),
        run: async () => {
          await api.call('knowledge.restore', { id: article.id });
          announce(t('knowledge.article.restored', { title: article.title }), {
            action: { label: t('knowledge.article.open'), run: () => void navigate(`/knowledge/${article.id}`) },
          });
        },
      },
    });
  };

  const showTag = (tag: string) => {
    useKnowledgeList.setState({ searchText: '', filter: { ...EMPTY_FILTER, tags: [tag] } });
    void navigate('/knowledge');
  };

  const details: [string, ReactNode][] = [
    [t('knowledge.form.status'), <Chip key="status" size="small" color={article.status === 'published' ? 'success' : 'warning'} variant="outlined" label={t(`knowledge.statuses.${article.status}`)} />],
    [t('knowledge.form.language'), t(`knowledge.languages.${article.language}`)],
    [
      t('knowledge.form.tags'),
      article.tags.length === 0 ? (
        none
      ) : (
        <Stack key="tags" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {article.tags.map((tag) => (
            <Chip key={tag} size="small" label={tag} clickable onClick={() => showTag(tag)} aria-label={t('knowledge.article.showTag', { tag })} />
          ))}
        </Stack>
      ),
    ],
    [t('knowledge.form.assetTypes'), article.assetTypes.length === 0 ? none : article.assetTypes.map((type) => t(`assetTypes.${type}`)).join(t('knowledge.listSeparator'))],
    [t('knowledge.form.vendors'), article.vendors.length === 0 ? none : article.vendors.join(t('knowledge.listSeparator'))],
    [
      t('knowledge.article.source'),
      article.sourceType && article.sourceId ? (
        <Link key="source" component={RouterLink} to={sourcePath(article.sourceType, article.sourceId)}>
          {t(`knowledge.article.sourceLink.${article.sourceType}`)}
        </Link>
      ) : (
        none
      ),
    ],
    [t('knowledge.article.author'), article.author],
    [t('knowledge.article.created'), formatDateTime(article.createdAt, i18n.language)],
    [t('knowledge.article.updated'), formatDateTime(article.updatedAt, i18n.language)],
  ];

  return (
    <>
      <BackLink to="/knowledge" label={t('knowledge.article.back')} />
      <PageHeader
        title={article.title}
        subtitle={[t(`knowledge.statuses.${article.status}`), t(`knowledge.languages.${article.language}`), t('knowledge.byAuthor', { author: article.author })].join(' · ')}
        actions={
          <>
            <Button variant="contained" startIcon={<EditIcon />} onClick={onEdit}>
              {t('knowledge.article.edit')}
            </Button>
            <Button variant="outlined" color="error" startIcon={<DeleteOutlinedIcon />} onClick={() => setDeleting(true)}>
              {t('knowledge.article.delete')}
            </Button>
          </>
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Paper variant="outlined" component="article" sx={{ p: 3 }} lang={article.language}>
            {article.body.trim() ? (
              <MarkdownView markdown={article.body} />
            ) : (
              <Typography color="text.secondary">{t('knowledge.article.noBody')}</Typography>
            )}
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <Section title={t('knowledge.article.details')}>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(6em, max-content) 1fr', columnGap: 2, rowGap: 1.25, m: 0 }}>
                {details.map(([label, value]) => (
                  <Box key={label} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {label}
                    </Typography>
                    <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                      {value}
                    </Typography>
                  </Box>
                ))}
              </Box>
            </Section>
            <AttachmentsPanel ownerType="knowledge" ownerId={article.id} />
          </Stack>
        </Grid>
      </Grid>
      {deleting ? (
        <ConfirmDialog
          title={t('knowledge.article.deleteDialog.title', { title: article.title })}
          body={t('knowledge.article.deleteDialog.body')}
          confirmLabel={t('knowledge.article.deleteDialog.confirm')}
          cancelLabel={t('knowledge.form.cancel')}
          onConfirm={remove}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </>
  );
}

function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Button component={RouterLink} to={to} startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
      {label}
    </Button>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
      <CircularProgress aria-label={t('app.loading')} />
    </Box>
  );
}
