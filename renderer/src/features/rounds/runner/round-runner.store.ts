import { create } from 'zustand';
import type { RoundDetail } from '@shared/api/rounds.contract';
import type { EntryValue, Round, RoundEntry } from '@shared/domain/rounds';
import { api } from '../../../api';
import { rowId, type RunnerRow } from './runner-model';

/** A row's save as the runner shows it: a spinner while it travels, a tick once stored, the error if refused. */
export interface RowSave {
  state: 'saving' | 'saved' | 'failed';
  error: unknown;
}

/** A device-check run started from this round, followed by its task.progress events. */
export interface AutoRun {
  runId: string;
  /** The rows it fills: all automatic ones, or the one asked for. */
  rowIds: string[] | 'all';
  done: number;
  total: number;
}

interface RunnerState {
  roundId: string | null;
  detail: RoundDetail | null;
  loadError: unknown;
  saves: Record<string, RowSave>;
  runs: AutoRun[];
  load(roundId: string): Promise<void>;
  /** Stores one row's value and note at once; saves of the same row go out in order. */
  save(row: RunnerRow, value: EntryValue, note: string): Promise<RoundEntry | null>;
  applyEntry(entry: RoundEntry): void;
  applyRound(round: Round): void;
  startRun(rows: RunnerRow[] | 'all'): Promise<AutoRun | null>;
  progress(taskId: string, done: number, total: number | null): void;
}

/**
 * task.progress of every task lately, by id: a quick run can report its end
 * before rounds.runAutomatic has answered with its id.
 */
const seenProgress = new Map<string, { done: number; total: number | null }>();
const SEEN_LIMIT = 50;

/** The latest save of each row, so a second Enter waits for the first instead of racing it. */
const queues = new Map<string, Promise<unknown>>();
let latestLoad = 0;

function replaceEntry(entries: readonly RoundEntry[], entry: RoundEntry): RoundEntry[] {
  const id = rowId(entry.sectionKey, entry.itemKey, entry.assetId);
  return [...entries.filter((candidate) => candidate.id !== entry.id && rowId(candidate.sectionKey, candidate.itemKey, candidate.assetId) !== id), entry];
}

/**
 * The round being run. One round at a time: opening another replaces it.
 * Every entry is sent the moment it is made (core stores each in its own
 * transaction), so nothing typed waits in the window to be lost.
 */
export const useRoundRunner = create<RunnerState>()((set, get) => ({
  roundId: null,
  detail: null,
  loadError: null,
  saves: {},
  runs: [],

  async load(roundId) {
    const request = ++latestLoad;
    if (get().roundId !== roundId) set({ roundId, detail: null, loadError: null, saves: {}, runs: [] });
    try {
      const detail = await api.call('rounds.get', { id: roundId });
      if (request === latestLoad && get().roundId === roundId) set({ detail, loadError: null });
    } catch (error) {
      if (request === latestLoad && get().roundId === roundId) set({ loadError: error });
    }
  },

  save(row, value, note) {
    const roundId = get().roundId;
    if (!roundId) return Promise.resolve(null);
    const previous = queues.get(row.id) ?? Promise.resolve();
    const next = previous.then(async () => {
      set((state) => ({ saves: { ...state.saves, [row.id]: { state: 'saving', error: null } } }));
      try {
        const entry = await api.call('rounds.saveEntry', { roundId, sectionKey: row.sectionKey, itemKey: row.item.key, assetId: row.assetId, value, note });
        if (get().roundId !== roundId) return null;
        get().applyEntry(entry);
        set((state) => ({ saves: { ...state.saves, [row.id]: { state: 'saved', error: null } } }));
        return entry;
      } catch (error) {
        if (get().roundId === roundId) set((state) => ({ saves: { ...state.saves, [row.id]: { state: 'failed', error } } }));
        return null;
      }
    });
    queues.set(row.id, next);
    return next;
  },

  applyEntry(entry) {
    set((state) => (state.detail && state.detail.round.id === entry.roundId ? { detail: { ...state.detail, entries: replaceEntry(state.detail.entries, entry) } } : {}));
  },

  applyRound(round) {
    set((state) => (state.detail && state.detail.round.id === round.id ? { detail: { ...state.detail, round } } : {}));
  },

  async startRun(rows) {
    const roundId = get().roundId;
    if (!roundId) return null;
    // One item (and its asset) or everything automatic in the round.
    const assetIds = rows === 'all' ? [] : [...new Set(rows.flatMap((row) => (row.assetId ? [row.assetId] : [])))];
    const input = rows === 'all' ? { roundId } : { roundId, itemKeys: [...new Set(rows.map((row) => row.item.key))], ...(assetIds.length > 0 ? { assetIds } : {}) };
    const { runId, total } = await api.call('rounds.runAutomatic', input);
    if (runId === null) return null;
    const seen = seenProgress.get(runId);
    const run: AutoRun = { runId, rowIds: rows === 'all' ? 'all' : rows.map((row) => row.id), done: seen?.done ?? 0, total: seen?.total ?? total };
    if (run.total > 0 && run.done >= run.total) {
      void get().load(roundId);
      return run;
    }
    set((state) => ({ runs: [...state.runs.filter((candidate) => candidate.runId !== runId), run] }));
    return run;
  },

  progress(taskId, done, total) {
    seenProgress.set(taskId, { done, total });
    if (seenProgress.size > SEEN_LIMIT) seenProgress.delete(seenProgress.keys().next().value!);
    set((state) =>
      state.runs.some((run) => run.runId === taskId)
        ? { runs: state.runs.map((run) => (run.runId === taskId ? { ...run, done: Math.max(run.done, done), total: total ?? run.total } : run)) }
        : {},
    );
  },
}));

/** Forgets a finished run (its results are in the entries by now). */
export function dropRun(runId: string): void {
  useRoundRunner.setState((state) => ({ runs: state.runs.filter((run) => run.runId !== runId) }));
}
