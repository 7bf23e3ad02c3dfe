import type { Amendment, ChecklistTemplate, EntryValue, Outcome, Round, RoundAsset, RoundEntry, RoundTarget, Schedule, TemplateContent } from '@shared/domain/rounds';
import type { Frequency } from '@shared/domain/rounds';
import type { AmendmentRow, EntryRow, RoundRow, ScheduleRow, TemplateRow, VersionRow } from './rounds.repo';

/** Rows as the API shows them. */

export function toTemplate(row: TemplateRow, version: VersionRow, content: TemplateContent): ChecklistTemplate {
  return {
    ...content,
    id: row.id,
    builtinKey: row.builtin_key,
    version: version.version,
    versionId: version.id,
    archived: row.archived === 1,
    createdAt: row.created_at,
    // The time this version was made: a template's content changes only by a new version.
    updatedAt: version.created_at,
  };
}

export function toSchedule(row: ScheduleRow): Schedule {
  return {
    id: row.id,
    templateId: row.template_id,
    target: JSON.parse(row.target) as RoundTarget,
    frequency: row.frequency as Frequency,
    startDate: row.start_date,
    assignee: row.assignee,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function roundAssets(row: Pick<RoundRow, 'assets'>): RoundAsset[] {
  return JSON.parse(row.assets) as RoundAsset[];
}

export function toRound(row: RoundRow, counts: Round['counts']): Round {
  const assets = roundAssets(row);
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersionId: row.template_version_id,
    templateName: row.template_name,
    templateVersion: row.template_version,
    scheduleId: row.schedule_id,
    periodStart: row.period_start,
    target: JSON.parse(row.target) as RoundTarget,
    assetIds: assets.map((asset) => asset.id),
    assets,
    roomId: row.room_id,
    status: row.status,
    startedBy: row.started_by,
    startedAt: row.started_at,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    signatureAttachmentId: row.signature_attachment_id,
    summary: row.summary,
    counts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toEntry(row: EntryRow): RoundEntry {
  return {
    id: row.id,
    roundId: row.round_id,
    sectionKey: row.section_key,
    itemKey: row.item_key,
    assetId: row.asset_id,
    value: JSON.parse(row.value) as EntryValue,
    outcome: row.outcome as Outcome,
    filled: row.filled === 1,
    note: row.note,
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
    incidentId: row.incident_id,
  };
}

export function toAmendment(row: AmendmentRow): Amendment {
  return {
    id: row.id,
    roundId: row.round_id,
    entryId: row.entry_id,
    before: JSON.parse(row.before_value) as Amendment['before'],
    after: JSON.parse(row.after_value) as Amendment['after'],
    reason: row.reason,
    by: row.amended_by,
    at: row.at,
  };
}
