import type { RoundAsset, RoundStatus } from '@shared/domain/rounds';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

export interface TemplateRow {
  id: string;
  builtin_key: string | null;
  name: string;
  language: string;
  version: number;
  version_id: string;
  archived: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface VersionRow {
  id: string;
  template_id: string;
  version: number;
  content: string;
  created_at: number;
}

export interface ScheduleRow {
  id: string;
  template_id: string;
  target: string;
  frequency: string;
  start_date: string;
  assignee: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface RoundRow {
  id: string;
  template_id: string;
  template_version_id: string;
  schedule_id: string | null;
  period_start: string | null;
  target: string;
  room_id: string | null;
  assets: string;
  status: RoundStatus;
  started_by: string;
  started_at: number;
  signed_by: string | null;
  signed_at: number | null;
  signature_attachment_id: string | null;
  summary: string;
  created_at: number;
  updated_at: number;
  /** From the version snapshot. */
  template_name: string;
  template_version: number;
}

export interface EntryRow {
  id: string;
  round_id: string;
  section_key: string;
  item_key: string;
  asset_id: string | null;
  item_label: string;
  value: string;
  outcome: string;
  filled: number;
  note: string;
  entered_by: string;
  entered_at: number;
  incident_id: string | null;
}

export interface AmendmentRow {
  id: string;
  round_id: string;
  entry_id: string;
  before_value: string;
  after_value: string;
  reason: string;
  amended_by: string;
  at: number;
}

export interface RoundFilter {
  status?: RoundStatus;
  roomId?: string;
  assetId?: string;
}

const ROUND_SELECT = `SELECT r.*, json_extract(v.content, '$.name') AS template_name, v.version AS template_version
  FROM rounds r JOIN checklist_template_versions v ON v.id = r.template_version_id`;

const ENTRY_COLUMNS = 'id, round_id, section_key, item_key, asset_id, item_label, value, outcome, filled, note, entered_by, entered_at, incident_id';

/** Reads of the rounds tables (written only through the write path). */
export class RoundsRepo {
  constructor(private readonly db: Db) {}

  // Templates

  templates(includeArchived: boolean): TemplateRow[] {
    return statement(
      this.db,
      `SELECT * FROM checklist_templates WHERE deleted_at IS NULL ${includeArchived ? '' : 'AND archived = 0'} ORDER BY name COLLATE NOCASE, language, id`,
    ).all() as TemplateRow[];
  }

  template(id: string): TemplateRow | undefined {
    return statement(this.db, 'SELECT * FROM checklist_templates WHERE id = ? AND deleted_at IS NULL').get(id) as TemplateRow | undefined;
  }

  /** Also a deleted one: a round keeps showing the template it was walked with. */
  templateOfRound(id: string): TemplateRow | undefined {
    return statement(this.db, 'SELECT * FROM checklist_templates WHERE id = ?').get(id) as TemplateRow | undefined;
  }

  builtinTemplate(builtinKey: string, language: string): TemplateRow | undefined {
    return statement(this.db, 'SELECT * FROM checklist_templates WHERE builtin_key = ? AND language = ? AND deleted_at IS NULL LIMIT 1').get(builtinKey, language) as
      | TemplateRow
      | undefined;
  }

  version(id: string): VersionRow | undefined {
    return statement(this.db, 'SELECT id, template_id, version, content, created_at FROM checklist_template_versions WHERE id = ? AND deleted_at IS NULL').get(id) as
      | VersionRow
      | undefined;
  }

  /** Highest version number made of a template (on any device whose versions arrived here). */
  lastVersion(templateId: string): number {
    return (statement(this.db, 'SELECT coalesce(max(version), 0) AS v FROM checklist_template_versions WHERE template_id = ?').get(templateId) as { v: number }).v;
  }

  // Schedules

  schedules(): ScheduleRow[] {
    return statement(this.db, 'SELECT * FROM round_schedules WHERE deleted_at IS NULL ORDER BY start_date, id').all() as ScheduleRow[];
  }

  schedule(id: string): ScheduleRow | undefined {
    return statement(this.db, 'SELECT * FROM round_schedules WHERE id = ? AND deleted_at IS NULL').get(id) as ScheduleRow | undefined;
  }

  /** Rounds started from a schedule whose period starts in fromDate…toDate. */
  roundsOfSchedule(scheduleId: string, fromDate: string, toDate: string): { id: string; period_start: string | null; status: RoundStatus }[] {
    return statement(
      this.db,
      'SELECT id, period_start, status FROM rounds WHERE schedule_id = ? AND period_start BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY started_at DESC',
    ).all(scheduleId, fromDate, toDate) as { id: string; period_start: string | null; status: RoundStatus }[];
  }

  // Rounds

  round(id: string): RoundRow | undefined {
    return statement(this.db, `${ROUND_SELECT} WHERE r.id = ? AND r.deleted_at IS NULL`).get(id) as RoundRow | undefined;
  }

  openRoundOfPeriod(scheduleId: string, periodStart: string): RoundRow | undefined {
    return statement(this.db, `${ROUND_SELECT} WHERE r.schedule_id = ? AND r.period_start = ? AND r.status != 'signed' AND r.deleted_at IS NULL ORDER BY r.started_at DESC LIMIT 1`).get(
      scheduleId,
      periodStart,
    ) as RoundRow | undefined;
  }

  rounds(filter: RoundFilter, page: { offset: number; limit: number }): { total: number; rows: RoundRow[] } {
    const clauses = ['r.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (filter.status) {
      clauses.push('r.status = ?');
      params.push(filter.status);
    }
    if (filter.roomId) {
      clauses.push('r.room_id = ?');
      params.push(filter.roomId);
    }
    if (filter.assetId) {
      clauses.push('r.id IN (SELECT round_id FROM round_assets WHERE asset_id = ?)');
      params.push(filter.assetId);
    }
    const where = clauses.join(' AND ');
    const total = (statement(this.db, `SELECT count(*) AS n FROM rounds r WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = statement(this.db, `${ROUND_SELECT} WHERE ${where} ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as RoundRow[];
    return { total, rows };
  }

  /** Filled entries by outcome for each of the rounds (one query for a page of rounds). */
  outcomeCounts(roundIds: readonly string[]): Map<string, Record<string, number>> {
    const rows = statement(
      this.db,
      `SELECT round_id, outcome, count(*) AS n FROM round_entries
       WHERE round_id IN (SELECT value FROM json_each(?)) AND filled = 1 AND deleted_at IS NULL GROUP BY round_id, outcome`,
    ).all(JSON.stringify(roundIds)) as { round_id: string; outcome: string; n: number }[];
    const counts = new Map<string, Record<string, number>>();
    for (const row of rows) counts.set(row.round_id, { ...counts.get(row.round_id), [row.outcome]: row.n });
    return counts;
  }

  // Entries

  entries(roundId: string): EntryRow[] {
    return statement(this.db, `SELECT ${ENTRY_COLUMNS} FROM round_entries WHERE round_id = ? AND deleted_at IS NULL ORDER BY entered_at, id`).all(roundId) as EntryRow[];
  }

  entry(id: string): EntryRow | undefined {
    return statement(this.db, `SELECT ${ENTRY_COLUMNS} FROM round_entries WHERE id = ? AND deleted_at IS NULL`).get(id) as EntryRow | undefined;
  }

  entryAt(roundId: string, sectionKey: string, itemKey: string, assetId: string | null): EntryRow | undefined {
    return statement(
      this.db,
      `SELECT ${ENTRY_COLUMNS} FROM round_entries WHERE round_id = ? AND section_key = ? AND item_key = ? AND coalesce(asset_id, '') = ? AND deleted_at IS NULL`,
    ).get(roundId, sectionKey, itemKey, assetId ?? '') as EntryRow | undefined;
  }

  amendments(roundId: string): AmendmentRow[] {
    return statement(this.db, 'SELECT id, round_id, entry_id, before_value, after_value, reason, amended_by, at FROM round_amendments WHERE round_id = ? AND deleted_at IS NULL ORDER BY at, id').all(
      roundId,
    ) as AmendmentRow[];
  }

  amendment(id: string): AmendmentRow | undefined {
    return statement(this.db, 'SELECT id, round_id, entry_id, before_value, after_value, reason, amended_by, at FROM round_amendments WHERE id = ?').get(id) as AmendmentRow | undefined;
  }

  /** Numeric readings of an item (number and automatic items), oldest first. */
  readings(filter: { itemKey: string; roomId?: string; assetId?: string; since?: number }): { at: number; roundId: string; value: number; outcome: string }[] {
    const clauses = ['e.item_key = ?', 'e.deleted_at IS NULL', 'r.deleted_at IS NULL', "json_type(e.value, '$.value') IN ('integer', 'real')", 'e.entered_at >= ?'];
    const params: unknown[] = [filter.itemKey, filter.since ?? 0];
    if (filter.roomId) {
      clauses.push('r.room_id = ?');
      params.push(filter.roomId);
    }
    if (filter.assetId) {
      clauses.push('e.asset_id = ?');
      params.push(filter.assetId);
    }
    return statement(
      this.db,
      `SELECT e.entered_at AS at, e.round_id AS roundId, json_extract(e.value, '$.value') AS value, e.outcome AS outcome
       FROM round_entries e JOIN rounds r ON r.id = e.round_id WHERE ${clauses.join(' AND ')} ORDER BY e.entered_at, e.id LIMIT 5000`,
    ).all(...params) as { at: number; roundId: string; value: number; outcome: string }[];
  }

  // Other domains, read only

  roomName(roomId: string): string | undefined {
    return (statement(this.db, 'SELECT name FROM rooms WHERE id = ? AND deleted_at IS NULL').get(roomId) as { name: string } | undefined)?.name;
  }

  /** Client, site and room names of a room, for reports. */
  placeOfRoom(roomId: string): { client: string; site: string; room: string } | undefined {
    return statement(
      this.db,
      'SELECT c.name AS client, s.name AS site, r.name AS room FROM rooms r JOIN sites s ON s.id = r.site_id JOIN clients c ON c.id = s.client_id WHERE r.id = ?',
    ).get(roomId) as { client: string; site: string; room: string } | undefined;
  }

  /**
   * The live assets of a room that a round can inspect: hardware in it and
   * software installed on that hardware, not retired, by name.
   */
  roomAssets(roomId: string): RoundAsset[] {
    return statement(
      this.db,
      `SELECT a.id, a.name, a.type FROM assets a LEFT JOIN assets h ON h.id = a.installed_on_id
       WHERE a.deleted_at IS NULL AND a.status != 'retired' AND coalesce(a.room_id, h.room_id) = ? ORDER BY a.name COLLATE NOCASE, a.id`,
    ).all(roomId) as RoundAsset[];
  }

  assetsByIds(ids: readonly string[]): RoundAsset[] {
    return statement(this.db, 'SELECT id, name, type FROM assets WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all(
      JSON.stringify(ids),
    ) as RoundAsset[];
  }

  /** Live attachments among the ids, with their MIME type. */
  attachments(ids: readonly string[]): { id: string; mime_type: string }[] {
    return statement(this.db, 'SELECT id, mime_type FROM attachments WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').all(JSON.stringify(ids)) as {
      id: string;
      mime_type: string;
    }[];
  }

  checkResultExists(id: string): boolean {
    return statement(this.db, 'SELECT 1 FROM check_results WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
  }

  configBackupAsset(id: string): string | undefined {
    return (statement(this.db, 'SELECT asset_id FROM config_backups WHERE id = ? AND deleted_at IS NULL').get(id) as { asset_id: string } | undefined)?.asset_id;
  }

  /** The configuration version recorded for the asset by the config-drift item of its latest signed round other than this one. */
  backupAtLastSignedRound(assetId: string, exceptRoundId: string): string | undefined {
    const row = statement(
      this.db,
      `SELECT json_extract(e.value, '$.configBackupId') AS id FROM round_entries e JOIN rounds r ON r.id = e.round_id
       WHERE e.asset_id = ? AND r.id != ? AND r.status = 'signed' AND r.deleted_at IS NULL AND e.deleted_at IS NULL
         AND json_extract(e.value, '$.type') = 'config-drift' AND json_extract(e.value, '$.configBackupId') IS NOT NULL
       ORDER BY r.signed_at DESC, e.entered_at DESC LIMIT 1`,
    ).get(assetId, exceptRoundId) as { id: string } | undefined;
    return row?.id;
  }

  /** The configuration version fetched just before this one. */
  backupBefore(assetId: string, backupId: string): string | undefined {
    const row = statement(
      this.db,
      `SELECT b.id FROM config_backups b, config_backups x WHERE x.id = ? AND b.asset_id = ? AND b.deleted_at IS NULL
         AND (b.fetched_at < x.fetched_at OR (b.fetched_at = x.fetched_at AND b.id < x.id))
       ORDER BY b.fetched_at DESC, b.id DESC LIMIT 1`,
    ).get(backupId, assetId) as { id: string } | undefined;
    return row?.id;
  }

  /** Number and title of live incidents, for the report. */
  incidents(ids: readonly string[]): { id: string; number: string; title: string; status: string }[] {
    return statement(this.db, 'SELECT id, number, title, status FROM incidents WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY number').all(
      JSON.stringify(ids),
    ) as { id: string; number: string; title: string; status: string }[];
  }

  incidentLive(id: string): boolean {
    return statement(this.db, 'SELECT 1 FROM incidents WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
  }
}
