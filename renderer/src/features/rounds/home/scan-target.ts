import type { AssetType } from '@shared/domain/assets';
import type { ChecklistTemplate, DueRound, Round, RoundTarget, Schedule } from '@shared/domain/rounds';

/** What a scanned asset label leads to. */
export type ScanDecision =
  | { kind: 'open'; roundId: string }
  | { kind: 'start'; schedule: Schedule; periodStart: string }
  | { kind: 'pick'; target: RoundTarget; templateId: string | null };

export interface ScannedAsset {
  id: string;
  type: AssetType;
  roomId: string | null;
}

/**
 * The template to offer for a place: for a room, a room template; for
 * assets, one made for their type. The UI's language first, then any;
 * archived ones never.
 */
export function suggestTemplate(templates: readonly ChecklistTemplate[], target: { kind: 'room' } | { kind: 'assets'; types: readonly AssetType[] }, language: string): ChecklistTemplate | null {
  const live = templates.filter((template) => !template.archived);
  const fits = live.filter((template) =>
    target.kind === 'room' ? template.scope.kind === 'room' : template.scope.kind === 'asset-type' && target.types.some((type) => template.scope.kind === 'asset-type' && template.scope.assetTypes.includes(type)),
  );
  return fits.find((template) => template.language === language) ?? fits[0] ?? null;
}

/**
 * A scanned label opens the round for the asset's room: one already under
 * way there (or covering the asset), else the room's round due today or
 * overdue, else a new round there with a fitting template proposed. An
 * asset not placed in a room gets a round for itself.
 */
export function decideScan(
  asset: ScannedAsset,
  openRounds: readonly Round[],
  due: readonly { due: DueRound; schedule: Schedule }[],
  templates: readonly ChecklistTemplate[],
  language: string,
): ScanDecision {
  const newest = [...openRounds].sort((a, b) => b.startedAt - a.startedAt);
  const running = (asset.roomId ? newest.find((round) => round.roomId === asset.roomId) : undefined) ?? newest.find((round) => round.assetIds.includes(asset.id));
  if (running) return { kind: 'open', roundId: running.id };

  if (asset.roomId) {
    const roomId = asset.roomId;
    const waiting = due
      .filter(({ due: round, schedule }) => (round.state === 'overdue' || round.state === 'today') && schedule.target.kind === 'room' && schedule.target.roomId === roomId)
      .sort((a, b) => a.due.periodStart.localeCompare(b.due.periodStart));
    const first = waiting[0];
    if (first) return { kind: 'start', schedule: first.schedule, periodStart: first.due.periodStart };
    return { kind: 'pick', target: { kind: 'room', roomId }, templateId: suggestTemplate(templates, { kind: 'room' }, language)?.id ?? null };
  }
  return { kind: 'pick', target: { kind: 'assets', assetIds: [asset.id] }, templateId: suggestTemplate(templates, { kind: 'assets', types: [asset.type] }, language)?.id ?? null };
}
