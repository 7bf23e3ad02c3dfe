import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Button, Chip, CircularProgress, Grid, Link, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { EDITABLE_CHANGE_STATUSES, type Change, type ChangeStatus } from '@shared/domain/changes';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { useSession } from '../../app/session.store';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { Section } from '../assets/detail/Section';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { loadAssetChoices } from '../problems/form/asset-choices';
import type { AssetChoice } from '../problems/form/problem-form-model';
import { ChangeFormDialog } from './ChangeFormDialog';
import { actionMoves, awaitsDecision, canDecide, CHANGE_STATUS_COLOR, RISK_COLOR } from './change-format';
import { ChangeTransitionDialog } from './detail/ChangeTransitionDialog';

const WATCHED = ['change', 'asset'];

/** One change: its plan, risk, rollback and window, the supervisor's decision, and how the work went. */
export function ChangeDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const role = useSession((state) => state.info?.profile?.role);
  const change$ = useApiResource<Change>(id, () => api.call('changes.get', { id }));
  // The answer of an edit or a move is shown at once, until the reload its change event starts brings a newer load.
  const [latest, setLatest] = useState<{ value: Change; over: Change | null } | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'edit' } | { kind: 'move'; to: ChangeStatus } | null>(null);
  const data = latest && latest.over === change$.data && latest.value.id === id ? latest.value : change$.data;
  const show = (value: Change) => setLatest({ value, over: change$.data });
  const assets$ = useApiResource<AssetChoice[]>(data ? `${id}:${data.assetIds.join(',')}` : null, () => loadAssetChoices(data?.assetIds ?? []));
  useRecordsChanged(WATCHED, change$.reload);

  const gone = isApiClientError(change$.error) && change$.error.code === 'changes.not-found';
  if (change$.error && (gone || !data)) {
    return (
      <>
        <BackLink />
        {gone ? (
          <Alert severity="warning">{t('changes.detail.notFound')}</Alert>
        ) : (
          <ErrorAlert title={t('changes.detail.loadFailed')} error={change$.error} action={{ label: t('app.retry'), run: change$.reload }} />
        )}
      </>
    );
  }
  if (!data) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('changes.detail.loading')} />
      </Box>
    );
  }

  const change = data;
  const none = t('changes.detail.none');
  const time = (at: number | null) => (at === null ? none : formatDateTime(at, i18n.language));
  const assets = assets$.data ?? change.assetIds.map((assetId) => ({ id: assetId, name: assetId.slice(0, 8) }));
  const moved = (next: Change) => {
    show(next);
    notify(t('changes.detail.moved', { status: t(`changes.statuses.${next.status}`) }));
  };

  const plan: [string, ReactNode][] = [
    [t('changes.fields.status'), <Chip key="status" size="small" color={CHANGE_STATUS_COLOR[change.status]} label={t(`changes.statuses.${change.status}`)} />],
    [t('changes.fields.description'), text(change.description, none)],
    [
      t('changes.fields.assets'),
      assets.length === 0 ? (
        none
      ) : (
        <Stack key="assets" direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {assets.map((asset) => (
            <Link key={asset.id} component={RouterLink} to={`/assets/${asset.id}`}>
              {asset.name}
            </Link>
          ))}
        </Stack>
      ),
    ],
    [t('changes.fields.plan'), text(change.plan, none)],
    [
      t('changes.fields.riskLevel'),
      change.riskLevel ? <Chip key="risk" size="small" variant="outlined" color={RISK_COLOR[change.riskLevel]} label={t(`changes.risk.${change.riskLevel}`)} /> : none,
    ],
    [t('changes.fields.riskText'), text(change.riskText, none)],
    [t('changes.fields.rollbackPlan'), text(change.rollbackPlan, none)],
    [t('changes.fields.windowStart'), time(change.windowStart)],
    [t('changes.fields.windowEnd'), time(change.windowEnd)],
    [t('changes.fields.requester'), change.requester],
    [t('changes.fields.implementer'), change.implementer || none],
    [t('changes.fields.createdBy'), change.createdBy],
  ];
  const progress: [string, ReactNode][] = [
    [t('changes.fields.submittedAt'), time(change.submittedAt)],
    [t('changes.fields.startedAt'), time(change.startedAt)],
    ...(change.resultAt !== null
      ? ([
          [t('changes.fields.result'), text(change.result, none)],
          [t('changes.fields.resultAt'), time(change.resultAt)],
        ] as [string, ReactNode][])
      : []),
    ...(change.cancelledAt !== null
      ? ([
          [t('changes.fields.cancelledAt'), time(change.cancelledAt)],
          [t('changes.fields.cancelReason'), text(change.cancelReason, none)],
        ] as [string, ReactNode][])
      : []),
  ];

  return (
    <>
      <BackLink />
      <PageHeader
        title={change.title}
        subtitle={[t(`changes.statuses.${change.status}`), change.riskLevel ? t(`changes.risk.${change.riskLevel}`) : null, change.requester].filter(Boolean).join(' · ')}
        actions={
          <>
            {EDITABLE_CHANGE_STATUSES.includes(change.status) ? (
              <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('changes.actions.edit')}
              </Button>
            ) : null}
            {actionMoves(change.status).map((to) => (
              <Button key={to} variant={to === 'cancelled' ? 'outlined' : 'contained'} color={to === 'cancelled' ? 'error' : 'primary'} onClick={() => setDialog({ kind: 'move', to })}>
                {t(`changes.moves.${to}`)}
              </Button>
            ))}
          </>
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Section title={t('changes.detail.plan')}>
            <Fields rows={plan} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            <Section title={t('changes.approval.title')}>
              <Stack spacing={1.5}>
                {change.decision && (change.status === 'draft' || change.status === 'submitted') ? (
                  <Typography variant="body2" color="text.secondary">
                    {t('changes.approval.previous')}
                  </Typography>
                ) : null}
                {change.decision ? (
                  <Fields
                    rows={[
                      [
                        t('changes.approval.decision'),
                        <Chip key="decision" size="small" color={change.decision === 'approved' ? 'success' : 'error'} label={t(`changes.statuses.${change.decision}`)} />,
                      ],
                      [t('changes.approval.by'), change.decidedRole ? `${change.decidedBy} (${t(`roles.${change.decidedRole}`)})` : change.decidedBy],
                      [t('changes.approval.at'), time(change.decidedAt)],
                      [t('changes.fields.decisionComment'), text(change.decisionComment, none)],
                    ]}
                  />
                ) : (
                  <Typography variant="body2" color="text.secondary">
                    {t('changes.approval.none')}
                  </Typography>
                )}
                {awaitsDecision(change.status) ? (
                  canDecide(role) ? (
                    <Stack direction="row" spacing={1}>
                      <Button variant="contained" color="success" onClick={() => setDialog({ kind: 'move', to: 'approved' })}>
                        {t('changes.moves.approved')}
                      </Button>
                      <Button variant="outlined" color="error" onClick={() => setDialog({ kind: 'move', to: 'rejected' })}>
                        {t('changes.moves.rejected')}
                      </Button>
                    </Stack>
                  ) : (
                    <Alert severity="info">{t('changes.approval.waiting')}</Alert>
                  )
                ) : null}
              </Stack>
            </Section>
            <Section title={t('changes.detail.progress')}>
              <Fields rows={progress} />
            </Section>
          </Stack>
        </Grid>
      </Grid>
      {dialog?.kind === 'edit' ? (
        <ChangeFormDialog
          mode="edit"
          change={change}
          assets={assets}
          onClose={() => setDialog(null)}
          onSaved={(next) => {
            show(next);
            notify(t('changes.form.saved'));
          }}
        />
      ) : null}
      {dialog?.kind === 'move' ? <ChangeTransitionDialog change={change} to={dialog.to} onDone={moved} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function text(value: string, none: string): ReactNode {
  return value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : none;
}

function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(7em, max-content) 1fr' }, columnGap: 3, rowGap: 1.25, m: 0 }}>
      {rows.map(([label, value], index) => (
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
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Button component={RouterLink} to="/changes" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
      {t('changes.detail.back')}
    </Button>
  );
}
