import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import SensorsIcon from '@mui/icons-material/Sensors';
import { Alert, Box, Button, Chip, CircularProgress, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { Amendment, RoundEntry } from '@shared/domain/rounds';
import { api, isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { reportError } from '../../../app/errors/report-error';
import { PageHeader } from '../../../app/ui/PageHeader';
import { formatDateTime } from '../../../i18n/format';
import { announce } from '../../assets/confirmations';
import { useRecordsChanged } from '../../checks/use-records-changed';
import { ReportButton } from '../ReportButton';
import { ROUND_ENTITIES } from '../round-entities';
import { targetLabel } from '../round-format';
import { useRooms } from '../use-room-names';
import { AmendDialog } from './AmendDialog';
import { FinishDialog } from './FinishDialog';
import { ItemRow } from './ItemRow';
import { RaiseIncidentDialog } from './RaiseIncidentDialog';
import { dropRun, useRoundRunner } from './round-runner.store';
import { anomalies, buildGroups, entriesByRow, firstOpenRow, flattenGroups, missingRows, neighbourRow, progressOf, type RunnerRow } from './runner-model';

type Dialog = { kind: 'incident' | 'amend'; row: RunnerRow; entry: RoundEntry } | { kind: 'finish' } | null;

/**
 * 巡检: one round walked item by item. Keyboard first: the focused row takes
 * its input (P/F, Space, digits, a typed number), Enter stores it and moves
 * on, Shift+Enter goes back. Each entry is stored the moment it is made.
 */
export function RoundRunnerPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const detail = useRoundRunner((state) => (state.roundId === id ? state.detail : null));
  const loadError = useRoundRunner((state) => (state.roundId === id ? state.loadError : null));
  const saves = useRoundRunner((state) => state.saves);
  const runs = useRoundRunner((state) => state.runs);
  const load = useRoundRunner((state) => state.load);
  const save = useRoundRunner((state) => state.save);
  const applyEntry = useRoundRunner((state) => state.applyEntry);
  const applyRound = useRoundRunner((state) => state.applyRound);
  const startRun = useRoundRunner((state) => state.startRun);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pausing, setPausing] = useState(false);
  const { roomNames } = useRooms();
  const assetNames = useMemo(() => new Map((detail?.round.assets ?? []).map((asset) => [asset.id, asset.name])), [detail]);

  const reload = useCallback(() => void load(id), [load, id]);
  useEffect(reload, [reload]);
  useRecordsChanged(ROUND_ENTITIES, reload);

  // Automatic items: follow their runs, and read the round again when one ends.
  useEffect(
    () =>
      api.on('task.progress', ({ taskId, done, total }) => {
        const state = useRoundRunner.getState();
        state.progress(taskId, done, total);
        if (!state.runs.some((run) => run.runId === taskId)) return;
        if (total !== null && done >= total) {
          dropRun(taskId);
          void state.load(id);
        }
      }),
    [id],
  );

  const groups = useMemo(() => (detail ? buildGroups(detail.template, detail.round.assets) : []), [detail]);
  const rows = useMemo(() => flattenGroups(groups), [groups]);
  const entries = useMemo(() => entriesByRow(detail?.entries ?? []), [detail]);
  const amendmentsByEntry = useMemo(() => {
    const map = new Map<string, Amendment[]>();
    for (const amendment of detail?.amendments ?? []) map.set(amendment.entryId, [...(map.get(amendment.entryId) ?? []), amendment]);
    return map;
  }, [detail]);

  // Where each row takes focus; moving is looking the next one up here.
  const focusTargets = useRef(new Map<string, HTMLElement>());
  const finishRef = useRef<HTMLButtonElement>(null);
  const registerFocus = useCallback((rowId: string, element: HTMLElement | null) => {
    if (element) focusTargets.current.set(rowId, element);
    else focusTargets.current.delete(rowId);
  }, []);
  const focusRow = useCallback((rowId: string) => {
    const element = focusTargets.current.get(rowId);
    if (!element) return;
    element.focus();
    element.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const onMove = useCallback(
    (rowId: string, direction: 1 | -1) => {
      const next = neighbourRow(rows, rowId, direction);
      if (next) focusRow(next.id);
      else if (direction === 1) finishRef.current?.focus();
    },
    [rows, focusRow],
  );

  // A round opens (or resumes) at its first open item.
  const focusedOnce = useRef<string | null>(null);
  useEffect(() => {
    if (!detail || focusedOnce.current === detail.round.id) return;
    focusedOnce.current = detail.round.id;
    const first = firstOpenRow(rows, entries) ?? rows[0];
    if (first && detail.round.status === 'in-progress') requestAnimationFrame(() => focusRow(first.id));
  }, [detail, rows, entries, focusRow]);

  if (loadError && !detail) {
    const gone = isApiClientError(loadError) && (loadError.code === 'api.invalid-input' || loadError.code.endsWith('not-found'));
    return (
      <>
        <BackLink />
        {gone ? <Alert severity="warning">{t('rounds.runner.notFound')}</Alert> : <ErrorAlert title={t('rounds.runner.loadFailed')} error={loadError} action={{ label: t('app.retry'), run: reload }} />}
      </>
    );
  }
  if (!detail) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  const { round, template } = detail;
  const signed = round.status === 'signed';
  const paused = round.status === 'paused';
  const locked = signed || paused;
  const progress = progressOf(rows, entries);
  const missing = missingRows(rows, entries);
  const wrong = anomalies(rows, entries);
  const place = targetLabel(round.target, roomNames, t);
  const autoRows = rows.filter((row) => row.item.spec.type === 'auto' || row.item.spec.type === 'config-drift');
  const runningRows = new Set(runs.flatMap((run) => (run.rowIds === 'all' ? autoRows.map((row) => row.id) : run.rowIds)));
  const assetName = (assetId: string | null) => (assetId ? (assetNames.get(assetId) ?? assetId.slice(0, 8)) : null);
  const rowTitle = (row: RunnerRow) => [row.sectionTitle, assetName(row.assetId), row.item.label].filter(Boolean).join(' › ');

  const runChecks = async (target: RunnerRow[] | 'all') => {
    try {
      const run = await startRun(target);
      if (!run) announce(t('rounds.runner.nothingToRun'), { severity: 'info' });
    } catch (error) {
      reportError(error);
    }
  };

  const setPaused = async (value: boolean) => {
    setPausing(true);
    try {
      applyRound(await api.call('rounds.setPaused', { id: round.id, paused: value }));
      if (!value) {
        const first = firstOpenRow(rows, entries);
        if (first) requestAnimationFrame(() => focusRow(first.id));
      }
    } catch (error) {
      reportError(error);
    } finally {
      setPausing(false);
    }
  };

  const jump = (row: RunnerRow) => {
    setDialog(null);
    requestAnimationFrame(() => focusRow(row.id));
  };

  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
  const subtitle = [t('rounds.runner.version', { version: round.templateVersion }), place, t('rounds.runner.startedBy', { name: round.startedBy, at: formatDateTime(round.startedAt, language) })].join(' · ');

  return (
    <>
      <BackLink />
      <PageHeader
        title={round.templateName}
        subtitle={subtitle}
        actions={
          <>
            {!locked && autoRows.length > 0 ? (
              <Button variant="outlined" startIcon={<SensorsIcon />} onClick={() => void runChecks('all')} disabled={runs.some((run) => run.rowIds === 'all')}>
                {t('rounds.runner.runChecks')}
              </Button>
            ) : null}
            {signed ? null : paused ? (
              <Button variant="outlined" startIcon={<PlayArrowIcon />} disabled={pausing} onClick={() => void setPaused(false)}>
                {t('rounds.runner.resume')}
              </Button>
            ) : (
              <Button variant="outlined" startIcon={<PauseIcon />} disabled={pausing} onClick={() => void setPaused(true)}>
                {t('rounds.runner.pause')}
              </Button>
            )}
            <ReportButton roundId={round.id} />
            {signed ? null : (
              <Button ref={finishRef} variant="contained" startIcon={<FactCheckIcon />} disabled={paused} onClick={() => setDialog({ kind: 'finish' })}>
                {t('rounds.runner.finish')}
              </Button>
            )}
          </>
        }
      />

      <Stack spacing={2}>
        {signed ? (
          <Alert severity="success">
            {t('rounds.runner.signedBanner', { name: round.signedBy ?? '', at: round.signedAt ? formatDateTime(round.signedAt, language) : '' })}
            {round.summary ? ` ${t('rounds.runner.summaryIs', { summary: round.summary })}` : ''}
          </Alert>
        ) : null}
        {paused ? <Alert severity="info">{t('rounds.runner.pausedBanner')}</Alert> : null}

        <Box>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
            <Typography variant="body2" id="round-progress-label">
              {t('rounds.runner.progress', { done: progress.done, total: progress.total })}
            </Typography>
            {progress.warning > 0 ? <Chip size="small" color="warning" label={t('rounds.finish.warning', { count: progress.warning })} /> : null}
            {progress.failed > 0 ? <Chip size="small" color="error" label={t('rounds.finish.failed', { count: progress.failed })} /> : null}
            <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
              {t('rounds.runner.keysHint')}
            </Typography>
          </Stack>
          <LinearProgress variant="determinate" value={percent} aria-labelledby="round-progress-label" />
        </Box>

        {runs.map((run) => (
          <Box key={run.runId} role="status">
            <Typography variant="body2">{t('rounds.runner.checksRunning', { done: run.done, total: run.total })}</Typography>
            <LinearProgress variant={run.total > 0 ? 'determinate' : 'indeterminate'} value={run.total > 0 ? Math.round((run.done / run.total) * 100) : 0} aria-label={t('rounds.runner.checksProgress')} />
          </Box>
        ))}

        {template.sections.map((section) => {
          const sectionGroups = groups.filter((group) => group.sectionKey === section.key);
          if (sectionGroups.length === 0) return null;
          return (
            <Paper key={section.key} variant="outlined" component="section" aria-label={section.title}>
              <Typography variant="h2" sx={{ px: 2, pt: 1.5, pb: 1 }}>
                {section.title}
              </Typography>
              {sectionGroups.map((group) => (
                <Box key={`${group.sectionKey}/${group.assetId ?? ''}`} role={group.assetId ? 'group' : undefined} aria-label={group.assetId ? (assetName(group.assetId) ?? undefined) : undefined}>
                  {group.assetId ? (
                    <Typography variant="subtitle2" sx={{ px: 2, py: 0.75, bgcolor: 'action.selected' }}>
                      {assetName(group.assetId)}
                    </Typography>
                  ) : null}
                  {group.rows.map((row) => {
                    const entry = entries.get(row.id);
                    return (
                      <ItemRow
                        key={row.id}
                        row={row}
                        roundId={round.id}
                        entry={entry}
                        save={saves[row.id]}
                        locked={locked}
                        signed={signed}
                        running={runningRows.has(row.id)}
                        amendments={entry ? (amendmentsByEntry.get(entry.id) ?? []) : []}
                        registerFocus={registerFocus}
                        onMove={onMove}
                        onSave={save}
                        onRun={(target) => void runChecks([target])}
                        onRaiseIncident={(target, targetEntry) => setDialog({ kind: 'incident', row: target, entry: targetEntry })}
                        onAmend={(target, targetEntry) => setDialog({ kind: 'amend', row: target, entry: targetEntry })}
                      />
                    );
                  })}
                </Box>
              ))}
            </Paper>
          );
        })}
        {rows.length === 0 ? <Alert severity="info">{t('rounds.runner.noItems')}</Alert> : null}
      </Stack>

      {dialog?.kind === 'incident' ? (
        <RaiseIncidentDialog
          row={dialog.row}
          entry={dialog.entry}
          context={{ templateName: round.templateName, place, assetName: assetName(dialog.row.assetId) }}
          onRaised={applyEntry}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'amend' ? <AmendDialog row={dialog.row} entry={dialog.entry} onAmended={reload} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'finish' ? (
        <FinishDialog
          round={round}
          progress={progress}
          anomalies={wrong}
          missing={missing}
          rowTitle={rowTitle}
          onJump={jump}
          onSigned={(signedRound) => {
            applyRound(signedRound);
            setDialog(null);
            reload();
            announce(t('rounds.finish.signed'));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Button component={RouterLink} to="/rounds" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
      {t('rounds.backToRounds')}
    </Button>
  );
}
