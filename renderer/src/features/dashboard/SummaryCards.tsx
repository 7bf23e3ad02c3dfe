import { Box, Link, Paper, Typography } from '@mui/material';
import type { ServiceStatistics } from '@shared/domain/statistics';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { recordsLink } from './dashboard-links';
import { formatCount, formatRatio } from './dashboard-format';

/** The headline numbers, each a link to the records behind it. */
export function SummaryCards({ stats }: { stats: ServiceStatistics }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const { scope } = stats;
  const cards = [
    { key: 'devices', value: n(stats.devicesCovered), link: null },
    { key: 'roundsDone', value: `${n(stats.rounds.done)} / ${n(stats.rounds.scheduled)}`, link: recordsLink('rounds', scope) },
    { key: 'overdue', value: n(stats.rounds.overdue), link: recordsLink('rounds', scope) },
    { key: 'incidents', value: `${n(stats.incidents.total)} (${n(stats.incidents.open)})`, link: recordsLink('incidents', scope) },
    { key: 'compliance', value: formatRatio(stats.sla.compliance, i18n.language), link: recordsLink('incidents', scope, { slaStates: ['missed', 'breached'] }) },
    { key: 'problems', value: `${n(stats.consultations)} / ${n(stats.problems)}`, link: recordsLink('problems', scope) },
    { key: 'changes', value: `${n(stats.changes)} (${n(stats.changesImplemented)})`, link: recordsLink('changes', scope) },
  ] as const;
  return (
    <Box component="ul" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 2, p: 0, m: 0, mb: 3, listStyle: 'none' }}>
      {cards.map((card) => {
        const label = t(`dashboard.summary.${card.key}`);
        return (
          <Paper key={card.key} component="li" variant="outlined" sx={{ p: 2 }}>
            <Typography variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography variant="h4" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {card.link ? (
                <Link component={RouterLink} to={card.link} underline="hover" color="inherit" aria-label={`${label}: ${card.value}. ${t('dashboard.viewRecords')}`}>
                  {card.value}
                </Link>
              ) : (
                card.value
              )}
            </Typography>
          </Paper>
        );
      })}
    </Box>
  );
}
