import { describe, expect, it } from 'vitest';
import type { CheckSettings } from '@shared/domain/checks';
import { parsePorts, parseUrls, toPatch, valuesFromSettings } from './check-settings-form';

const settings: CheckSettings = {
  assetId: '0190a0e0-0000-7000-8000-000000000001',
  address: '10.20.0.1',
  sshProfile: 'huawei-vrp',
  snmpProfiles: ['mib2-system', 'mib2-interfaces'],
  tcpPorts: [22],
  httpUrls: [],
  legacyAlgorithms: [],
  defaults: { address: true, sshProfile: true, snmpProfiles: true },
};

describe('check settings form', () => {
  it('sends nothing when nothing changed', () => {
    expect(toPatch(valuesFromSettings(settings), settings)).toEqual({ patch: {}, problems: [] });
  });

  it('sends only the fields that changed, in the contract’s types', () => {
    const values = { ...valuesFromSettings(settings), tcpPorts: '22，443 8443, 443', httpUrls: 'https://10.20.0.1/\n\nhttp://10.20.0.1:8080/status', snmpProfiles: ['mib2-system'] };
    expect(toPatch(values, settings)).toEqual({
      patch: { tcpPorts: [22, 443, 8443], httpUrls: ['https://10.20.0.1/', 'http://10.20.0.1:8080/status'], snmpProfiles: ['mib2-system'] },
      problems: [],
    });
  });

  it('sends null for a field reset to its default, and "" or [] for a person’s "none"', () => {
    const own = { ...settings, sshProfile: 'cisco-ios', defaults: { address: false, sshProfile: false, snmpProfiles: false } };
    expect(toPatch({ ...valuesFromSettings(own), reset: ['sshProfile', 'address'] }, own).patch).toEqual({ sshProfile: null, address: null });
    expect(toPatch({ ...valuesFromSettings(settings), sshProfile: '', snmpProfiles: [] }, settings).patch).toEqual({ sshProfile: '', snmpProfiles: [] });
    // Clearing the address box means "the default" too: an empty address is no address.
    expect(toPatch({ ...valuesFromSettings(own), address: '  ' }, own).patch).toEqual({ address: null });
  });

  it('names every port and URL it cannot take, and sends nothing then', () => {
    expect(parsePorts('22, 0, 70000, ssh, 443')).toEqual({ ports: [22, 443], bad: ['0', '70000', 'ssh'] });
    expect(parseUrls('ftp://10.0.0.1/\nhttps://ok.example/\nnot a url')).toEqual({ urls: ['https://ok.example/'], bad: ['ftp://10.0.0.1/', 'not a url'] });
    const { problems } = toPatch({ ...valuesFromSettings(settings), tcpPorts: '22, 99999' }, settings);
    expect(problems).toEqual([{ field: 'tcpPorts', value: '99999' }]);
  });
});
