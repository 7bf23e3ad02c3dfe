import { describe, expect, it } from 'vitest';
import { comparableConfig, configChanged, diffConfigs } from './config-diff';

const IOS = `Building configuration...

Current configuration : 1204 bytes
!
! Last configuration change at 10:01:02 UTC Mon Mar 18 2024 by admin
!
hostname Switch
!
interface GigabitEthernet1/0/1
 switchport access vlan 10
!
end`;

describe('configuration comparison and diff', () => {
  it('does not count build banners, byte counts and change stamps as a change', () => {
    const later = IOS.replace('1204 bytes', '1210 bytes').replace('10:01:02 UTC Mon Mar 18 2024', '08:00:00 UTC Tue Mar 19 2024');
    expect(configChanged(IOS, later)).toBe(false);
    expect(configChanged(IOS, `${IOS.replace(/\n/g, '\r\n')}   \r\n`)).toBe(false);
    expect(configChanged(IOS, IOS.replace('vlan 10', 'vlan 20'))).toBe(true);
    expect(configChanged(null, IOS)).toBe(false);
    expect(comparableConfig(IOS)).not.toContain('Current configuration');
  });

  it('gives a unified diff with counts, and nothing for identical texts', () => {
    const diff = diffConfigs({ label: 'v1', content: IOS }, { label: 'v2', content: IOS.replace(' switchport access vlan 10', ' switchport access vlan 20\n description uplink') });
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(1);
    expect(diff.unified).toContain('--- v1');
    expect(diff.unified).toContain('+++ v2');
    expect(diff.unified).toContain('- switchport access vlan 10');
    expect(diff.unified).toContain('+ switchport access vlan 20');
    expect(diff.unified).toMatch(/@@ -\d+,\d+ \+\d+,\d+ @@/);
    expect(diffConfigs({ label: 'a', content: IOS }, { label: 'b', content: `${IOS}\n` })).toEqual({ unified: '', added: 0, removed: 0 });
  });
});
