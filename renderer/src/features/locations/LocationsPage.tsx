import AddIcon from '@mui/icons-material/Add';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import { Box, Button, CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '@shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { DeleteLocationDialog } from './DeleteLocationDialog';
import type { LocationDialogState } from './location-dialogs';
import { LocationNameDialog, type LocationNameInput } from './LocationNameDialog';
import { LocationTreeView } from './LocationTreeView';
import { touchesLocations, useLocations } from './locations.store';

export function LocationsPage() {
  const { t } = useTranslation();
  const tree = useLocations((state) => state.tree);
  const status = useLocations((state) => state.status);
  const loadError = useLocations((state) => state.loadError);
  const load = useLocations((state) => state.load);
  const [dialog, setDialog] = useState<LocationDialogState | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // Another window, a sync or an import may change the tree while it is shown.
  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (touchesLocations(entities)) void load();
      }),
    [load],
  );

  const addClient = () => setDialog({ type: 'create', kind: 'client' });

  return (
    <>
      <PageHeader
        title={t('locations.title')}
        subtitle={t('locations.subtitle')}
        actions={
          tree && tree.clients.length > 0 ? (
            <Button variant="contained" startIcon={<AddIcon />} onClick={addClient}>
              {t('locations.addClient')}
            </Button>
          ) : null
        }
      />
      {status === 'failed' ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert title={t('locations.loadFailed')} error={loadError} action={{ label: t('app.retry'), run: () => void load() }} />
        </Box>
      ) : null}
      {tree === null ? (
        status === 'failed' ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
            <CircularProgress aria-label={t('app.loading')} />
          </Box>
        )
      ) : tree.clients.length === 0 ? (
        <EmptyState
          icon={<LocationCityIcon />}
          title={t('locations.empty.title')}
          body={t('locations.empty.body')}
          action={
            <Button variant="contained" startIcon={<AddIcon />} onClick={addClient}>
              {t('locations.addClient')}
            </Button>
          }
        />
      ) : (
        <LocationTreeView tree={tree} onOpen={setDialog} />
      )}
      {dialog ? <LocationDialog dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

/** Opens the right dialog for the action and wires it to the store. */
function LocationDialog({ dialog, onClose }: { dialog: LocationDialogState; onClose(): void }) {
  const { t } = useTranslation();
  const create = useLocations((state) => state.create);
  const rename = useLocations((state) => state.rename);
  const remove = useLocations((state) => state.remove);
  const restore = useLocations((state) => state.restore);

  switch (dialog.type) {
    case 'create': {
      const parentName = dialog.kind === 'client' ? undefined : dialog.parent.name;
      const input = ({ name, heightU }: LocationNameInput): MethodInput<'locations.create'> => {
        switch (dialog.kind) {
          case 'client':
            return { kind: 'client', name };
          case 'site':
            return { kind: 'site', clientId: dialog.parent.id, name };
          case 'room':
            return { kind: 'room', siteId: dialog.parent.id, name };
          case 'rack':
            return { kind: 'rack', roomId: dialog.parent.id, name, ...(heightU === undefined ? {} : { heightU }) };
        }
      };
      return (
        <LocationNameDialog
          title={t(`locations.createDialog.${dialog.kind}`)}
          label={t(`locations.nameLabel.${dialog.kind}`)}
          {...(parentName ? { context: t('locations.under', { name: parentName }) } : {})}
          askHeight={dialog.kind === 'rack'}
          submitLabel={t('locations.create')}
          onSubmit={async (value) => {
            await create(input(value));
          }}
          onClose={onClose}
        />
      );
    }
    case 'rename':
      return (
        <LocationNameDialog
          title={t(`locations.renameDialog.${dialog.kind}`)}
          label={t(`locations.nameLabel.${dialog.kind}`)}
          initialName={dialog.name}
          submitLabel={t('locations.save')}
          onSubmit={({ name }) => rename({ kind: dialog.kind, id: dialog.id }, name)}
          onClose={onClose}
        />
      );
    case 'delete': {
      const ref = { kind: dialog.kind, id: dialog.id };
      return (
        <DeleteLocationDialog
          name={dialog.name}
          onConfirm={async () => {
            await remove(ref);
            notify(t('locations.deleted', { name: dialog.name }), {
              severity: 'info',
              action: {
                label: t('locations.undo'),
                run: async () => {
                  await restore(ref);
                  notify(t('locations.restored', { name: dialog.name }));
                },
              },
            });
          }}
          onClose={onClose}
        />
      );
    }
  }
}
