import AddTaskIcon from '@mui/icons-material/AddTask';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HistoryIcon from '@mui/icons-material/History';
import ListAltIcon from '@mui/icons-material/ListAlt';
import { Box, Button, CircularProgress, Grid, Paper, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { DueRound, Round, Schedule } from '@shared/domain/rounds';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { reportError } from '../../app/errors/report-error';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { announce } from '../assets/confirmations';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { AgendaSection, RunningSection } from './home/AgendaLists';
import { StartRoundDialog } from './home/StartRoundDialog';
import { ROUND_ENTITIES } from './round-entities';

/** Upcoming rounds listed before "Show all": the next few days of a daily schedule. */
const UPCOMING_SHOWN = 5;

interface Home {
  agenda: { rounds: DueRound[]; counts: { overdue: number; today: number; upcoming: number; inProgress: number } };
  schedules: Schedule[];
  running: Round[];
}

async function loadHome(): Promise<Home> {
  const [agenda, schedules, inProgress, paused] = await Promise.all([
    api.call('rounds.agenda', {}),
    api.call('schedules.list', {}),
    api.call('rounds.list', { status: 'in-progress', limit: 200 }),
    api.call('rounds.list', { status: 'paused', limit: 200 }),
  ]);
  const running = [...inProgress.rows, ...paused.rows].sort((a, b) => b.startedAt - a.startedAt);
  return { agenda, schedules, running };
}

/**
 * 巡检 home: the engineer's day — overdue, today's and upcoming rounds from
 * the schedules, the rounds under way, and Start a round (by template and
 * place, or by scanning an asset label).
 */
export function RoundsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const home = useApiResource('home', loadHome);
  const templates = useApiResource('templates', () => api.call('templates.list', {}));
  const reload = () => {
    home.reload();
    templates.reload();
  };
  useRecordsChanged(ROUND_ENTITIES, reload);

  const schedulesById = useMemo(() => new Map((home.data?.schedules ?? []).map((schedule) => [schedule.id, schedule])), [home.data]);
  const due = useMemo(
    () => (home.data?.agenda.rounds ?? []).flatMap((round) => {
      const schedule = schedulesById.get(round.scheduleId);
      return schedule ? [{ due: round, schedule }] : [];
    }),
    [home.data, schedulesById],
  );

  const open = (roundId: string) => void navigate(`/rounds/${roundId}`);

  const startDue = async (round: DueRound) => {
    if (round.roundId) return open(round.roundId);
    const schedule = schedulesById.get(round.scheduleId);
    if (!schedule) return;
    setBusy(`${round.scheduleId}/${round.periodStart}`);
    try {
      const detail = await api.call('rounds.start', { templateId: schedule.templateId, target: schedule.target, scheduleId: schedule.id, periodStart: round.periodStart });
      open(detail.round.id);
    } catch (error) {
      reportError(error);
      setBusy(null);
    }
  };

  const installDefaults = async () => {
    setBusy('defaults');
    try {
      const { installed } = await api.call('templates.installDefaults', {});
      announce(t('rounds.templates.installed', { count: installed }));
      reload();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const headerActions = (
    <>
      <Button component={RouterLink} to="/rounds/templates" startIcon={<ListAltIcon />}>
        {t('rounds.nav.templates')}
      </Button>
      <Button component={RouterLink} to="/rounds/schedules" startIcon={<EventRepeatIcon />}>
        {t('rounds.nav.schedules')}
      </Button>
      <Button component={RouterLink} to="/rounds/history" startIcon={<HistoryIcon />}>
        {t('rounds.nav.history')}
      </Button>
      <Button variant="contained" startIcon={<AddTaskIcon />} onClick={() => setStarting(true)} disabled={!templates.data || templates.data.length === 0}>
        {t('rounds.start.button')}
      </Button>
    </>
  );

  const error = home.error ?? templates.error;
  if (error && (!home.data || !templates.data)) {
    return (
      <>
        <PageHeader title={t('rounds.title')} actions={headerActions} />
        <ErrorAlert title={t('rounds.home.loadFailed')} error={error} action={{ label: t('app.retry'), run: reload }} />
      </>
    );
  }
  if (!home.data || !templates.data) {
    return (
      <>
        <PageHeader title={t('rounds.title')} actions={headerActions} />
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
          <CircularProgress aria-label={t('app.loading')} />
        </Box>
      </>
    );
  }

  const { agenda, running } = home.data;
  if (templates.data.filter((template) => !template.archived).length === 0 && running.length === 0) {
    return (
      <>
        <PageHeader title={t('rounds.title')} actions={headerActions} />
        <EmptyState
          icon={<FactCheckIcon />}
          title={t('rounds.home.noTemplatesTitle')}
          body={t('rounds.home.noTemplatesBody')}
          action={
            <Stack direction="row" spacing={1}>
              <Button variant="contained" onClick={() => void installDefaults()} disabled={busy === 'defaults'}>
                {t('rounds.templates.installDefaults')}
              </Button>
              <Button component={RouterLink} to="/rounds/templates/new">
                {t('rounds.templates.new')}
              </Button>
            </Stack>
          }
        />
      </>
    );
  }

  const byState = (state: DueRound['state']) => agenda.rounds.filter((round) => round.state === state);
  const tiles: [string, number, 'error' | 'primary' | 'info' | 'text'][] = [
    [t('rounds.home.overdue'), agenda.counts.overdue, 'error'],
    [t('rounds.home.today'), agenda.counts.today, 'primary'],
    [t('rounds.home.inProgress'), Math.max(agenda.counts.inProgress, running.length), 'info'],
    [t('rounds.home.upcoming'), agenda.counts.upcoming, 'text'],
  ];
  const nothingScheduled = agenda.rounds.length === 0 && running.length === 0;

  return (
    <>
      <PageHeader title={t('rounds.title')} subtitle={t('rounds.home.subtitle')} actions={headerActions} />
      <Stack spacing={3}>
        <Grid container spacing={2} component="ul" aria-label={t('rounds.home.countsLabel')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {tiles.map(([label, count, color]) => (
            <Grid key={label} size={{ xs: 6, md: 3 }} component="li">
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="h1" component="p" color={color === 'text' ? 'text.primary' : `${color}.main`} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {count}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {label}
                </Typography>
              </Paper>
            </Grid>
          ))}
        </Grid>

        {nothingScheduled ? (
          <EmptyState
            icon={<EventRepeatIcon />}
            title={t('rounds.home.nothingScheduledTitle')}
            body={t('rounds.home.nothingScheduledBody')}
            action={
              <Button component={RouterLink} to="/rounds/schedules">
                {t('rounds.schedules.new')}
              </Button>
            }
          />
        ) : null}

        <AgendaSection title={t('rounds.home.overdue')} rounds={byState('overdue')} busy={busy} onStart={(round) => void startDue(round)} language={i18n.language} tone="error" />
        <AgendaSection title={t('rounds.home.today')} rounds={byState('today')} busy={busy} onStart={(round) => void startDue(round)} language={i18n.language} />
        <RunningSection title={t('rounds.home.inProgress')} rounds={running} onOpen={open} />
        <AgendaSection title={t('rounds.home.upcoming')} rounds={byState('upcoming')} busy={busy} onStart={(round) => void startDue(round)} language={i18n.language} tone="later" limit={UPCOMING_SHOWN} />
      </Stack>

      {starting ? <StartRoundDialog templates={templates.data} openRounds={running} due={due} onOpen={open} onClose={() => setStarting(false)} /> : null}
    </>
  );
}
