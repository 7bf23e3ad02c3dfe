import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatCount, isPowerDisplay } from './ip-format';

/** A count of addresses: exact when small, 2ⁿ (≈ 2ⁿ when some are taken) for a large subnet. */
export function AddressCount({ value, power, approximate = false }: { value: number; power: number | null; approximate?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!isPowerDisplay(value, power)) return <>{formatCount(value, i18n.language)}</>;
  return (
    <Box component="span" aria-label={t('ipPlan.table.powerOfTwo', { power: String(power) })} title={t('ipPlan.table.powerOfTwo', { power: String(power) })}>
      {approximate ? '≈ ' : ''}2<sup>{power}</sup>
    </Box>
  );
}
