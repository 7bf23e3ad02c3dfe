import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import LanIcon from '@mui/icons-material/Lan';
import { Box, Button, CircularProgress, Link, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { IpPlan } from '@shared/domain/ip-plan';
import type { LocationTree } from '@shared/domain/locations';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { touchesLocations, useLocations } from '../locations/locations.store';
import { ConflictsPanel } from './ConflictsPanel';
import { DeleteSubnetDialog } from './DeleteSubnetDialog';
import { touchesIpPlan, useIpPlan } from './ip-plan.store';
import { SubnetDialog } from './SubnetDialog';
import { SubnetTable } from './SubnetTable';

export type PlannedSubnet = IpPlan['subnets'][number];

type DialogState = { type: 'add' } | { type: 'edit'; subnet: PlannedSubnet } | { type: 'delete'; subnet: PlannedSubnet };

/** Route `/ip-plan/:siteId`: the subnets of one site (网络IP地址统计), what is used and free, and the conflicts. */
export function IpPlanPage() {
  const { siteId = '' } = useParams();
  return <IpPlanView key={siteId} siteId={siteId} />;
}

function IpPlanView({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const plan = useIpPlan((state) => (state.siteId === siteId ? state.plan : null));
  const status = useIpPlan((state) => state.status);
  const loadError = useIpPlan((state) => state.loadError);
  const load = useIpPlan((state) => state.load);
  const create = useIpPlan((state) => state.create);
  const update = useIpPlan((state) => state.update);
  const remove = useIpPlan((state) => state.remove);
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const [dialog, setDialog] = useState<DialogState | null>(null);

  useEffect(() => {
    void load(siteId);
  }, [load, siteId]);

  useEffect(() => {
    if (tree === null) void loadTree();
  }, [tree, loadTree]);

  // Assets change their addresses, subnets are edited elsewhere, a site is renamed: the page follows.
  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (touchesIpPlan(entities)) void load(siteId);
        if (touchesLocations(entities)) {
          void loadTree();
          void load(siteId);
        }
      }),
    [load, loadTree, siteId],
  );

  const place = placeOf(tree, siteId);

  const siteName = place?.siteName ?? '';
  const notFound = status === 'failed' && isApiClientError(loadError) && (loadError.code === 'locations.not-found' || loadError.code === 'api.invalid-input');
  const addButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ type: 'add' })}>
      {t('ipPlan.add')}
    </Button>
  );

  return (
    <>
      <Link component={RouterLink} to="/locations" underline="hover" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}>
        <ArrowBackIcon fontSize="small" aria-hidden />
        {t('ipPlan.backToLocations')}
      </Link>
      <PageHeader
        title={siteName ? t('ipPlan.titleFor', { site: siteName }) : t('ipPlan.title')}
        {...(place ? { subtitle: t('ipPlan.subtitle', { client: place.clientName, site: place.siteName }) } : {})}
        actions={plan && plan.subnets.length > 0 ? addButton : null}
      />
      {notFound ? (
        <EmptyState
          icon={<LanIcon />}
          title={t('ipPlan.notFound.title')}
          body={t('ipPlan.notFound.body')}
          action={
            <Button component={RouterLink} to="/locations" variant="contained">
              {t('ipPlan.backToLocations')}
            </Button>
          }
        />
      ) : status === 'failed' ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert title={t('ipPlan.loadFailed')} error={loadError} action={{ label: t('app.retry'), run: () => void load(siteId) }} />
        </Box>
      ) : null}
      {plan === null ? (
        status === 'failed' ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
            <CircularProgress aria-label={t('app.loading')} />
          </Box>
        )
      ) : (
        <Stack spacing={3}>
          {plan.subnets.length === 0 ? (
            <EmptyState icon={<LanIcon />} title={t('ipPlan.empty.title')} body={t('ipPlan.empty.body')} action={addButton} />
          ) : (
            <SubnetTable
              subnets={plan.subnets}
              onEdit={(subnet) => setDialog({ type: 'edit', subnet })}
              onDelete={(subnet) => setDialog({ type: 'delete', subnet })}
            />
          )}
          <ConflictsPanel conflicts={plan.conflicts} hasSubnets={plan.subnets.length > 0} />
        </Stack>
      )}
      {dialog?.type === 'add' ? (
        <SubnetDialog
          siteName={siteName}
          onCreate={async (values) => {
            await create({ siteId, ...values });
            notify(t('ipPlan.added', { cidr: values.cidr }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.type === 'edit' ? (
        <SubnetDialog
          siteName={siteName}
          subnet={dialog.subnet}
          onUpdate={async (id, fields) => {
            await update({ id, fields });
            notify(t('ipPlan.saved', { cidr: fields.cidr ?? dialog.subnet.cidr }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.type === 'delete' ? (
        <DeleteSubnetDialog
          cidr={dialog.subnet.cidr}
          usedCount={dialog.subnet.used.length}
          onConfirm={async () => {
            await remove(dialog.subnet.id);
            notify(t('ipPlan.deleted', { cidr: dialog.subnet.cidr }), { severity: 'info' });
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}

/** The site's name and its client's, for the heading. */
function placeOf(tree: LocationTree | null, siteId: string): { siteName: string; clientName: string } | null {
  for (const client of tree?.clients ?? []) {
    const site = client.sites.find((candidate) => candidate.id === siteId);
    if (site) return { siteName: site.name, clientName: client.name };
  }
  return null;
}
