import type { TFunction } from 'i18next';
import type { AuditEntry } from '@shared/domain/audit';

/** Entities the UI has words for; anything newer shows its raw name rather than nothing. */
const KNOWN_ENTITIES = ['client', 'site', 'room', 'rack', 'asset', 'subnet', 'credential', 'checkResult', 'configBackup', 'sshHostKey', 'profile', 'settings', 'backup', 'incident', 'incidentWorkLog', 'incidentEvidence', 'incidentEvent', 'slaPolicy', 'attachment', 'problem', 'problemStep', 'problemIncident', 'change', 'knowledgeArticle', 'emergencyPlan', 'checklistTemplate', 'checklistTemplateVersion', 'roundSchedule', 'round', 'roundEntry', 'roundAmendment', 'conflict'] as const;
type KnownEntity = (typeof KNOWN_ENTITIES)[number];

function isKnownEntity(entity: string): entity is KnownEntity {
  return (KNOWN_ENTITIES as readonly string[]).includes(entity);
}

/**
 * A delete or restore line records no fields, so its record's name comes from
 * another line about the same record: entries arrive newest first, so the
 * first name seen per record is its latest.
 */
export function knownNames(entries: readonly AuditEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    const name = nameInChanges(entry);
    if (name !== null && !names.has(entry.entityId)) names.set(entry.entityId, name);
  }
  return names;
}

/** "Created client “East Hospital”" / "创建了客户“华东医院”". */
export function describeAuditEntry(entry: AuditEntry, names: ReadonlyMap<string, string>, t: TFunction): string {
  const singular = entry.entity.replace(/s$/, '');
  const entity = isKnownEntity(singular) ? t(`audit.entities.${singular}`) : entry.entity;
  const action = t(`audit.actions.${entry.action}`);
  const name = nameInChanges(entry) ?? names.get(entry.entityId) ?? null;
  // Word order and spacing differ between the languages, so the sentence is a template.
  return name ? t('audit.summary', { action, entity, name }) : t('audit.summaryWithoutName', { action, entity });
}

/** The record's name after the change (before it, when the change removed it). */
function nameInChanges(entry: AuditEntry): string | null {
  const change = entry.changes['name'];
  if (!change) return null;
  const [before, after] = change;
  const value = after ?? before;
  return typeof value === 'string' ? value : null;
}
