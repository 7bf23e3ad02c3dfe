import type { TFunction } from 'i18next';
import { ASSET_STATUSES, ASSET_TYPES, AssetFieldsObject, type AssetStatus, type AssetType } from '@shared/domain/assets';
import type { AuditEntry } from '@shared/domain/audit';

export type AssetFieldName = keyof typeof AssetFieldsObject.shape;

export function isAssetField(name: string): name is AssetFieldName {
  return name in AssetFieldsObject.shape;
}

/** One changed field as the history shows it: a translated label and values as text. */
export interface DescribedChange {
  field: string;
  label: string;
  before: string | null;
  after: string;
}

interface Lookups {
  /** Room and rack names by id (from the location tree), and host names by id, when known. */
  names: ReadonlyMap<string, string>;
}

/**
 * The changes of one audit line in the user's language. Ids of rooms, racks
 * and hosts show as names when they are known; empty values show as
 * "(empty)". A create lists only the fields that were filled in.
 */
export function describeChanges(entry: AuditEntry, t: TFunction, lookups: Lookups): DescribedChange[] {
  const changes: DescribedChange[] = [];
  for (const [field, [before, after]] of Object.entries(entry.changes)) {
    if (entry.action === 'create' && isBlank(decodeStored(field, after))) continue;
    const label: string = isAssetField(field) ? String(t(`assetForm.fields.${field}`)) : field;
    changes.push({
      field,
      label,
      before: entry.action === 'create' ? null : formatValue(field, before, t, lookups),
      after: formatValue(field, after, t, lookups),
    });
  }
  return changes;
}

/** Older values of list fields can arrive as the stored JSON text ('{}', '["10.0.0.1"]'); show them like the new ones. */
function decodeStored(field: string, value: unknown): unknown {
  if ((field === 'managementIps' || field === 'customFields') && typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export function formatValue(field: string, raw: unknown, t: TFunction, lookups: Lookups): string {
  const value = decodeStored(field, raw);
  if (isBlank(value)) return t('assetHistory.blank');
  if (field === 'type' && (ASSET_TYPES as readonly string[]).includes(value as string)) return t(`assetTypes.${value as AssetType}`);
  if (field === 'status' && (ASSET_STATUSES as readonly string[]).includes(value as string)) return t(`assetStatuses.${value as AssetStatus}`);
  if ((field === 'roomId' || field === 'rackId' || field === 'installedOnId') && typeof value === 'string') return lookups.names.get(value) ?? value;
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}=${String(item)}`)
      .join(', ');
  }
  return String(value);
}
