import AddIcon from '@mui/icons-material/Add';
import ApartmentIcon from '@mui/icons-material/Apartment';
import BusinessIcon from '@mui/icons-material/Business';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import StorageIcon from '@mui/icons-material/Storage';
import ViewAgendaIcon from '@mui/icons-material/ViewAgenda';
import EditIcon from '@mui/icons-material/Edit';
import LanIcon from '@mui/icons-material/Lan';
import { Box, Button, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Client, LocationKind, LocationTree, Rack, Room, Site } from '@shared/domain/locations';
import type { LocationDialogState } from './location-dialogs';

interface Props {
  tree: LocationTree;
  onOpen(dialog: LocationDialogState): void;
}

/**
 * The client → site → machine room → rack tree as nested lists with headings:
 * every action is a plain button reachable with Tab, and a screen reader can
 * jump between clients, sites and rooms by heading. (An ARIA tree widget would demand
 * arrow-key navigation and forbids buttons inside its items.)
 */
export function LocationTreeView({ tree, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" spacing={2} aria-label={t('locations.treeLabel')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {tree.clients.map((client) => (
        <Paper component="li" variant="outlined" key={client.id} sx={{ p: 2 }}>
          <ClientNode client={client} onOpen={onOpen} />
        </Paper>
      ))}
    </Stack>
  );
}

function ClientNode({ client, onOpen }: { client: Client; onOpen: Props['onOpen'] }) {
  const { t } = useTranslation();
  return (
    <>
      <NodeRow
        kind="client"
        id={client.id}
        name={client.name}
        icon={<BusinessIcon color="primary" />}
        heading="h2"
        onOpen={onOpen}
        add={{ label: t('locations.addSite'), accessibleName: t('locations.addSiteTo', { name: client.name }), open: () => onOpen({ type: 'create', kind: 'site', parent: client }) }}
      />
      <Children empty={client.sites.length === 0} emptyText={t('locations.noSites')}>
        {client.sites.map((site) => (
          <Box component="li" key={site.id}>
            <SiteNode site={site} onOpen={onOpen} />
          </Box>
        ))}
      </Children>
    </>
  );
}

function SiteNode({ site, onOpen }: { site: Site; onOpen: Props['onOpen'] }) {
  const { t } = useTranslation();
  return (
    <>
      <NodeRow
        kind="site"
        id={site.id}
        name={site.name}
        icon={<ApartmentIcon color="secondary" />}
        heading="h3"
        onOpen={onOpen}
        add={{ label: t('locations.addRoom'), accessibleName: t('locations.addRoomTo', { name: site.name }), open: () => onOpen({ type: 'create', kind: 'room', parent: site }) }}
        link={{ label: t('ipPlan.open'), accessibleName: t('ipPlan.openFor', { name: site.name }), to: `/ip-plan/${site.id}`, icon: <LanIcon /> }}
      />
      <Children empty={site.rooms.length === 0} emptyText={t('locations.noRooms')}>
        {site.rooms.map((room) => (
          <Box component="li" key={room.id}>
            <RoomNode room={room} onOpen={onOpen} />
          </Box>
        ))}
      </Children>
    </>
  );
}

function RoomNode({ room, onOpen }: { room: Room; onOpen: Props['onOpen'] }) {
  const { t } = useTranslation();
  return (
    <>
      <NodeRow
        kind="room"
        id={room.id}
        name={room.name}
        icon={<MeetingRoomIcon color="action" />}
        heading="h4"
        onOpen={onOpen}
        add={{ label: t('locations.addRack'), accessibleName: t('locations.addRackTo', { name: room.name }), open: () => onOpen({ type: 'create', kind: 'rack', parent: room }) }}
      />
      <Children empty={room.racks.length === 0} emptyText={t('locations.noRacks')}>
        {room.racks.map((rack) => (
          <Box component="li" key={rack.id}>
            <RackNode rack={rack} onOpen={onOpen} />
          </Box>
        ))}
      </Children>
    </>
  );
}

function RackNode({ rack, onOpen }: { rack: Rack; onOpen: Props['onOpen'] }) {
  const { t } = useTranslation();
  return (
    <NodeRow
      kind="rack"
      id={rack.id}
      name={rack.name}
      detail={t('locations.rackHeight', { height: String(rack.heightU) })}
      icon={<StorageIcon color="action" />}
      onOpen={onOpen}
      link={{ label: t('racks.view'), accessibleName: t('racks.viewFor', { name: rack.name }), to: `/racks/${rack.id}`, icon: <ViewAgendaIcon /> }}
    />
  );
}

/** The indented list under a node, with a quiet line when it has nothing yet. */
function Children({ empty, emptyText, children }: { empty: boolean; emptyText: string; children: ReactNode }) {
  return (
    <Box sx={{ ml: 2.5, pl: 2, borderLeft: 1, borderColor: 'divider' }}>
      {empty ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 0.75 }}>
          {emptyText}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {children}
        </Box>
      )}
    </Box>
  );
}

interface NodeRowProps {
  kind: LocationKind;
  id: string;
  name: string;
  icon: ReactNode;
  heading?: 'h2' | 'h3' | 'h4';
  /** A short fact after the kind, such as a rack's height. */
  detail?: string;
  add?: { label: string; accessibleName: string; open(): void };
  /** A page about this node, such as a site's IP plan. */
  link?: { label: string; accessibleName: string; to: string; icon: ReactNode };
  onOpen: Props['onOpen'];
}

function NodeRow({ kind, id, name, icon, heading, detail, add, link, onOpen }: NodeRowProps) {
  const { t } = useTranslation();
  const renameLabel = t('locations.rename', { name });
  const deleteLabel = t('locations.delete', { name });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5, minHeight: 40 }}>
      <Box aria-hidden sx={{ display: 'flex' }}>
        {icon}
      </Box>
      <Typography
        component={heading ?? 'span'}
        variant={kind === 'client' ? 'subtitle1' : 'body1'}
        sx={{ fontWeight: kind === 'client' || kind === 'site' ? 600 : 400, overflowWrap: 'anywhere' }}
      >
        {name}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {detail ? `${t(`locations.kinds.${kind}`)} · ${detail}` : t(`locations.kinds.${kind}`)}
      </Typography>
      <Box sx={{ flexGrow: 1 }} />
      {link ? (
        <Button size="small" component={RouterLink} to={link.to} startIcon={link.icon} aria-label={link.accessibleName} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {link.label}
        </Button>
      ) : null}
      {add ? (
        <Button size="small" startIcon={<AddIcon />} aria-label={add.accessibleName} onClick={add.open} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {add.label}
        </Button>
      ) : null}
      <Tooltip title={renameLabel}>
        <IconButton size="small" aria-label={renameLabel} onClick={() => onOpen({ type: 'rename', kind, id, name })}>
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title={deleteLabel}>
        <IconButton size="small" aria-label={deleteLabel} onClick={() => onOpen({ type: 'delete', kind, id, name })}>
          <DeleteOutlinedIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
