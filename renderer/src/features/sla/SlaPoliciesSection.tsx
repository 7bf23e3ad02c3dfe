import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { Box, Button, Chip, IconButton, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '@shared/api';
import type { LocationTree } from '@shared/domain/locations';
import { PRIORITIES, type SlaPolicy } from '@shared/domain/sla';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { ConfirmDialog } from '../assets/ConfirmDialog';
import { announce } from '../assets/confirmations';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { SettingsSection } from '../settings/SettingsSection';
import { SlaPolicyDialog, type ClientOption } from './SlaPolicyDialog';
import { calendarText, targetText } from './sla-summary';

type Editing = { policy: SlaPolicy | null } | null;

/**
 * SLA policies in Settings: the default (built in until first saved) and one
 * per client contract. Editing opens a dialog; a client policy can be
 * deleted, after which its incidents use the default again.
 */
export function SlaPoliciesSection() {
  const { t, i18n } = useTranslation();
  const policies = useApiResource<SlaPolicy[]>('all', () => api.call('sla.policies', {}));
  const tree = useApiResource<LocationTree>('all', () => api.call('locations.tree', {}));
  useRecordsChanged(['slaPolicy'], policies.reload);
  useRecordsChanged(['client'], tree.reload);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);

  const clients: ClientOption[] = useMemo(
    () => (tree.data?.clients ?? []).map((client) => ({ id: client.id, name: client.name })).sort((a, b) => a.name.localeCompare(b.name, i18n.language)),
    [tree.data, i18n.language],
  );
  const clientName = (clientId: string | null) =>
    clientId === null ? t('sla.allClients') : (clients.find((client) => client.id === clientId)?.name ?? t('sla.deletedClient'));
  const takenBy = (policy: SlaPolicy | null) =>
    new Set((policies.data ?? []).filter((other) => other.clientId !== null && other.id !== policy?.id).map((other) => other.clientId as string));

  async function save(input: MethodInput<'sla.savePolicy'>) {
    const saved = await api.call('sla.savePolicy', input);
    announce(t('sla.saved', { name: saved.name }));
    policies.reload();
  }

  async function remove(policy: SlaPolicy) {
    await api.call('sla.deletePolicy', { id: policy.id });
    announce(t('sla.deleted', { name: policy.name }));
    policies.reload();
  }

  return (
    <SettingsSection
      title={t('sla.title')}
      actions={
        <Button startIcon={<AddIcon />} onClick={() => setEditing({ policy: null })} disabled={policies.data === null}>
          {t('sla.add')}
        </Button>
      }
    >
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {t('sla.intro')}
        </Typography>
        {policies.error ? <ErrorAlert error={policies.error} title={t('sla.loadFailed')} action={{ label: t('app.retry'), run: policies.reload }} /> : null}
        {policies.data ? (
          <Paper variant="outlined">
            <TableContainer>
              <Table size="small" aria-label={t('sla.tableLabel')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('sla.columns.name')}</TableCell>
                    <TableCell>{t('sla.columns.appliesTo')}</TableCell>
                    <TableCell>{t('sla.columns.hours')}</TableCell>
                    <TableCell>{t('sla.columns.targets')}</TableCell>
                    <TableCell align="right">{t('sla.columns.actions')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {policies.data.map((policy) => (
                    <TableRow key={policy.id} hover>
                      <TableCell>
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                          <Typography variant="body2" sx={{ fontWeight: 600 }}>
                            {policy.name}
                          </Typography>
                          {policy.clientId === null ? <Chip size="small" label={t('sla.defaultTag')} /> : null}
                          {policy.createdAt === 0 ? <Chip size="small" variant="outlined" label={t('sla.builtInTag')} /> : null}
                        </Stack>
                      </TableCell>
                      <TableCell>{clientName(policy.clientId)}</TableCell>
                      <TableCell sx={{ maxWidth: 220 }}>{calendarText(policy.calendar, i18n.language, t)}</TableCell>
                      <TableCell>
                        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
                          {PRIORITIES.map((priority) => (
                            <Typography key={priority} component="li" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                              {targetText(priority, policy.targets[priority], t)}
                            </Typography>
                          ))}
                        </Box>
                      </TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        <Tooltip title={t('sla.edit')}>
                          <IconButton aria-label={t('sla.editNamed', { name: policy.name })} onClick={() => setEditing({ policy })}>
                            <EditOutlinedIcon />
                          </IconButton>
                        </Tooltip>
                        {policy.clientId !== null ? (
                          <Tooltip title={t('sla.delete')}>
                            <IconButton aria-label={t('sla.deleteNamed', { name: policy.name })} onClick={() => setDeleting(policy)}>
                              <DeleteOutlinedIcon />
                            </IconButton>
                          </Tooltip>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>
        ) : null}
      </Stack>
      {editing ? (
        <SlaPolicyDialog policy={editing.policy} clients={clients} takenClientIds={takenBy(editing.policy)} onSave={save} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('sla.confirmDelete.title')}
          body={t('sla.confirmDelete.body', { client: clientName(deleting.clientId) })}
          confirmLabel={t('sla.confirmDelete.confirm')}
          cancelLabel={t('sla.confirmDelete.cancel')}
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </SettingsSection>
  );
}
