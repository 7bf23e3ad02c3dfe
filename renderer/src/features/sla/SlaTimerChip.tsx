import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SlaSummary, SlaTimer } from '@shared/domain/sla';
import { formatDateTime } from '../../i18n/format';
import { liveTimer, remainingText, stateTone, summaryBadge } from './sla-format';
import { useMinuteTick } from './use-minute-tick';

interface TimerProps {
  timer: SlaTimer;
  /** When the data was fetched (Date.now() then): the chip counts on from there each minute. */
  fetchedAt: number;
  size?: 'small' | 'medium';
}

/** One SLA timer: its name, state colour and time left ("Response · 2 h 15 min left"), with the due time on hover. */
export function SlaTimerChip({ timer, fetchedAt, size = 'small' }: TimerProps) {
  const { t, i18n } = useTranslation();
  const now = useMinuteTick();
  const live = liveTimer(timer, fetchedAt, now);
  const detail = remainingText(live.state, live.remainingMs, t);
  const name = t(`sla.timers.${timer.kind}`);
  const when = timerWhen(timer, i18n.language, t);
  const tone = stateTone(live.state);
  return (
    <Tooltip title={when ?? ''} disableHoverListener={when === null}>
      <Chip
        size={size}
        color={tone}
        variant={live.state === 'breached' ? 'filled' : 'outlined'}
        label={`${name} · ${detail}`}
        aria-label={t('sla.chipLabel', { timer: name, state: t(`sla.states.${live.state}`), detail: when ? `${detail}, ${when}` : detail })}
      />
    </Tooltip>
  );
}

interface SummaryProps {
  summary: SlaSummary;
  fetchedAt: number;
  size?: 'small' | 'medium';
}

/**
 * An incident's SLA in one chip, for lists: the worst state's colour and the
 * time left on the timer due first; every timer on hover.
 */
export function SlaBadge({ summary, fetchedAt, size = 'small' }: SummaryProps) {
  const { t, i18n } = useTranslation();
  const now = useMinuteTick();
  const badge = summaryBadge(summary, fetchedAt, now, t);
  if (!badge) return <Chip size={size} variant="outlined" label={t('sla.noTimers')} />;
  const { lead, worst, detail, label } = badge;
  const timers = summary.timers.map((timer) => ({ timer, live: liveTimer(timer, fetchedAt, now) }));
  const details = (
    <Stack spacing={0.5} sx={{ py: 0.5 }}>
      {timers.map(({ timer, live }) => {
        const when = timerWhen(timer, i18n.language, t);
        return (
          <Box key={timer.kind}>
            <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
              {t(`sla.timers.${timer.kind}`)}
            </Typography>
            <Typography variant="body2" component="span">
              {` · ${t(`sla.states.${live.state}`)} · ${remainingText(live.state, live.remainingMs, t)}`}
              {when ? ` · ${when}` : ''}
            </Typography>
          </Box>
        );
      })}
    </Stack>
  );
  return (
    <Tooltip title={details}>
      <Chip
        size={size}
        color={stateTone(worst)}
        variant={worst === 'breached' ? 'filled' : 'outlined'}
        label={label}
        aria-label={t('sla.chipLabel', { timer: t(`sla.timers.${lead.kind}`), state: t(`sla.states.${worst}`), detail })}
      />
    </Tooltip>
  );
}

/** "due 28 Nov 2026, 01:00" while running, "done …" once stopped; nothing while paused. */
function timerWhen(timer: SlaTimer, language: string, t: TFunction): string | null {
  if (timer.stoppedAt !== null) return t('sla.stopped', { time: formatDateTime(timer.stoppedAt, language) });
  if (timer.dueAt !== null) return t('sla.due', { time: formatDateTime(timer.dueAt, language) });
  return null;
}
