import { Badge, Box, LinearProgress, Tab, Tabs } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { ConflictList } from './ConflictList';
import { EnrolForm } from './EnrolForm';
import { useSyncStatus } from './sync.store';
import { SyncStatusPanel } from './SyncStatusPanel';

type TabKey = 'status' | 'conflicts';

/** 同步: enrol this laptop, see where sync stands, sync now, review conflicts. */
export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStatus((state) => state.status);
  const error = useSyncStatus((state) => state.error);
  const [tab, setTab] = useState<TabKey>('status');

  useEffect(() => {
    void useSyncStatus.getState().load();
  }, []);

  return (
    <Box>
      <PageHeader title={t('sync.title')} subtitle={t('sync.subtitle')} />
      {error && !status ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: () => void useSyncStatus.getState().load() }} /> : null}
      {!status && !error ? <LinearProgress /> : null}
      {status ? (
        <>
          <Tabs value={tab} onChange={(_event, value: TabKey) => setTab(value)} sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
            <Tab value="status" label={t('sync.tabs.status')} id="sync-tab-status" aria-controls="sync-panel-status" />
            <Tab
              value="conflicts"
              id="sync-tab-conflicts"
              aria-controls="sync-panel-conflicts"
              label={
                <Badge badgeContent={status.conflicts} color="error" sx={{ '& .MuiBadge-badge': { right: -12 } }}>
                  {t('sync.tabs.conflicts')}
                </Badge>
              }
            />
          </Tabs>
          <Box role="tabpanel" id={`sync-panel-${tab}`} aria-labelledby={`sync-tab-${tab}`}>
            {tab === 'status' ? status.enrolled ? <SyncStatusPanel status={status} /> : <EnrolForm initialServerUrl={status.serverUrl} /> : <ConflictList />}
          </Box>
        </>
      ) : null}
    </Box>
  );
}
