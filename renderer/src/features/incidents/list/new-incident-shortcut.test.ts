import { describe, expect, it } from 'vitest';
import { isNewIncidentKey, type ShortcutKey } from './new-incident-shortcut';

const element = (tagName: string) => ({ tagName, isContentEditable: false }) as unknown as EventTarget;
const key = (change: Partial<ShortcutKey>): ShortcutKey => ({ key: 'n', ctrlKey: false, metaKey: false, altKey: false, target: element('DIV'), ...change });

describe('the N shortcut', () => {
  it('is N or n alone, outside text fields', () => {
    expect(isNewIncidentKey(key({}))).toBe(true);
    expect(isNewIncidentKey(key({ key: 'N' }))).toBe(true);
    expect(isNewIncidentKey(key({ key: 'm' }))).toBe(false);
  });

  it('leaves Ctrl+N, Alt+N and typing in a field alone', () => {
    expect(isNewIncidentKey(key({ ctrlKey: true }))).toBe(false);
    expect(isNewIncidentKey(key({ metaKey: true }))).toBe(false);
    expect(isNewIncidentKey(key({ altKey: true }))).toBe(false);
    expect(isNewIncidentKey(key({ target: element('INPUT') }))).toBe(false);
    expect(isNewIncidentKey(key({ target: element('TEXTAREA') }))).toBe(false);
  });
});
