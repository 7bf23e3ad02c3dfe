import type { CheckResultSummary } from '@shared/domain/checks';
import type { AutoBinding, EntryValue } from '@shared/domain/rounds';
import { roundSlots, type RoundSlot } from '@shared/rounds/round-slots';
import type { CheckServices } from '../checks/checks.services';
import { configChanged } from '../checks/config-diff';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { roundAssets } from './round-records';
import type { RoundRow } from './rounds.repo';
import type { RoundsService } from './rounds.service';

export type RoundChecks = Pick<CheckServices, 'runner' | 'results' | 'configBackups'>;

/**
 * The automatic items of a round: one check run (checks service, so the
 * queue's limits hold across everything that talks to devices) for the
 * kinds its auto items bind to, on the assets they are asked for; when the
 * run has settled, each item takes its metric from that run's result of the
 * asset (profile as bound, or any profile of the kind when the binding
 * names none) with the result as evidence. A metric the run did not measure
 * is saved as "not measured" (null, the failed result as evidence), unless
 * the engineer had already entered a reading there.
 *
 * Config-drift items fetch the device's running configuration (a new
 * version in config_backups) and compare it with the version recorded at
 * the asset's last signed round, or, before any, with the version fetched
 * before it; build banners and "last changed" stamps do not count
 * (config-diff.ts). When the fetch fails, a version fetched since the round
 * started stands in; without one the item stays for the engineer.
 *
 * `start` answers at once with a task id; progress is task.progress with
 * that id (done reaches total only once the entries are written).
 */
export class RoundAutomatic {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
    private readonly rounds: RoundsService,
    private readonly checks: RoundChecks,
  ) {}

  start(input: { roundId: string; itemKeys?: readonly string[]; assetIds?: readonly string[] }): { runId: string | null; total: number } {
    const actor = this.rounds.requireActor();
    const round = this.rounds.editableRound(input.roundId);
    const live = new Set(this.rounds.repo.assetsByIds(roundAssets(round).map((asset) => asset.id)).map((asset) => asset.id));
    const slots = roundSlots(this.rounds.templates.content(round.template_version_id), roundAssets(round)).filter(
      (slot) =>
        (slot.item.spec.type === 'auto' || slot.item.spec.type === 'config-drift') &&
        slot.assetId !== null &&
        live.has(slot.assetId) &&
        (input.itemKeys === undefined || input.itemKeys.includes(slot.itemKey)) &&
        (input.assetIds === undefined || input.assetIds.includes(slot.assetId)),
    );
    const autoSlots = slots.filter((slot) => slot.item.spec.type === 'auto');
    const driftSlots = slots.filter((slot) => slot.item.spec.type === 'config-drift');
    if (slots.length === 0) return { runId: null, total: 0 };

    const kinds = [...new Set(autoSlots.map((slot) => (slot.item.spec as { binding: AutoBinding }).binding.kind))];
    const check = autoSlots.length > 0 ? this.checks.runner.start({ assetIds: [...new Set(autoSlots.map((slot) => slot.assetId as string))] }, kinds) : null;
    const driftAssets = [...new Set(driftSlots.map((slot) => slot.assetId as string))];

    const taskId = newId();
    const total = (check?.total ?? 0) + driftAssets.length;
    let checksDone = 0;
    let driftsDone = 0;
    let finished = false;
    // Until the entries are written, progress stops one short of the total.
    const progress = () =>
      this.events.emit('task.progress', { taskId, label: round.template_name, done: finished ? total : Math.min(Math.max(0, total - 1), checksDone + driftsDone), total });
    const unsubscribe = check
      ? this.events.on((name, payload) => {
          const p = payload as { taskId?: string; done?: number };
          if (name === 'task.progress' && p.taskId === check.runId && typeof p.done === 'number') {
            checksDone = p.done;
            progress();
          }
        })
      : () => {};

    const work = (async () => {
      try {
        await Promise.all([
          check ? this.checks.runner.settled(check.runId).then(() => this.fillAutomatic(round.id, autoSlots, check.runId, actor.name)) : undefined,
          ...driftAssets.map((assetId) =>
            this.fillDrift(round, assetId, driftSlots.filter((slot) => slot.assetId === assetId), actor.name).finally(() => {
              driftsDone += 1;
              progress();
            }),
          ),
        ]);
      } catch (error) {
        process.stderr.write(`walkdown rounds: automatic items of round ${round.id} not filled: ${(error as Error).message}\n`);
      } finally {
        unsubscribe();
        finished = true;
        try {
          progress();
          this.events.emit('records.changed', { entities: ['roundEntry'] });
        } catch {
          // Core is closing.
        }
        this.running.delete(taskId);
      }
    })();
    this.running.set(taskId, work);
    progress();
    return { runId: taskId, total };
  }

  /** Resolves once the task's entries are written (at once for an unknown task). For tests and shutdown. */
  settled(taskId: string): Promise<void> {
    return this.running.get(taskId) ?? Promise.resolve();
  }

  private fillAutomatic(roundId: string, slots: readonly RoundSlot[], runId: string, enteredBy: string): void {
    const results = this.checks.results.list({ runId, limit: 10_000 });
    this.write(roundId, (round) =>
      slots.flatMap((slot) => {
        const value = automaticValue((slot.item.spec as { binding: AutoBinding }).binding, slot.assetId as string, results);
        return this.slotMutation(round, slot, value, enteredBy, value.value === null);
      }),
    );
  }

  private async fillDrift(round: RoundRow, assetId: string, slots: readonly RoundSlot[], enteredBy: string): Promise<void> {
    const backups = this.checks.configBackups;
    let freshId: string;
    try {
      freshId = (await backups.fetch(assetId)).id;
    } catch (error) {
      const latest = backups.list(assetId)[0];
      if (!latest || latest.fetchedAt < round.started_at) {
        process.stderr.write(`walkdown rounds: configuration of asset ${assetId} not fetched: ${(error as Error).message}\n`);
        return;
      }
      freshId = latest.id;
    }
    const repo = this.rounds.repo;
    const previousId = repo.backupAtLastSignedRound(assetId, round.id) ?? repo.backupBefore(assetId, freshId) ?? null;
    const changed = previousId !== null && previousId !== freshId && configChanged(backups.get(previousId).content, backups.get(freshId).content);
    const value: EntryValue = { type: 'config-drift', changed, configBackupId: freshId, previousBackupId: previousId };
    this.write(round.id, (current) => slots.flatMap((slot) => this.slotMutation(current, slot, value, enteredBy, false)));
  }

  /** One write-path transaction for the entries of a finished step; nothing when the round was signed meanwhile. */
  private write(roundId: string, mutations: (round: RoundRow) => Mutation[]): void {
    this.store.writePath.write(() => {
      const round = this.rounds.liveRound(roundId);
      return round.status === 'signed' ? [] : mutations(round);
    });
  }

  private slotMutation(round: RoundRow, slot: RoundSlot, value: EntryValue, enteredBy: string, keepFilled: boolean): Mutation[] {
    const existing = this.rounds.repo.entryAt(round.id, slot.sectionKey, slot.itemKey, slot.assetId);
    if (keepFilled && existing?.filled === 1) return [];
    const input = { roundId: round.id, sectionKey: slot.sectionKey, itemKey: slot.itemKey, assetId: slot.assetId, value, note: existing?.note ?? '' };
    return [this.rounds.entryMutation(round, slot.item, input, enteredBy).mutation];
  }
}

/**
 * The reading of a binding in a run's results for one asset: the first
 * result of the kind (and profile, when bound to one) that measured the
 * metric; else not measured, with the result that says why as evidence.
 */
export function automaticValue(binding: AutoBinding, assetId: string, results: readonly CheckResultSummary[]): Extract<EntryValue, { type: 'auto' }> {
  const candidates = results.filter((r) => r.assetId === assetId && r.kind === binding.kind && (binding.profileId === null || r.profileId === binding.profileId));
  const measured = candidates.find((r) => Object.prototype.hasOwnProperty.call(r.metrics, binding.metric));
  if (measured) return { type: 'auto', value: measured.metrics[binding.metric] as number | string, checkResultId: measured.id };
  const why = candidates.find((r) => r.errorCode !== null) ?? candidates[0];
  return { type: 'auto', value: null, checkResultId: why?.id ?? null };
}
