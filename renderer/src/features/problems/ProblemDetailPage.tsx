import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import { Alert, Box, Button, Chip, CircularProgress, Grid, Link, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import type { ProblemDetail } from '@shared/domain/problems';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { Section } from '../assets/detail/Section';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { LinkedIncidents } from './detail/LinkedIncidents';
import { ProblemEditDialog } from './detail/ProblemEditDialog';
import { ProblemFlow } from './detail/ProblemFlow';
import { loadAssetChoices } from './form/asset-choices';
import type { AssetChoice } from './form/problem-form-model';
import { displayTitle, PROBLEM_STATUS_COLOR } from './problem-format';

const WATCHED = ['problem', 'problemStep', 'problemIncident', 'incident', 'asset'];

/** One problem record: its details, the flow with who did what when, the next step, and the incidents it explains. */
export function ProblemDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const detail$ = useApiResource<ProblemDetail>(id, () => api.call('problems.get', { id }));
  // The answer of a step, edit or link is shown at once, until the reload its change event starts brings a newer load.
  const [latest, setLatest] = useState<{ value: ProblemDetail; over: ProblemDetail | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const data = latest && latest.over === detail$.data && latest.value.problem.id === id ? latest.value : detail$.data;
  const show = (value: ProblemDetail) => setLatest({ value, over: detail$.data });
  const assetKey = data ? `${id}:${data.problem.assetIds.join(',')}` : null;
  const assets$ = useApiResource<AssetChoice[]>(assetKey, () => loadAssetChoices(data?.problem.assetIds ?? []));
  const reload = detail$.reload;
  useRecordsChanged(WATCHED, reload);

  const gone = isApiClientError(detail$.error) && detail$.error.code === 'problems.not-found';
  if (detail$.error && (gone || !data)) {
    return (
      <>
        <BackLink />
        {gone ? (
          <Alert severity="warning">{t('problems.detail.notFound')}</Alert>
        ) : (
          <ErrorAlert title={t('problems.detail.loadFailed')} error={detail$.error} action={{ label: t('app.retry'), run: reload }} />
        )}
      </>
    );
  }
  if (!data) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('problems.detail.loading')} />
      </Box>
    );
  }

  const { problem } = data;
  const consultation = problem.type === 'consultation';
  const none = t('problems.detail.none');
  const stepTaken = (next: ProblemDetail) => {
    show(next);
    notify(t('problems.detail.stepSaved', { step: t(`problems.steps.${next.problem.status}`) }));
  };
  const fields: [string, ReactNode][] = [
    [t('problems.fields.type'), t(`problems.types.${problem.type}`)],
    [t('problems.fields.status'), <Chip key="status" size="small" color={PROBLEM_STATUS_COLOR[problem.status]} label={t(`problems.statuses.${problem.status}`)} />],
    [consultation && !problem.convertedFromDefect ? t('problems.fields.asker') : t('problems.fields.submitter'), problem.reporter],
    [t('problems.fields.contact'), problem.contact || none],
    [t('problems.fields.reportedAt'), formatDateTime(problem.reportedAt, i18n.language)],
    ...(problem.description ? [[t('problems.fields.description'), multiline(problem.description)] as [string, ReactNode]] : []),
    ...(consultation
      ? ([
          [t('problems.fields.question'), multiline(problem.question)],
          [t('problems.fields.answer'), multiline(problem.answer)],
          [t('problems.fields.answeredAt'), problem.answeredAt === null ? none : formatDateTime(problem.answeredAt, i18n.language)],
        ] as [string, ReactNode][])
      : []),
    [
      t('problems.fields.assets'),
      problem.assetIds.length === 0 ? (
        none
      ) : (
        <Stack key="assets" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {(assets$.data ?? problem.assetIds.map((assetId) => ({ id: assetId, name: assetId.slice(0, 8) }))).map((asset) => (
            <Link key={asset.id} component={RouterLink} to={`/assets/${asset.id}`}>
              {asset.name}
            </Link>
          ))}
        </Stack>
      ),
    ],
    [t('problems.fields.createdBy'), problem.createdBy],
  ];

  return (
    <>
      <BackLink />
      <PageHeader
        title={displayTitle(problem)}
        subtitle={[t(`problems.types.${problem.type}`), t(`problems.statuses.${problem.status}`), problem.reporter].join(' · ')}
        actions={
          <>
            <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
              {t('problems.actions.edit')}
            </Button>
            <Button variant="outlined" startIcon={<MenuBookIcon />} onClick={() => void navigate(`/knowledge/new?fromProblem=${encodeURIComponent(problem.id)}`)}>
              {t('problems.actions.writeArticle')}
            </Button>
          </>
        }
      />
      {problem.convertedFromDefect ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('problems.detail.converted')}
        </Alert>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            <Section title={t('problems.detail.flow')}>
              <ProblemFlow detail={data} onStepTaken={stepTaken} />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            <Section title={t('problems.detail.details')}>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(7em, max-content) 1fr' }, columnGap: 3, rowGap: 1.25, m: 0 }}>
                {fields.map(([label, value], index) => (
                  <Box key={`${label}-${index}`} sx={{ display: 'contents' }}>
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
            <Section title={t('problems.incidents.title')}>
              <LinkedIncidents detail={data} onChanged={show} />
            </Section>
          </Stack>
        </Grid>
      </Grid>
      {editing ? (
        <ProblemEditDialog
          detail={data}
          assets={assets$.data ?? problem.assetIds.map((assetId) => ({ id: assetId, name: assetId.slice(0, 8) }))}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            show(next);
            notify(t('problems.edit.saved'));
          }}
        />
      ) : null}
    </>
  );
}

function multiline(text: string) {
  return <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Button component={RouterLink} to="/problems" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
      {t('problems.detail.back')}
    </Button>
  );
}
