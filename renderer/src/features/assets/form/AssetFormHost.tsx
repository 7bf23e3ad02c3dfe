import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api';
import { announce } from '../confirmations';
import { useAssetForm } from '../asset-form.store';
import { AssetFormDialog } from './AssetFormDialog';

/**
 * The one place the asset form lives, so the list, a rack's free slot, the
 * detail page and quick open all open the same dialog. Rendered once by the
 * app shell, inside the router.
 */
export function AssetFormHost() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const request = useAssetForm((state) => state.request);
  const serial = useAssetForm((state) => state.serial);
  const close = useAssetForm((state) => state.close);
  if (!request) return null;

  return (
    <AssetFormDialog
      key={serial}
      request={request}
      onClose={close}
      onSave={async (fields, patch) => {
        if (request.mode === 'edit') {
          await api.call('assets.update', { id: request.asset.id, fields: patch ?? fields });
          announce(t('assets.saved', { name: fields.name }));
          return request.asset.id;
        }
        const { id } = await api.call('assets.create', fields);
        if (request.openAfterCreate) {
          announce(t('assets.created', { name: fields.name }));
          void navigate(`/assets/${id}`);
        } else {
          announce(t('assets.created', { name: fields.name }), { action: { label: t('assets.open'), run: () => void navigate(`/assets/${id}`) } });
        }
        return id;
      }}
    />
  );
}
