import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DescriptionIcon from '@mui/icons-material/Description';
import EditIcon from '@mui/icons-material/Edit';
import HealingIcon from '@mui/icons-material/Healing';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import { Alert, Box, Button, Chip, CircularProgress, Grid, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import type { IncidentDetail } from '@shared/api/incidents.contract';
import { api, isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { PageHeader } from '../../../app/ui/PageHeader';
import { formatDateTime } from '../../../i18n/format';
import { Section } from '../../assets/detail/Section';
import { locationNames } from '../../assets/location-options';
import { useApiResource } from '../../assets/use-api-resource';
import { useRecordsChanged } from '../../checks/use-records-changed';
import { useLocations } from '../../locations/locations.store';
import { useAssetLabels } from '../../assets/asset-names.store';
import { IncidentFormHost } from '../form/IncidentFormHost';
import { useIncidentForm } from '../form/incident-form.store';
import { IncidentStatusChip, PriorityChip } from '../IncidentBadges';
import { isOpenStatus } from '../incident-format';
import { IncidentSlaBadge, IncidentSlaTimers } from '../sla/IncidentSla';
import { EvidenceSection } from './EvidenceSection';
import { FaultReportDialog } from './FaultReportDialog';
import { IncidentAttachments } from './IncidentAttachments';
import { LinkedProblem } from './LinkedProblem';
import { TimelineSection } from './TimelineSection';
import { TransitionActions } from './TransitionActions';
import { WorkaroundDialog } from './WorkaroundDialog';
import { WorkLogSection } from './WorkLogSection';

interface Loaded {
  detail: IncidentDetail;
  /** When the answer arrived: SLA remaining times count down from here. */
  fetchedAt: number;
}

/** SLA states change with time alone; the page catches up this often even when nothing was written. */
const SLA_REFRESH_MS = 60_000;
const RELATED_ENTITIES = ['incident', 'incidentWorkLog', 'incidentEvidence', 'attachment', 'slaPolicy'];

/** One incident: what, where and who; its status moves; SLA timers; work log, evidence, attachments and timeline. */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const openForm = useIncidentForm((state) => state.open);
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const [dialog, setDialog] = useState<'workaround' | 'fault-report' | null>(null);
  const incident$ = useApiResource<Loaded>(id, async () => ({ detail: await api.call('incidents.get', { id }), fetchedAt: Date.now() }));
  const { data, error, reload } = incident$;
  const assets = useAssetLabels(data?.detail.incident.assetIds ?? []);
  const names = useMemo(() => (tree ? locationNames(tree) : new Map<string, string>()), [tree]);

  useEffect(() => {
    if (useLocations.getState().tree === null) void loadTree();
  }, [loadTree]);
  useRecordsChanged(RELATED_ENTITIES, reload);
  useEffect(() => {
    const timer = setInterval(reload, SLA_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const gone = isApiClientError(error) && (error.code === 'incidents.not-found' || error.code === 'api.invalid-input');
  if (error && (gone || !data)) {
    return (
      <>
        <BackLink />
        {gone ? (
          <Alert severity="warning">{t('incidents.detail.notFound')}</Alert>
        ) : (
          <ErrorAlert title={t('incidents.detail.loadFailed')} error={error} action={{ label: t('app.retry'), run: reload }} />
        )}
      </>
    );
  }
  if (!data) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  const { incident, workLog, evidence, timeline } = data.detail;
  const language = i18n.language;
  const none = t('incidents.detail.none');
  const closed = incident.status === 'closed';
  const done = incident.status === 'resolved' || incident.status === 'closed';
  const derivedPlace = assets.find((asset) => asset.roomPath !== '')?.roomPath ?? null;
  const place = incident.locationId ? (names.get(incident.locationId) ?? none) : (derivedPlace ?? none);
  const time = (at: number | null) => (at === null ? none : formatDateTime(at, language));

  const fields: [string, ReactNode][] = [
    [t('incidents.fields.category'), t(`incidents.categories.${incident.category}`)],
    [t('incidents.fields.impact'), t(`incidents.impactLevels.${incident.impact}`)],
    [t('incidents.fields.urgency'), t(`incidents.urgencyLevels.${incident.urgency}`)],
    [
      t('incidents.fields.priority'),
      incident.priorityOverride ? t('incidents.detail.priorityOverridden', { priority: incident.priority, reason: incident.priorityReason }) : t('incidents.detail.priorityFromMatrix', { priority: incident.priority }),
    ],
    [t('incidents.detail.systemDown'), incident.systemDown ? t('incidents.detail.yes') : t('incidents.detail.no')],
    [t('incidents.fields.reporterName'), incident.reporterName],
    [t('incidents.fields.reporterContact'), incident.reporterContact || none],
    [t('incidents.fields.assignee'), incident.assignee || t('incidents.unassigned')],
    [t('incidents.fields.reportedAt'), time(incident.reportedAt)],
    [t('incidents.detail.acknowledgedAt'), time(incident.acknowledgedAt)],
    [t('incidents.detail.resolvedAt'), time(incident.resolvedAt)],
    [t('incidents.detail.closedAt'), time(incident.closedAt)],
    ...(incident.systemDown
      ? ([
          [t('incidents.detail.workaroundAt'), time(incident.workaroundAt)],
          [t('incidents.detail.faultReportAt'), time(incident.faultReportAt)],
        ] as [string, ReactNode][])
      : []),
    [t('incidents.detail.createdBy'), incident.createdBy],
  ];

  return (
    <>
      <BackLink />
      <PageHeader
        title={incident.title}
        subtitle={[incident.number, t(`incidents.categories.${incident.category}`), place === none ? null : place].filter(Boolean).join(' · ')}
        actions={
          <>
            {closed ? null : (
              <Button variant="outlined" startIcon={<EditIcon />} onClick={() => openForm({ mode: 'edit', incident })}>
                {t('incidents.detail.edit')}
              </Button>
            )}
            {done ? (
              <>
                <Button variant="outlined" startIcon={<DescriptionIcon />} onClick={() => setDialog('fault-report')}>
                  {t('incidents.detail.faultReport')}
                </Button>
                <Button variant="outlined" startIcon={<MenuBookIcon />} onClick={() => void navigate(`/knowledge/new?fromIncident=${incident.id}`)}>
                  {t('incidents.detail.writeArticle')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <PriorityChip priority={incident.priority} overridden={incident.priorityOverride !== null} size="medium" />
        <IncidentStatusChip status={incident.status} pendingReason={incident.pendingReason} size="medium" />
        {incident.systemDown ? <Chip color="error" variant="outlined" label={t('incidents.detail.systemDown')} /> : null}
        <IncidentSlaBadge summary={incident.sla} fetchedAt={data.fetchedAt} />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('incidents.actions.label')}>
        <TransitionActions incident={incident} onMoved={reload} />
        {incident.systemDown && isOpenStatus(incident.status) ? (
          <Button variant="outlined" color="warning" startIcon={<HealingIcon />} onClick={() => setDialog('workaround')}>
            {incident.workaroundAt === null ? t('incidents.detail.recordWorkaround') : t('incidents.detail.updateWorkaround')}
          </Button>
        ) : null}
      </Stack>
      {closed ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('incidents.detail.closedHint')}
        </Alert>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Section title={t('incidents.detail.description')}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} color={incident.description ? 'text.primary' : 'text.secondary'}>
                {incident.description || t('incidents.detail.noDescription')}
              </Typography>
            </Section>
            {incident.workaround && !incident.resolution ? (
              <Section title={t('incidents.workaround.title')}>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {incident.workaround}
                </Typography>
                {incident.workaroundAt !== null ? (
                  <Typography variant="caption" color="text.secondary">
                    {t('incidents.detail.workaroundGiven', { time: time(incident.workaroundAt) })}
                  </Typography>
                ) : null}
              </Section>
            ) : null}
            {incident.resolution ? (
              <Section title={t('incidents.resolution.title')}>
                <DefinitionList
                  rows={[
                    [t('incidents.resolution.cause'), incident.resolution.cause],
                    [t('incidents.resolution.method'), incident.resolution.method],
                    [t('incidents.resolution.workaround'), incident.resolution.workaround || none],
                  ]}
                />
              </Section>
            ) : null}
            <WorkLogSection incidentId={incident.id} entries={workLog} readOnly={closed} onAdded={reload} />
            <EvidenceSection incidentId={incident.id} evidence={evidence} assets={assets} readOnly={closed} onChanged={reload} />
            <IncidentAttachments incidentId={incident.id} readOnly={closed} />
            <TimelineSection entries={timeline} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <Section title={t('incidents.detail.sla')}>
              <IncidentSlaTimers summary={incident.sla} fetchedAt={data.fetchedAt} />
            </Section>
            <Section title={t('incidents.detail.where')}>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {place}
              </Typography>
              {incident.assetIds.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('incidents.detail.noAssets')}
                </Typography>
              ) : (
                <List dense disablePadding aria-label={t('incidents.fields.assetIds')}>
                  {assets.map((asset) => (
                    <ListItem key={asset.id} disableGutters>
                      <ListItemText
                        primary={
                          asset.gone ? (
                            t('incidents.detail.assetGone')
                          ) : (
                            <Link component={RouterLink} to={`/assets/${asset.id}`}>
                              {asset.name}
                            </Link>
                          )
                        }
                        secondary={asset.where || null}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </Section>
            <LinkedProblem incidentId={incident.id} />
            <Section title={t('incidents.detail.details')}>
              <DefinitionList rows={fields} />
            </Section>
          </Stack>
        </Grid>
      </Grid>
      {dialog === 'workaround' ? <WorkaroundDialog incident={incident} onDone={reload} onClose={() => setDialog(null)} /> : null}
      {dialog === 'fault-report' ? <FaultReportDialog incident={incident} onSaved={reload} onClose={() => setDialog(null)} /> : null}
      <IncidentFormHost />
    </>
  );
}

function DefinitionList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(6em, 40%) 1fr' }, columnGap: 2, rowGap: 1, m: 0 }}>
      {rows.map(([label, value], index) => (
        <Box key={`${label}-${index}`} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
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
    <Button component={RouterLink} to="/incidents" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
      {t('incidents.detail.backToList')}
    </Button>
  );
}
