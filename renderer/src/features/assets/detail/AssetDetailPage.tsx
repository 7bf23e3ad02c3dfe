import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import QrCode2Icon from '@mui/icons-material/QrCode2';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Alert, Box, Button, Chip, CircularProgress, Grid, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import type { MethodOutput } from '@shared/api';
import { isSoftwareType, WARRANTY_WARNING_DAYS } from '@shared/domain/assets';
import type { AuditEntry } from '@shared/domain/audit';
import { api, isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { announce } from '../confirmations';
import { PageHeader } from '../../../app/ui/PageHeader';
import { formatDateTime } from '../../../i18n/format';
import { LabelsDialog } from '../../asset-transfer/LabelsDialog';
import { AssetChecks } from '../../checks/asset/AssetChecks';
import { ConfigBackupsSection, hasConfigBackups } from '../../config-backups/ConfigBackupsSection';
import { AssetCredentials } from '../../credentials/AssetCredentials';
import { useLocations } from '../../locations/locations.store';
import { formatURange, locationPath } from '../asset-format';
import { useAssetForm } from '../asset-form.store';
import { StatusChip, warrantyEnded } from '../AssetBadges';
import { ConfirmDialog } from '../ConfirmDialog';
import { locationNames } from '../location-options';
import { useApiResource } from '../use-api-resource';
import { AssetHistory } from './AssetHistory';
import { Section } from './Section';

type Loaded = MethodOutput<'assets.get'>;

/** Everything about one asset: fields, where it is, what runs on it, its credentials and its history. */
export function AssetDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const openForm = useAssetForm((state) => state.open);
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const [dialog, setDialog] = useState<'delete' | 'labels' | null>(null);
  const asset$ = useApiResource<Loaded>(id, () => api.call('assets.get', { id }));
  const history$ = useApiResource<AuditEntry[]>(id, () => api.call('audit.list', { entityId: id, limit: 200 }));
  const { data, error } = asset$;
  const reloadAsset = asset$.reload;
  const reloadHistory = history$.reload;

  useEffect(() => {
    if (useLocations.getState().tree === null) void loadTree();
  }, [loadTree]);

  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (entities.some((entity) => entity === 'asset' || entity === '*')) {
          reloadAsset();
          reloadHistory();
        } else if (entities.some((entity) => ['client', 'site', 'room', 'rack'].includes(entity))) reloadAsset();
      }),
    [reloadAsset, reloadHistory],
  );

  const names = useMemo(() => {
    const map = tree ? locationNames(tree) : new Map<string, string>();
    if (data?.host) map.set(data.host.id, data.host.name);
    return map;
  }, [tree, data]);

  const gone = isApiClientError(error) && error.code === 'assets.not-found';
  if (error && (gone || !data)) {
    return (
      <>
        <BackLink />
        {gone ? (
          <Alert severity="warning">{t('assetDetail.notFound')}</Alert>
        ) : (
          <ErrorAlert title={t('assetDetail.loadFailed')} error={error} action={{ label: t('app.retry'), run: reloadAsset }} />
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

  const { asset, installedSoftware, host } = data;
  const software = isSoftwareType(asset.type);
  const none = t('assetDetail.none');
  const warrantyText = asset.warrantyEndingSoon
    ? warrantyEnded(asset.warrantyEnd)
      ? t('assetDetail.warrantyEnded')
      : t('assetDetail.warrantyEnding', { days: String(WARRANTY_WARNING_DAYS) })
    : null;

  const remove = async () => {
    await api.call('assets.delete', { id: asset.id });
    void navigate('/assets');
    announce(t('assets.deleted', { name: asset.name }), {
      severity: 'info',
      action: {
        label: t('assets.undo'),
        run: async () => {
          await api.call('assets.restore', { id: asset.id });
          announce(t('assets.restored', { name: asset.name }), { action: { label: t('assets.open'), run: () => void navigate(`/assets/${asset.id}`) } });
        },
      },
    });
  };

  const fields: [string, ReactNode][] = [
    [t('assetForm.fields.type'), t(`assetTypes.${asset.type}`)],
    [t('assetForm.fields.status'), <StatusChip key="status" status={asset.status} />],
    [t('assetForm.fields.vendor'), asset.vendor || none],
    [t('assetForm.fields.model'), asset.model || none],
    [t('assetForm.fields.serialNumber'), mono(asset.serialNumber || none)],
    [t('assetForm.fields.assetTag'), mono(asset.assetTag || none)],
    [
      t('assetForm.fields.managementIps'),
      asset.managementIps.length === 0 ? (
        none
      ) : (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {asset.managementIps.map((ip) => (
            <Chip key={ip} size="small" label={ip} sx={{ fontFamily: 'monospace' }} />
          ))}
        </Stack>
      ),
    ],
    [t('assetForm.fields.version'), asset.version || none],
    [t('assetForm.fields.patchLevel'), asset.patchLevel || none],
    [t('assetForm.fields.owner'), asset.owner || none],
    [t('assetForm.fields.contact'), asset.contact || none],
    [t('assetForm.fields.purchaseDate'), asset.purchaseDate ?? none],
    [
      t('assetForm.fields.warrantyEnd'),
      <span key="warranty">
        {asset.warrantyEnd ?? none}
        {warrantyText ? <Chip size="small" color="warning" label={warrantyText} sx={{ ml: 1 }} /> : null}
      </span>,
    ],
    [t('assetForm.fields.notes'), asset.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{asset.notes}</span> : none],
    ...Object.entries(asset.customFields).map(([key, value]): [string, ReactNode] => [key, value || none]),
    [t('assetDetail.created'), formatDateTime(asset.createdAt, i18n.language)],
    [t('assetDetail.updated'), formatDateTime(asset.updatedAt, i18n.language)],
  ];

  return (
    <>
      <BackLink />
      <PageHeader
        title={asset.name}
        subtitle={[t(`assetTypes.${asset.type}`), asset.assetTag, locationPath(asset.location)].filter(Boolean).join(' · ')}
        actions={
          <>
            <Button variant="contained" startIcon={<EditIcon />} onClick={() => openForm({ mode: 'edit', asset, ...(host ? { hostName: host.name } : {}) })}>
              {t('assetDetail.edit')}
            </Button>
            <Button variant="outlined" startIcon={<QrCode2Icon />} onClick={() => setDialog('labels')}>
              {t('assetDetail.printLabel')}
            </Button>
            <Button variant="outlined" color="error" startIcon={<DeleteOutlinedIcon />} onClick={() => setDialog('delete')}>
              {t('assetDetail.delete')}
            </Button>
          </>
        }
      />
      {warrantyText ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {warrantyText}
        </Alert>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Section title={t('assetDetail.details')}>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(8em, max-content) 1fr' }, columnGap: 3, rowGap: 1.25, m: 0 }}>
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
            <AssetCredentials asset={asset} />
            <AssetChecks asset={asset} />
            {hasConfigBackups(asset) ? <ConfigBackupsSection asset={asset} /> : null}
            <Section title={t('assetHistory.title')}>
              <AssetHistory entries={history$.data} error={history$.error} names={names} onRetry={reloadHistory} />
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <Section title={t('assetDetail.location')}>
              {software ? (
                host ? (
                  <Typography variant="body2">
                    {t('assetDetail.installedOn')}{' '}
                    <Link component={RouterLink} to={`/assets/${host.id}`}>
                      {host.name}
                    </Link>
                    {locationPath(asset.location) ? (
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                        {locationPath(asset.location)}
                      </Typography>
                    ) : null}
                  </Typography>
                ) : (
                  <Typography variant="body2" color="text.secondary">
                    {t('assetDetail.notPlaced')}
                  </Typography>
                )
              ) : asset.location.roomName ? (
                <Stack spacing={1}>
                  <Typography variant="body2">{locationPath(asset.location, { withRack: false })}</Typography>
                  {asset.location.rackId && asset.location.rackName ? (
                    <Typography variant="body2">
                      <Link component={RouterLink} to={`/racks/${asset.location.rackId}`} aria-label={t('assetDetail.openRack', { name: asset.location.rackName })}>
                        {t('assets.location.rack')} {asset.location.rackName}
                      </Link>
                      {asset.rackUStart && asset.rackUHeight ? ` · ${formatURange(asset.rackUStart, asset.rackUHeight)}` : ''}
                    </Typography>
                  ) : null}
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t('assetDetail.notPlaced')}
                </Typography>
              )}
            </Section>
            {software ? null : (
              <Section
                title={t('assetDetail.installedSoftware')}
                action={
                  <Button size="small" startIcon={<AddIcon />} onClick={() => openForm({ mode: 'create', prefill: { type: 'os', installedOnId: asset.id }, hostName: asset.name })}>
                    {t('assetDetail.addSoftware')}
                  </Button>
                }
              >
                {installedSoftware.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {t('assetDetail.noSoftware')}
                  </Typography>
                ) : (
                  <List dense disablePadding>
                    {installedSoftware.map((item) => (
                      <ListItem key={item.id} disableGutters>
                        <ListItemText
                          primary={
                            <Link component={RouterLink} to={`/assets/${item.id}`}>
                              {item.name}
                            </Link>
                          }
                          secondary={[t(`assetTypes.${item.type}`), item.version, item.patchLevel].filter(Boolean).join(' · ')}
                        />
                      </ListItem>
                    ))}
                  </List>
                )}
              </Section>
            )}
            <LaterSection icon={<FactCheckIcon />} title={t('assetDetail.later.rounds.title')} body={t('assetDetail.later.rounds.body')} />
            <LaterSection icon={<ReportProblemIcon />} title={t('assetDetail.later.incidents.title')} body={t('assetDetail.later.incidents.body')} />
          </Stack>
        </Grid>
      </Grid>
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={t('assetDetail.deleteDialog.title', { name: asset.name })}
          body={t('assetDetail.deleteDialog.body')}
          confirmLabel={t('assetDetail.deleteDialog.confirm')}
          cancelLabel={t('assetForm.cancel')}
          onConfirm={remove}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'labels' ? <LabelsDialog open assetIds={[asset.id]} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function mono(text: string) {
  return <span style={{ fontFamily: 'monospace' }}>{text}</span>;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Button component={RouterLink} to="/assets" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
      {t('assetDetail.backToList')}
    </Button>
  );
}

/** Honest placeholders: what will be here and which feature brings it. */
function LaterSection({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  return (
    <Section title={title}>
      <Stack direction="row" spacing={1.5} sx={{ color: 'text.secondary' }}>
        <Box aria-hidden sx={{ display: 'flex', pt: 0.25 }}>
          {icon}
        </Box>
        <Typography variant="body2">{body}</Typography>
      </Stack>
    </Section>
  );
}
