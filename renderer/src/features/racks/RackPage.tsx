import AddIcon from '@mui/icons-material/Add';
import HeightIcon from '@mui/icons-material/Height';
import { Alert, Box, Breadcrumbs, Button, CircularProgress, Grid, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { ASSET_STATUSES, type RackElevation } from '@shared/domain/assets';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { announce } from '../assets/confirmations';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatURange } from '../assets/asset-format';
import { useAssetForm } from '../assets/asset-form.store';
import { Section } from '../assets/detail/Section';
import { findRack } from '../assets/location-options';
import { useApiResource } from '../assets/use-api-resource';
import { useLocations } from '../locations/locations.store';
import { lowestFreeU } from './rack-layout';
import { RackElevationView, statusColor } from './RackElevationView';
import { ResizeRackDialog } from './ResizeRackDialog';

/** A rack seen from the front: which device sits in which unit, what is free, and its height. */
export function RackPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const theme = useTheme();
  const navigate = useNavigate();
  const openForm = useAssetForm((state) => state.open);
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const [resizing, setResizing] = useState(false);
  const { data: elevation, error, reload } = useApiResource<RackElevation>(id, () => api.call('racks.elevation', { rackId: id }));

  useEffect(() => {
    if (useLocations.getState().tree === null) void loadTree();
  }, [loadTree]);

  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (entities.some((entity) => entity === 'asset' || entity === 'rack' || entity === '*')) reload();
      }),
    [reload],
  );

  const gone = isApiClientError(error) && error.code === 'locations.not-found';
  if (error && (gone || !elevation)) {
    return gone ? <Alert severity="warning">{t('errors.locations.not-found')}</Alert> : <ErrorAlert title={t('racks.loadFailed')} error={error} action={{ label: t('app.retry'), run: reload }} />;
  }
  if (!elevation) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  const { rack, occupants, freeU } = elevation;
  const place = tree ? findRack(tree, rack.id) : null;
  const addAt = (u: number | null) =>
    openForm({ mode: 'create', prefill: { type: 'server', roomId: rack.roomId, rackId: rack.id, ...(u === null ? {} : { rackUStart: u, rackUHeight: 1 }) } });

  return (
    <>
      <Breadcrumbs aria-label={t('racks.openInLocations')} sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/locations" underline="hover" color="inherit">
          {t('racks.openInLocations')}
        </Link>
        {place ? <Typography color="text.secondary">{place.client.name}</Typography> : null}
        {place ? <Typography color="text.secondary">{place.site.name}</Typography> : null}
        <Typography color="text.secondary">{rack.roomName}</Typography>
      </Breadcrumbs>
      <PageHeader
        title={t('racks.title', { name: rack.name })}
        subtitle={t('racks.summary', { room: rack.roomName, height: String(rack.heightU), free: String(freeU) })}
        actions={
          <>
            <Button variant="contained" startIcon={<AddIcon />} disabled={freeU === 0} onClick={() => addAt(lowestFreeU(rack.heightU, occupants))}>
              {t('racks.addAsset')}
            </Button>
            <Button variant="outlined" startIcon={<HeightIcon />} onClick={() => setResizing(true)}>
              {t('racks.resize')}
            </Button>
          </>
        }
      />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 7 }}>
          <RackElevationView elevation={elevation} onOpenDevice={(assetId) => void navigate(`/assets/${assetId}`)} onAddAt={addAt} />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Stack spacing={2}>
            <Section title={t('racks.devices')}>
              {occupants.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('racks.noDevices')}
                </Typography>
              ) : (
                <List dense disablePadding>
                  {[...occupants]
                    .sort((a, b) => b.uStart - a.uStart)
                    .map((occupant) => (
                      <ListItem key={occupant.assetId} disableGutters>
                        <ListItemText
                          primary={
                            <Link component={RouterLink} to={`/assets/${occupant.assetId}`}>
                              {occupant.name}
                            </Link>
                          }
                          secondary={`${formatURange(occupant.uStart, occupant.uHeight)} · ${t(`assetTypes.${occupant.type}`)} · ${t(`assetStatuses.${occupant.status}`)}`}
                        />
                      </ListItem>
                    ))}
                </List>
              )}
            </Section>
            <Section title={t('racks.legend')}>
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {ASSET_STATUSES.map((status) => (
                  <Stack key={status} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                    <Box aria-hidden sx={{ width: 14, height: 14, borderRadius: 0.5, bgcolor: statusColor(theme, status) }} />
                    <Typography variant="body2">{t(`assetStatuses.${status}`)}</Typography>
                  </Stack>
                ))}
              </Stack>
            </Section>
          </Stack>
        </Grid>
      </Grid>
      {resizing ? (
        <ResizeRackDialog
          rackName={rack.name}
          heightU={rack.heightU}
          onResize={async (heightU) => {
            await api.call('racks.resize', { id: rack.id, heightU });
            reload();
            void loadTree();
            announce(t('racks.resized', { name: rack.name, height: String(heightU) }));
          }}
          onClose={() => setResizing(false)}
        />
      ) : null}
    </>
  );
}
