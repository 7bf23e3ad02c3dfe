import { describe, expect, it } from 'vitest';
import { checksSetup } from './testing/check-fixtures';

describe('check settings', () => {
  it('derives defaults from type, vendor and the first management IP, and says they are defaults', async () => {
    const { checks, asset, room } = await checksSetup();
    const sw = asset({ type: 'switch', name: 'S5720', vendor: 'Huawei', roomId: room.id, managementIps: ['10.1.1.1', '10.1.1.2'] });
    expect(checks.settings.get(sw)).toEqual({
      assetId: sw,
      address: '10.1.1.1',
      sshProfile: 'huawei-vrp',
      snmpProfiles: ['mib2-system', 'mib2-interfaces', 'entity-sensor'],
      tcpPorts: [],
      httpUrls: [],
      legacyAlgorithms: [],
      defaults: { address: true, sshProfile: true, snmpProfiles: true },
    });
    const ups = asset({ type: 'ups', name: 'UPS', roomId: room.id });
    expect(checks.settings.get(ups)).toMatchObject({ address: null, sshProfile: null, snmpProfiles: ['mib2-system', 'ups-mib'] });
  });

  it('keeps what a person set, "none" included, and resets a field with null', async () => {
    const { checks, asset, room, seen } = await checksSetup();
    const server = asset({ type: 'server', name: 'DB-01', vendor: 'Dell', roomId: room.id, managementIps: ['10.2.0.5'] });
    const updated = checks.settings.update(server, { address: ' 10.2.0.6 ', sshProfile: '', snmpProfiles: [], tcpPorts: [22, 22, 3306], httpUrls: ['https://10.2.0.6/'], legacyAlgorithms: ['diffie-hellman-group14-sha1'] });
    expect(updated).toMatchObject({
      address: '10.2.0.6',
      sshProfile: null,
      snmpProfiles: [],
      tcpPorts: [22, 3306],
      httpUrls: ['https://10.2.0.6/'],
      legacyAlgorithms: ['diffie-hellman-group14-sha1'],
      defaults: { address: false, sshProfile: false, snmpProfiles: false },
    });
    expect(seen.some((e) => e.name === 'records.changed')).toBe(true);
    // Left out: unchanged. null: back to the default.
    expect(checks.settings.update(server, { tcpPorts: [443] })).toMatchObject({ address: '10.2.0.6', tcpPorts: [443], sshProfile: null });
    expect(checks.settings.update(server, { address: null, sshProfile: null, snmpProfiles: null, tcpPorts: null })).toMatchObject({
      address: '10.2.0.5',
      sshProfile: 'linux',
      snmpProfiles: ['mib2-system', 'host-resources'],
      tcpPorts: [],
      defaults: { address: true, sshProfile: true, snmpProfiles: true },
    });
  });

  it('refuses unknown profiles, unknown algorithms, bad addresses and unknown assets', async () => {
    const { checks, asset, room } = await checksSetup();
    const sw = asset({ type: 'switch', name: 'S1', roomId: room.id });
    expect(() => checks.settings.update(sw, { sshProfile: 'juniper-junos' })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(() => checks.settings.update(sw, { snmpProfiles: ['mib2-system', 'nope'] })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(() => checks.settings.update(sw, { legacyAlgorithms: ['rot13'] })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(() => checks.settings.update(sw, { address: '-f /etc/passwd' })).toThrow(expect.objectContaining({ code: 'check.no-address' }));
    expect(() => checks.settings.get('0190a000-0000-7000-8000-00000000dead')).toThrow(expect.objectContaining({ code: 'assets.not-found' }));
  });
});
