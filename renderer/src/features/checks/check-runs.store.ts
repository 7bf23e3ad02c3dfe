import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CheckRun, CheckScope, RunnableCheckKind } from '@shared/domain/checks';
import { api } from '../../api';

/** The latest task.progress of one task. */
export interface TaskProgress {
  done: number;
  total: number | null;
  label: string;
}

/** What a progress bar shows for a run: the larger of what the events and the store said. */
export interface RunView {
  run: CheckRun;
  done: number;
  total: number;
  failed: number;
  running: boolean;
  cancelling: boolean;
}

interface CheckRunsState {
  /** Every run this window knows, by id: from checks.runs, and the ones it started before the list had them. */
  runs: Record<string, CheckRun>;
  /** checks.runs, newest first, as last loaded; null before the first answer. */
  recent: CheckRun[] | null;
  recentError: unknown;
  progress: Record<string, TaskProgress>;
  /** The run last started for an asset (asset page) and for a sweep (Checks page). */
  byAsset: Record<string, string>;
  sweepRunId: string | null;
  cancelling: Record<string, true>;
  /** `label` names the run until core's own label arrives with the next refresh. */
  start(scope: CheckScope, kinds: RunnableCheckKind[], origin: { assetId: string } | 'sweep', label: string): Promise<string>;
  cancel(runId: string): Promise<void>;
  refresh(): Promise<void>;
}

/** Runs the list shows; enough for a shift's worth of sweeps. */
const RECENT_LIMIT = 50;
/** task.progress of tasks that are not check runs (imports, exports) are kept only this long. */
const MAX_PROGRESS_ENTRIES = 100;

let latestRefresh = 0;

export const useCheckRuns = create<CheckRunsState>()((set, get) => ({
  runs: {},
  recent: null,
  recentError: null,
  progress: {},
  byAsset: {},
  sweepRunId: null,
  cancelling: {},

  async start(scope, kinds, origin, label) {
    const { runId, total } = await api.call('checks.run', { scope, kinds });
    set((state) => {
      if (state.runs[runId]) return origin === 'sweep' ? { sweepRunId: runId } : { byAsset: { ...state.byAsset, [origin.assetId]: runId } };
      // Until checks.runs has it, the run is what we asked for.
      const run: CheckRun = { id: runId, label, kinds, status: 'running', total, done: 0, failed: 0, startedAt: Date.now(), finishedAt: null };
      return {
        runs: { ...state.runs, [runId]: run },
        recent: state.recent ? [run, ...state.recent] : state.recent,
        ...(origin === 'sweep' ? { sweepRunId: runId } : { byAsset: { ...state.byAsset, [origin.assetId]: runId } }),
      };
    });
    void get().refresh();
    return runId;
  },

  async cancel(runId) {
    set((state) => ({ cancelling: { ...state.cancelling, [runId]: true } }));
    try {
      await api.call('checks.cancel', { runId });
      await get().refresh();
    } finally {
      set((state) => {
        const { [runId]: _done, ...rest } = state.cancelling;
        return { cancelling: rest };
      });
    }
  },

  async refresh() {
    const request = ++latestRefresh;
    try {
      const recent = await api.call('checks.runs', { limit: RECENT_LIMIT });
      if (request !== latestRefresh) return;
      set((state) => {
        const runs = { ...state.runs };
        for (const run of recent) runs[run.id] = run;
        return { recent, runs, recentError: null };
      });
    } catch (error) {
      if (request === latestRefresh) set({ recentError: error });
    }
  },
}));

/** The numbers a progress bar shows. Events run ahead of the stored run; the stored run knows failures and the end. */
export function runView(state: Pick<CheckRunsState, 'runs' | 'progress' | 'cancelling'>, runId: string | null | undefined): RunView | null {
  if (!runId) return null;
  const run = state.runs[runId];
  if (!run) return null;
  const progress = state.progress[runId];
  const total = progress?.total ?? run.total;
  const running = run.status === 'running';
  return {
    run,
    total,
    done: running ? Math.min(total, Math.max(run.done, progress?.done ?? 0)) : run.done,
    failed: run.failed,
    running,
    cancelling: Boolean(state.cancelling[runId]),
  };
}

/** A run's progress for a component; it re-renders only when a number or the run itself changes. */
export function useRunView(selectRunId: (state: CheckRunsState) => string | null | undefined): RunView | null {
  return useCheckRuns(useShallow((state) => runView(state, selectRunId(state))));
}

let connected = false;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/** At most one checks.runs request per interval, however fast a sweep reports. */
const REFRESH_INTERVAL_MS = 400;

function scheduleRefresh(): void {
  if (refreshTimer !== null) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void useCheckRuns.getState().refresh();
  }, REFRESH_INTERVAL_MS);
}

/** Entities whose change may change a run's counts or status. */
const RUN_ENTITIES = new Set(['*', 'checkRun', 'checkResult']);

export function touchesCheckResults(entities: readonly string[]): boolean {
  return entities.some((entity) => RUN_ENTITIES.has(entity));
}

/**
 * Listens for progress and for stored results, once for the whole window: a
 * run goes on while the engineer moves between pages, and its bar must be
 * right when they come back.
 */
export function connectCheckRuns(): void {
  if (connected) return;
  connected = true;
  api.on('task.progress', ({ taskId, label, done, total }) => {
    useCheckRuns.setState((state) => {
      const progress = { ...state.progress, [taskId]: { done, total, label } };
      const ids = Object.keys(progress);
      if (ids.length > MAX_PROGRESS_ENTRIES) for (const id of ids.slice(0, ids.length - MAX_PROGRESS_ENTRIES)) delete progress[id];
      return { progress };
    });
    const run = useCheckRuns.getState().runs[taskId];
    if (run?.status === 'running') scheduleRefresh();
  });
  api.on('records.changed', ({ entities }) => {
    if (touchesCheckResults(entities)) scheduleRefresh();
  });
  void useCheckRuns.getState().refresh();
}
