import { Badge, IconButton, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { useSyncStatus, useSyncStatusFeed } from './sync.store';
import { SyncStateIcon } from './SyncStateIcon';

/**
 * The sync state in the top bar: an icon per state, the number of changes not
 * yet sent as a badge, details in the tooltip (and the accessible name). A
 * click opens the Sync page.
 */
export function SyncStatusIndicator() {
  useSyncStatusFeed();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const status = useSyncStatus((state) => state.status);
  if (!status) return null;

  const lines = [t('sync.indicator.label', { state: t(`sync.state.${status.state}`) })];
  if (status.pending > 0) lines.push(t('sync.indicator.pending', { count: status.pending }));
  if (status.conflicts > 0) lines.push(t('sync.indicator.conflicts', { count: status.conflicts }));
  if (status.lastSuccessAt !== null) lines.push(t('sync.indicator.lastSuccess', { time: formatDateTime(status.lastSuccessAt, i18n.language) }));
  const label = lines.join(' · ');
  const attention = status.state === 'stopped' || status.conflicts > 0;

  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{lines.join('\n')}</span>}>
      <IconButton
        color="inherit"
        aria-label={label}
        aria-current={pathname === '/sync' ? 'page' : undefined}
        data-sync-state={status.state}
        onClick={() => void navigate('/sync')}
        sx={{ mr: 1 }}
      >
        <Badge
          badgeContent={status.pending}
          max={999}
          color={attention ? 'error' : 'secondary'}
          invisible={status.pending === 0 && !attention}
          variant={status.pending === 0 && attention ? 'dot' : 'standard'}
        >
          <SyncStateIcon state={status.state} />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
