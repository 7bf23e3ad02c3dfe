import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PlanScenario, PlanSeverity } from '@shared/domain/emergency-plans';

const SEVERITY_COLOURS: Record<PlanSeverity, ChipProps['color']> = { critical: 'error', major: 'warning', moderate: 'info', minor: 'default' };

export function SeverityChip({ severity, size = 'small' }: { severity: PlanSeverity; size?: ChipProps['size'] }) {
  const { t } = useTranslation();
  return <Chip size={size} color={SEVERITY_COLOURS[severity]} label={t(`plans.severities.${severity}`)} />;
}

export function ScenarioChip({ scenario, size = 'small' }: { scenario: PlanScenario; size?: ChipProps['size'] }) {
  const { t } = useTranslation();
  return <Chip size={size} variant="outlined" label={t(`plans.scenarios.${scenario}`)} />;
}
