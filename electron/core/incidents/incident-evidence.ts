import type { EvidenceKind } from '@shared/domain/incidents';
import { AppError } from '@shared/errors';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * What an evidence link points at, as one line (language-neutral: names,
 * addresses, statuses as stored), or `incidents.evidence-not-found` when the
 * target does not exist. A round item is an entry of a round (round_entries,
 * migration 0013).
 */
export function evidenceLabel(db: Db, kind: EvidenceKind, targetId: string): string {
  switch (kind) {
    case 'check-result':
      return checkResultLabel(db, targetId);
    case 'config-backup':
      return configBackupLabel(db, targetId);
    case 'round-item':
      return roundItemLabel(db, targetId);
  }
}

function notFound(kind: EvidenceKind, targetId: string, reason?: string): AppError {
  return new AppError('incidents.evidence-not-found', `No ${kind} with id ${targetId}${reason ? ` (${reason})` : ''}`, { details: { kind, targetId } });
}

function checkResultLabel(db: Db, id: string): string {
  const row = statement(
    db,
    `SELECT r.kind, r.step, r.target, r.status, r.error_code, a.name AS asset_name
     FROM check_results r LEFT JOIN assets a ON a.id = r.asset_id WHERE r.id = ? AND r.deleted_at IS NULL`,
  ).get(id) as { kind: string; step: string; target: string; status: string; error_code: string | null; asset_name: string | null } | undefined;
  if (!row) throw notFound('check-result', id);
  const what = row.step && row.step !== row.kind ? `${row.kind} ${row.step}` : row.kind;
  const outcome = row.error_code ? `${row.status} (${row.error_code})` : row.status;
  return `${row.asset_name ? `${row.asset_name} · ` : ''}${what} ${row.target}: ${outcome}`;
}

function configBackupLabel(db: Db, id: string): string {
  const row = statement(
    db,
    `SELECT b.command, b.sha256, b.changed, a.name AS asset_name FROM config_backups b JOIN assets a ON a.id = b.asset_id WHERE b.id = ? AND b.deleted_at IS NULL`,
  ).get(id) as { command: string; sha256: string; changed: number; asset_name: string } | undefined;
  if (!row) throw notFound('config-backup', id);
  return `${row.asset_name} · ${row.command} @ ${row.sha256.slice(0, 8)}${row.changed ? ' (changed)' : ''}`;
}

/** A round entry: its device, item, reading (as stored: a number, a choice key, pass/fail) and outcome. */
function roundItemLabel(db: Db, id: string): string {
  const row = statement(
    db,
    `SELECT e.item_label, e.outcome, e.value, a.name AS asset_name FROM round_entries e LEFT JOIN assets a ON a.id = e.asset_id WHERE e.id = ? AND e.deleted_at IS NULL`,
  ).get(id) as { item_label: string; outcome: string; value: string; asset_name: string | null } | undefined;
  if (!row) throw notFound('round-item', id);
  const value = JSON.parse(row.value) as { type: string; value?: unknown; passed?: boolean; changed?: boolean };
  const reading = value.value ?? (value.passed !== undefined ? (value.passed ? 'pass' : 'fail') : value.changed !== undefined ? (value.changed ? 'changed' : 'unchanged') : null);
  return `${row.asset_name ? `${row.asset_name} · ` : ''}${row.item_label}: ${reading === null ? '' : `${String(reading)} `}(${row.outcome})`;
}
