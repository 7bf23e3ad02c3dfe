import { Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus, PendingReason } from '@shared/domain/incidents';
import type { Priority } from '@shared/domain/sla';
import { PRIORITY_COLOR, STATUS_COLOR } from './incident-format';

export function PriorityChip({ priority, overridden = false, size = 'small' }: { priority: Priority; overridden?: boolean; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  const chip = (
    <Chip
      size={size}
      color={PRIORITY_COLOR[priority]}
      variant={priority === 'P4' ? 'outlined' : 'filled'}
      label={overridden ? `${priority}*` : priority}
      aria-label={t('incidents.priorityLabel', { priority: t(`incidents.priorities.${priority}`) })}
      sx={{ fontWeight: 700, minWidth: 40 }}
    />
  );
  return overridden ? <Tooltip title={t('incidents.detail.overridden')}>{chip}</Tooltip> : chip;
}

export function IncidentStatusChip({ status, pendingReason = null, size = 'small' }: { status: IncidentStatus; pendingReason?: PendingReason | null; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  const label =
    status === 'pending' && pendingReason
      ? t('incidents.statusWithReason', { status: t(`incidents.statuses.${status}`), reason: t(`incidents.pendingReasons.${pendingReason}`) })
      : t(`incidents.statuses.${status}`);
  return <Chip size={size} color={STATUS_COLOR[status]} variant={status === 'closed' || status === 'new' ? 'outlined' : 'filled'} label={label} />;
}
