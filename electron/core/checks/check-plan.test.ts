import { describe, expect, it } from 'vitest';
import type { CheckSettings } from '@shared/domain/checks';
import { planChecks, splitPings, type PlanInput } from './check-plan';
import { loadProfiles } from './profiles/profile-loader';
import { RESOURCES_DIR } from './testing/check-fixtures';

const profiles = loadProfiles(RESOURCES_DIR);
const asset = { id: '0190a000-0000-7000-8000-000000000001', name: '核心交换机' };

function settings(fields: Partial<CheckSettings> = {}): CheckSettings {
  return {
    assetId: asset.id,
    address: '10.1.1.1',
    sshProfile: 'huawei-vrp',
    snmpProfiles: ['mib2-system', 'mib2-interfaces'],
    tcpPorts: [],
    httpUrls: [],
    legacyAlgorithms: [],
    defaults: { address: true, sshProfile: true, snmpProfiles: true },
    ...fields,
  };
}

function plan(overrides: Partial<PlanInput> = {}) {
  return planChecks({
    asset,
    settings: settings(),
    kinds: ['ping', 'tcp', 'http', 'snmp', 'ssh'],
    credentials: [
      { id: 'c-snmp', kind: 'snmp-community' },
      { id: 'c-ssh', kind: 'ssh-password' },
    ],
    profiles,
    ...overrides,
  });
}

describe('planChecks', () => {
  it('plans one job per probe, one SNMP job for all profiles and one SSH session for the whole profile', () => {
    const jobs = plan({ settings: settings({ tcpPorts: [22, 443], httpUrls: ['https://10.1.1.1/'] }) });
    expect(jobs.map((j) => [j.kind, j.work.type, j.steps.length])).toEqual([
      ['ping', 'ping', 1],
      ['tcp', 'tcp', 1],
      ['tcp', 'tcp', 1],
      ['http', 'http', 1],
      ['snmp', 'snmp', 2],
      ['ssh', 'ssh', 9],
    ]);
    expect(jobs[1]?.steps[0]).toEqual({ profileId: 'tcp', step: '22', target: '10.1.1.1:22' });
    expect(jobs[4]?.steps.map((s) => `${s.profileId}/${s.step}`)).toEqual(['mib2-system/system', 'mib2-interfaces/interfaces']);
    expect(jobs[5]?.work).toMatchObject({ type: 'ssh', credentialId: 'c-ssh', profile: { id: 'huawei-vrp', mode: 'shell' } });
    expect(new Set(jobs.map((j) => j.host))).toEqual(new Set(['10.1.1.1']));
  });

  it('runs only the kinds asked for', () => {
    expect(plan({ kinds: ['ssh'] }).map((j) => j.kind)).toEqual(['ssh']);
    expect(plan({ kinds: ['ping', 'snmp'] }).map((j) => j.kind)).toEqual(['ping', 'snmp']);
  });

  it('plans an asset without an address as check.no-address, except HTTP, which has its own host', () => {
    const jobs = plan({ settings: settings({ address: null, tcpPorts: [22], httpUrls: ['http://ups.example/'] }) });
    const unavailable = jobs.filter((j) => j.work.type === 'unavailable');
    expect(unavailable.map((j) => j.kind)).toEqual(['ping', 'tcp', 'snmp', 'ssh']);
    expect(unavailable.every((j) => j.work.type === 'unavailable' && j.work.code === 'check.no-address')).toBe(true);
    expect(jobs.find((j) => j.kind === 'http')).toMatchObject({ host: 'ups.example', work: { type: 'http' } });
    // One result per step, even so: the SSH profile's nine steps each say why.
    expect(unavailable.find((j) => j.kind === 'ssh')?.steps).toHaveLength(9);
  });

  it('plans SNMP and SSH without a matching credential as check.no-credential', () => {
    const jobs = plan({ credentials: [{ id: 'c-ssh', kind: 'ssh-key' }] });
    expect(jobs.find((j) => j.kind === 'snmp')?.work).toMatchObject({ type: 'unavailable', code: 'check.no-credential' });
    expect(jobs.find((j) => j.kind === 'ssh')?.work).toMatchObject({ type: 'ssh', credentialId: 'c-ssh' });
    expect(plan({ credentials: [] }).filter((j) => j.work.type === 'unavailable').map((j) => j.kind)).toEqual(['snmp', 'ssh']);
  });

  it('uses the first matching credential in list order, and skips what the settings leave out', () => {
    const jobs = plan({
      credentials: [
        { id: 'v3', kind: 'snmp-v3' },
        { id: 'v2', kind: 'snmp-community' },
        { id: 'key', kind: 'ssh-key' },
      ],
    });
    expect(jobs.find((j) => j.kind === 'snmp')?.work).toMatchObject({ credentialId: 'v3' });
    expect(plan({ settings: settings({ sshProfile: null, snmpProfiles: [] }) }).map((j) => j.kind)).toEqual(['ping']);
    // A profile id this version does not ship is left out rather than failing the whole run.
    expect(plan({ settings: settings({ snmpProfiles: ['gone-profile'] }) }).map((j) => j.kind)).toEqual(['ping', 'ssh']);
  });

  it('writes IPv6 targets with brackets', () => {
    expect(plan({ settings: settings({ address: 'fd00::1', tcpPorts: [22] }), kinds: ['tcp'] })[0]?.steps[0]?.target).toBe('[fd00::1]:22');
  });

  it('puts the pings of a run together for one sweep; pings without an address stay apart', () => {
    const other = { id: '0190a000-0000-7000-8000-000000000002', name: 'no-ip' };
    const jobs = [...plan({ kinds: ['ping', 'ssh'] }), ...planChecks({ asset: other, settings: settings({ address: null }), kinds: ['ping'], credentials: [], profiles })];
    const { pings, rest } = splitPings(jobs);
    expect(pings.map((j) => [j.asset.id, j.work.address, j.steps])).toEqual([[asset.id, '10.1.1.1', [{ profileId: 'ping', step: 'ping', target: '10.1.1.1' }]]]);
    expect(rest.map((j) => [j.kind, j.work.type])).toEqual([
      ['ssh', 'ssh'],
      ['ping', 'unavailable'],
    ]);
  });
});
