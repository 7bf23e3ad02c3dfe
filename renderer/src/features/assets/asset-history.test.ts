import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/domain/audit';
import { describeChanges } from './asset-history';

// Keys come back as they are, with interpolation values appended, so the test reads what would be translated.
const t = ((key: string) => key) as unknown as TFunction;

function entry(change: Partial<AuditEntry>): AuditEntry {
  return { seq: 1, at: 0, actorName: '张伟', actorRole: 'engineer', entity: 'asset', entityId: 'a', action: 'update', changes: {}, ...change };
}

describe('asset history', () => {
  it('labels fields, translates types and statuses, and names rooms instead of ids', () => {
    const changes = describeChanges(
      entry({ changes: { status: ['in-use', 'faulty'], roomId: [null, 'room-1'], model: ['', 'S5735'] } }),
      t,
      { names: new Map([['room-1', '华东医院 / 主院区 / 一号机房']]) },
    );
    expect(changes).toEqual([
      { field: 'status', label: 'assetForm.fields.status', before: 'assetStatuses.in-use', after: 'assetStatuses.faulty' },
      { field: 'roomId', label: 'assetForm.fields.roomId', before: 'assetHistory.blank', after: '华东医院 / 主院区 / 一号机房' },
      { field: 'model', label: 'assetForm.fields.model', before: 'assetHistory.blank', after: 'S5735' },
    ]);
  });

  it('reads list values stored as JSON text and lists only filled fields of a create', () => {
    const update = describeChanges(entry({ changes: { customFields: ['{}', { 合同号: 'HT-1' }] } }), t, { names: new Map() });
    expect(update[0]).toMatchObject({ before: 'assetHistory.blank', after: '合同号=HT-1' });
    const created = describeChanges(entry({ action: 'create', changes: { name: [null, 'A'], notes: [null, ''], managementIps: [null, []] } }), t, { names: new Map() });
    expect(created).toEqual([{ field: 'name', label: 'assetForm.fields.name', before: null, after: 'A' }]);
  });
});
