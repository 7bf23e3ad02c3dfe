import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckRun } from '@shared/domain/checks';

const call = vi.fn();
const listeners = new Map<string, (payload: unknown) => void>();
// The app-wide client picks a transport from `window`; the store needs `call` and `on`.
vi.mock('../../api', () => ({
  api: {
    call: (...args: unknown[]) => call(...args),
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  },
}));

const { connectCheckRuns, runView, useCheckRuns } = await import('./check-runs.store');

const RUN = '0190a0e0-0000-7000-8000-0000000000aa';
const run = (patch: Partial<CheckRun>): CheckRun => ({
  id: RUN,
  label: '一号机房',
  kinds: ['ping'],
  status: 'running',
  total: 4,
  done: 0,
  failed: 0,
  startedAt: 1,
  finishedAt: null,
  ...patch,
});

describe('check runs store', () => {
  beforeEach(() => {
    call.mockReset();
    useCheckRuns.setState({ runs: {}, recent: null, recentError: null, progress: {}, byAsset: {}, sweepRunId: null, cancelling: {} });
  });

  it('shows a started run at once, under the label it was started with, before checks.runs has it', async () => {
    call.mockImplementation(async (method: string) => (method === 'checks.run' ? { runId: RUN, total: 4 } : []));
    useCheckRuns.setState({ recent: [] });
    await useCheckRuns.getState().start({ location: { kind: 'room', id: RUN } }, ['ping'], 'sweep', '一号机房');
    const state = useCheckRuns.getState();
    expect(state.sweepRunId).toBe(RUN);
    expect(runView(state, RUN)).toMatchObject({ done: 0, total: 4, running: true, run: { label: '一号机房' } });
    expect(call).toHaveBeenCalledWith('checks.run', { scope: { location: { kind: 'room', id: RUN } }, kinds: ['ping'] });
  });

  it('counts from progress events while running, and from the stored run once it ended', async () => {
    call.mockResolvedValue([]);
    connectCheckRuns();
    useCheckRuns.setState({ runs: { [RUN]: run({ done: 1 }) } });
    listeners.get('task.progress')!({ taskId: RUN, label: '一号机房', done: 3, total: 4 });
    expect(runView(useCheckRuns.getState(), RUN)).toMatchObject({ done: 3, total: 4, running: true });
    // Progress never runs past the total, whatever order events come in.
    listeners.get('task.progress')!({ taskId: RUN, label: '一号机房', done: 9, total: 4 });
    expect(runView(useCheckRuns.getState(), RUN)?.done).toBe(4);

    call.mockResolvedValue([run({ status: 'cancelled', done: 2, failed: 1, finishedAt: 5 })]);
    await useCheckRuns.getState().refresh();
    expect(runView(useCheckRuns.getState(), RUN)).toMatchObject({ done: 2, failed: 1, running: false });
  });

  it('keeps the answer of the newest refresh when two overlap', async () => {
    let answerFirst: (runs: CheckRun[]) => void = () => undefined;
    call.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve))).mockResolvedValueOnce([run({ status: 'done', done: 4 })]);
    const first = useCheckRuns.getState().refresh();
    await useCheckRuns.getState().refresh();
    answerFirst([run({ status: 'running' })]);
    await first;
    expect(useCheckRuns.getState().recent?.[0]?.status).toBe('done');
  });
});
