import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CheckStatus } from '@shared/domain/checks';
import { statusTone } from '../check-format';

/** A result's status as a word with a colour, never a colour alone. */
export function CheckStatusChip({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  const tone = statusTone(status);
  return <Chip size="small" color={tone.color} variant={tone.variant} label={t(`checks.statuses.${status}`)} />;
}
