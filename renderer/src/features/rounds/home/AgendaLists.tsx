import { Button, Chip, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueRound, Round } from '@shared/domain/rounds';
import { formatDateTime } from '../../../i18n/format';
import { Section } from '../../assets/detail/Section';
import { formatPeriod, targetLabel } from '../round-format';
import { useRooms } from '../use-room-names';

/** Due rounds of one kind (overdue, today, upcoming), each with Start, or Resume when it is under way. */
export function AgendaSection({
  title,
  rounds,
  busy,
  language,
  tone,
  limit,
  onStart,
}: {
  title: string;
  rounds: DueRound[];
  busy: string | null;
  language: string;
  tone?: 'error' | 'later';
  /** Show this many until asked for all (upcoming rounds run two weeks ahead). */
  limit?: number;
  onStart(round: DueRound): void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = limit && !all ? rounds.slice(0, limit) : rounds;
  return (
    <Section title={t('rounds.home.sectionTitle', { title, count: rounds.length })}>
      {rounds.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('rounds.home.none')}
        </Typography>
      ) : (
        <List disablePadding>
          {shown.map((round) => {
            const key = `${round.scheduleId}/${round.periodStart}`;
            const name = `${round.templateName} · ${round.targetLabel}`;
            return (
              <ListItem
                key={key}
                divider
                disableGutters
                secondaryAction={
                  <Button
                    variant={round.roundId || tone === 'later' ? 'outlined' : 'contained'}
                    color={tone === 'error' && !round.roundId ? 'error' : 'primary'}
                    size="small"
                    disabled={busy === key}
                    onClick={() => onStart(round)}
                    aria-label={round.roundId ? t('rounds.home.resumeFor', { name }) : t('rounds.home.startFor', { name })}
                  >
                    {round.roundId ? t('rounds.home.resume') : t('rounds.home.start')}
                  </Button>
                }
              >
                <ListItemText
                  primary={name}
                  secondary={[formatPeriod(round.periodStart, round.periodEnd, language), round.roundId ? t('rounds.home.underWay') : null].filter(Boolean).join(' · ')}
                  sx={{ pr: 12 }}
                />
              </ListItem>
            );
          })}
        </List>
      )}
      {shown.length < rounds.length ? (
        <Button size="small" sx={{ mt: 1 }} onClick={() => setAll(true)}>
          {t('rounds.home.showAll', { count: rounds.length })}
        </Button>
      ) : null}
    </Section>
  );
}

/** Rounds started and not signed (running or paused), newest first. */
export function RunningSection({ title, rounds, onOpen }: { title: string; rounds: Round[]; onOpen(roundId: string): void }) {
  const { t, i18n } = useTranslation();
  const { roomNames } = useRooms();
  return (
    <Section title={t('rounds.home.sectionTitle', { title, count: rounds.length })}>
      {rounds.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('rounds.home.none')}
        </Typography>
      ) : (
        <List disablePadding>
          {rounds.map((round) => {
            const name = `${round.templateName} · ${targetLabel(round.target, roomNames, t)}`;
            const { done, total } = round.counts;
            return (
              <ListItem
                key={round.id}
                divider
                disableGutters
                secondaryAction={
                  <Button variant="contained" size="small" onClick={() => onOpen(round.id)} aria-label={t('rounds.home.resumeFor', { name })}>
                    {t('rounds.home.resume')}
                  </Button>
                }
              >
                <Stack sx={{ flex: 1, pr: 12, minWidth: 0 }} spacing={0.5}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Typography variant="body1">{name}</Typography>
                    {round.status === 'paused' ? <Chip size="small" label={t('rounds.status.paused')} /> : null}
                  </Stack>
                  <Typography variant="body2" color="text.secondary">
                    {t('rounds.home.runningLine', { done, total, name: round.startedBy, at: formatDateTime(round.startedAt, i18n.language) })}
                  </Typography>
                  <LinearProgress variant="determinate" value={total === 0 ? 0 : Math.round((done / total) * 100)} aria-label={t('rounds.runner.progress', { done, total })} sx={{ maxWidth: 320 }} />
                </Stack>
              </ListItem>
            );
          })}
        </List>
      )}
    </Section>
  );
}
