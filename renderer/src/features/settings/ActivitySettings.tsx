import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { ActivityList } from '../audit/ActivityList';
import { useAudit } from '../audit/audit.store';
import { SettingsSection } from './SettingsSection';

export function ActivitySettings() {
  const { t } = useTranslation();
  const entries = useAudit((state) => state.entries);
  const loadError = useAudit((state) => state.loadError);
  const load = useAudit((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  // Any recorded change adds an audit line.
  useEffect(() => api.on('records.changed', () => void load()), [load]);

  return (
    <SettingsSection title={t('settings.activity.title')}>
      {loadError ? <ErrorAlert error={loadError} action={{ label: t('app.retry'), run: () => void load() }} /> : null}
      {entries ? <ActivityList entries={entries} /> : null}
    </SettingsSection>
  );
}
