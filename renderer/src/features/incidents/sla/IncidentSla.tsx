import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SlaSummary } from '@shared/domain/sla';
import { formatDateTime } from '../../../i18n/format';
import { SlaBadge, SlaTimerChip } from '../../sla/SlaTimerChip';

/** The incident's SLA in one chip (worst state, time left on the timer due first), for the list and the header. */
export function IncidentSlaBadge({ summary, fetchedAt }: { summary: SlaSummary; fetchedAt: number }) {
  return <SlaBadge summary={summary} fetchedAt={fetchedAt} />;
}

/**
 * Every timer of the incident: a chip with its state and time left that counts
 * on by the minute, and the due time written out (or when it stopped), so it
 * can be read without hovering.
 */
export function IncidentSlaTimers({ summary, fetchedAt }: { summary: SlaSummary; fetchedAt: number }) {
  const { t, i18n } = useTranslation();
  if (summary.timers.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('incidents.detail.noSla')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5} component="ul" aria-label={t('incidents.detail.sla')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {summary.timers.map((timer) => (
        <Stack component="li" key={timer.kind} spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <SlaTimerChip timer={timer} fetchedAt={fetchedAt} size="medium" />
          <Typography variant="caption" color="text.secondary">
            {timer.stoppedAt !== null
              ? t('incidents.detail.timerStopped', { time: formatDateTime(timer.stoppedAt, i18n.language) })
              : timer.dueAt !== null
                ? t('incidents.detail.timerDue', { time: formatDateTime(timer.dueAt, i18n.language) })
                : t('incidents.detail.timerPaused')}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}
