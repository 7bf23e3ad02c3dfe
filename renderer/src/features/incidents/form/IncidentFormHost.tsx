import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api';
import { announce } from '../../assets/confirmations';
import { IncidentFormDialog } from './IncidentFormDialog';
import { useIncidentForm } from './incident-form.store';

/**
 * The one place the incident form lives, rendered by the incident pages. A new
 * incident opens its page once recorded: the next thing an engineer does is
 * acknowledge it or log work on it.
 */
export function IncidentFormHost() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const request = useIncidentForm((state) => state.request);
  const initialValues = useIncidentForm((state) => state.initialValues);
  const serial = useIncidentForm((state) => state.serial);
  const close = useIncidentForm((state) => state.close);
  const putAside = useIncidentForm((state) => state.putAside);
  if (!request) return null;

  return (
    <IncidentFormDialog
      key={serial}
      request={request}
      initialValues={initialValues}
      onClose={close}
      onOpenArticle={(values, articleId) => {
        putAside(values);
        void navigate(`/knowledge/${articleId}`);
      }}
      onSave={async (fields, patch) => {
        if (request.mode === 'edit') {
          await api.call('incidents.update', { id: request.incident.id, patch: patch ?? {} });
          announce(t('incidents.form.saved', { number: request.incident.number }));
          return;
        }
        const incident = await api.call('incidents.create', fields);
        announce(t('incidents.form.created', { number: incident.number }));
        void navigate(`/incidents/${incident.id}`);
      }}
    />
  );
}
