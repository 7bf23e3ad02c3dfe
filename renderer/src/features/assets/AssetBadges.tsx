import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, Chip, Tooltip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AssetStatus } from '@shared/domain/assets';

/** One colour per status, the same in the list, the detail and the rack drawing. */
export const STATUS_COLOR: Record<AssetStatus, NonNullable<ChipProps['color']>> = {
  'in-use': 'success',
  spare: 'info',
  faulty: 'error',
  retired: 'default',
};

export function StatusChip({ status, size = 'small' }: { status: AssetStatus; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return <Chip size={size} color={STATUS_COLOR[status]} variant={status === 'retired' ? 'outlined' : 'filled'} label={t(`assetStatuses.${status}`)} />;
}

/** Whether a warranty end date (YYYY-MM-DD) is already past, on this laptop's calendar. */
export function warrantyEnded(warrantyEnd: string | null, now: Date = new Date()): boolean {
  if (!warrantyEnd) return false;
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return warrantyEnd < today;
}

/** The warning sign next to a warranty date that ends within the warning window or has ended. */
export function WarrantyFlag({ warrantyEnd }: { warrantyEnd: string | null }) {
  const { t } = useTranslation();
  const label = warrantyEnded(warrantyEnd) ? t('assets.warrantyEnded') : t('assets.warrantyEnding');
  return (
    <Tooltip title={label}>
      <Box component="span" role="img" aria-label={label} sx={{ display: 'inline-flex', color: 'warning.main', verticalAlign: 'middle' }}>
        <WarningAmberIcon fontSize="small" />
      </Box>
    </Tooltip>
  );
}
