import { describe, expect, it } from 'vitest';
import { ChecklistTemplate, type RoundEntry } from '@shared/domain/rounds';
import {
  anomalies,
  buildGroups,
  entriesByRow,
  fieldKeyAction,
  firstOpenRow,
  flattenGroups,
  missingRows,
  neighbourRow,
  progressOf,
  rowId,
  rowKeyAction,
  type KeyPress,
} from './runner-model';

const ID = '0190a0b0-0000-7000-8000-000000000001';
const A1 = '0190a0b0-0000-7000-8000-0000000000a1';
const A2 = '0190a0b0-0000-7000-8000-0000000000a2';

const template = ChecklistTemplate.parse({
  id: ID,
  versionId: ID,
  builtinKey: null,
  version: 1,
  archived: false,
  createdAt: 0,
  updatedAt: 0,
  name: 'Machine room',
  language: 'en',
  scope: { kind: 'room' },
  sections: [
    {
      key: 'environment',
      title: 'Environment',
      items: [
        { key: 'temperature', label: 'Temperature', spec: { type: 'number', unit: '°C', thresholds: { warnBelow: 18, warnAbove: 27, failBelow: 15, failAbove: 30 } } },
        { key: 'cleanliness', label: 'Clean', required: false, spec: { type: 'pass-fail' } },
      ],
    },
    {
      key: 'devices',
      title: 'Devices',
      items: [
        { key: 'fans', label: 'Fans', perAsset: true, spec: { type: 'pass-fail' } },
        { key: 'ports', label: 'Ports', perAsset: true, assetTypes: ['switch'], spec: { type: 'pass-fail' } },
        { key: 'photo', label: 'Front', perAsset: true, spec: { type: 'photo', minPhotos: 2 } },
        { key: 'door', label: 'Door', spec: { type: 'choice', options: [{ value: 'closed', label: 'Closed', outcome: 'ok' }, { value: 'open', label: 'Open', outcome: 'failed' }] } },
        { key: 'sign', label: 'Signature', spec: { type: 'signature' } },
      ],
    },
  ],
});

let at = 0;
function entry(sectionKey: string, itemKey: string, assetId: string | null, value: RoundEntry['value'], outcome: RoundEntry['outcome'], note = ''): RoundEntry {
  at += 1;
  return { id: `${ID.slice(0, -2)}${String(at).padStart(2, '0')}`, roundId: ID, sectionKey, itemKey, assetId, value, outcome, filled: true, note, enteredBy: 'Li', enteredAt: at, incidentId: null };
}

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...extra });

describe('buildGroups', () => {
  it('puts the place first in each section, then the per-asset items once per asset of the types they name', () => {
    const groups = buildGroups(template, [{ id: A1, type: 'server' }, { id: A2, type: 'switch' }]);
    expect(groups.map((group) => [group.sectionKey, group.assetId, group.rows.map((row) => row.item.key)])).toEqual([
      ['environment', null, ['temperature', 'cleanliness']],
      ['devices', null, ['door', 'sign']],
      ['devices', A1, ['fans', 'photo']],
      ['devices', A2, ['fans', 'ports', 'photo']],
    ]);
    expect(new Set(flattenGroups(groups).map((row) => row.id)).size).toBe(9);
  });

  it('asks nothing per asset when the round covers no assets', () => {
    expect(flattenGroups(buildGroups(template, [])).map((row) => row.item.key)).toEqual(['temperature', 'cleanliness', 'door', 'sign']);
  });
});

describe('progress, missing items and anomalies', () => {
  const rows = flattenGroups(buildGroups(template, [{ id: A1, type: 'server' }]));

  it('counts answers by outcome and lists what blocks the sign-off, in walking order', () => {
    const entries = entriesByRow([
      entry('environment', 'temperature', null, { type: 'number', value: 31 }, 'failed', 'Aircon 2 down'),
      entry('devices', 'fans', A1, { type: 'pass-fail', passed: false }, 'failed'),
      entry('devices', 'photo', A1, { type: 'photo', attachmentIds: [ID] }, 'ok'),
      entry('devices', 'door', null, { type: 'choice', value: 'closed' }, 'ok'),
    ]);
    expect(progressOf(rows, entries)).toEqual({ done: 3, total: 6, ok: 1, warning: 0, failed: 2 });
    // The photo item needs two photos; the optional cleanliness item never blocks.
    expect(missingRows(rows, entries).map(({ row, reason }) => [row.item.key, reason])).toEqual([
      ['sign', 'empty'],
      ['fans', 'note'],
      ['photo', 'empty'],
    ]);
    expect(anomalies(rows, entries).map(({ row }) => row.item.key)).toEqual(['temperature', 'fans']);
    expect(firstOpenRow(rows, entries)?.item.key).toBe('cleanliness');
  });

  it('takes the later of two entries for the same row', () => {
    const entries = entriesByRow([
      entry('environment', 'temperature', null, { type: 'number', value: 31 }, 'failed'),
      entry('environment', 'temperature', null, { type: 'number', value: 22 }, 'ok'),
    ]);
    expect(entries.get(rowId('environment', 'temperature', null))?.outcome).toBe('ok');
  });
});

describe('neighbourRow', () => {
  const rows = flattenGroups(buildGroups(template, []));
  it('moves forward and back and stops at the ends', () => {
    expect(neighbourRow(rows, rows[0]!.id, 1)?.id).toBe(rows[1]!.id);
    expect(neighbourRow(rows, rows[1]!.id, -1)?.id).toBe(rows[0]!.id);
    expect(neighbourRow(rows, rows[0]!.id, -1)).toBeNull();
    expect(neighbourRow(rows, rows[rows.length - 1]!.id, 1)).toBeNull();
  });
});

describe('rowKeyAction', () => {
  it('takes P, F and Space on a pass-fail row, in either case', () => {
    expect(rowKeyAction('pass-fail', press('p'))).toEqual({ kind: 'pass' });
    expect(rowKeyAction('pass-fail', press('F', { shiftKey: true }))).toEqual({ kind: 'fail' });
    expect(rowKeyAction('pass-fail', press(' '))).toEqual({ kind: 'toggle' });
    expect(rowKeyAction('number', press('p'))).toBeNull();
  });

  it('moves with Enter, Shift+Enter and the arrows, and leaves Ctrl and Alt keys alone', () => {
    expect(rowKeyAction('choice', press('Enter'))).toEqual({ kind: 'next' });
    expect(rowKeyAction('photo', press('Enter', { shiftKey: true }))).toEqual({ kind: 'previous' });
    expect(rowKeyAction('text', press('ArrowUp'))).toEqual({ kind: 'previous' });
    expect(rowKeyAction('pass-fail', press('p', { ctrlKey: true }))).toBeNull();
    expect(rowKeyAction('pass-fail', press('Enter', { altKey: true }))).toBeNull();
  });

  it('picks a choice option by its number', () => {
    expect(rowKeyAction('choice', press('2'))).toEqual({ kind: 'choose', index: 1 });
    expect(rowKeyAction('choice', press('0'))).toBeNull();
  });
});

describe('fieldKeyAction', () => {
  it('saves a single-line field with Enter and goes back with Shift+Enter', () => {
    expect(fieldKeyAction(press('Enter'), false)).toBe('save-next');
    expect(fieldKeyAction(press('Enter', { shiftKey: true }), false)).toBe('save-previous');
    expect(fieldKeyAction(press('a'), false)).toBeNull();
  });

  it('keeps Enter for new lines in a multi-line field and saves with Ctrl+Enter', () => {
    expect(fieldKeyAction(press('Enter'), true)).toBeNull();
    expect(fieldKeyAction(press('Enter', { ctrlKey: true }), true)).toBe('save-next');
  });
});
