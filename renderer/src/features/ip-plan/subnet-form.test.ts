import { describe, expect, it } from 'vitest';
import { checkSubnetDraft, subnetPatch } from './subnet-form';

const draft = (fields: Partial<Record<'cidr' | 'vlan' | 'gateway' | 'purpose', string>>) => ({ cidr: '', vlan: '', gateway: '', purpose: '', ...fields });

describe('checkSubnetDraft', () => {
  it('accepts a subnet with optional fields left empty', () => {
    expect(checkSubnetDraft(draft({ cidr: ' 10.1.20.0/24 ' }))).toEqual({
      values: { cidr: '10.1.20.0/24', vlan: null, gateway: null, purpose: '' },
      problems: {},
    });
  });

  it('accepts IPv6 and a full set of fields', () => {
    expect(checkSubnetDraft(draft({ cidr: '2001:db8::/64', vlan: '120', gateway: '2001:db8::1', purpose: ' 服务器区 ' })).values).toEqual({
      cidr: '2001:db8::/64',
      vlan: 120,
      gateway: '2001:db8::1',
      purpose: '服务器区',
    });
  });

  it('names each field that is wrong', () => {
    expect(checkSubnetDraft(draft({ cidr: '10.1.20.0', vlan: '5000', gateway: '10.1.20.300', purpose: 'x'.repeat(201) })).problems).toEqual({
      cidr: 'cidrInvalid',
      vlan: 'vlanInvalid',
      gateway: 'gatewayInvalid',
      purpose: 'purposeTooLong',
    });
    expect(checkSubnetDraft(draft({ cidr: '', vlan: '1.5' })).problems).toEqual({ cidr: 'cidrRequired', vlan: 'vlanInvalid' });
    expect(checkSubnetDraft(draft({ cidr: '10.0.0.0/24', vlan: '0' })).problems).toEqual({ vlan: 'vlanInvalid' });
  });
});

describe('subnetPatch', () => {
  const before = { cidr: '10.0.0.0/24', vlan: 10, gateway: '10.0.0.1', purpose: 'Servers' };

  it('sends only changed fields', () => {
    expect(subnetPatch(before, { ...before, purpose: 'Storage' })).toEqual({ purpose: 'Storage' });
    expect(subnetPatch(before, before)).toEqual({});
  });

  it('sends null to clear the VLAN or the gateway', () => {
    expect(subnetPatch(before, { ...before, vlan: null, gateway: null })).toEqual({ vlan: null, gateway: null });
  });
});

describe('address counts', () => {
  it('shows IPv6 sizes as powers of two and IPv4 exactly', async () => {
    const { hostBits, isPowerDisplay, formatCount, formatShare, usageOf } = await import('./ip-format');
    expect(hostBits('2001:db8::/64')).toBe(64);
    expect(hostBits('10.0.0.0/8')).toBeNull();
    expect(isPowerDisplay(9_007_199_254_740_991, 64)).toBe(true);
    expect(isPowerDisplay(254, null)).toBe(false);
    expect(formatCount(65_534, 'zh-CN')).toBe('65,534');
    expect(formatShare(usageOf({ size: 254, free: 251 }), 'en')).toBe('1%');
    expect(formatShare(usageOf({ size: 65_534, free: 65_533 }), 'en')).toBe('<1%');
    expect(usageOf({ size: 0, free: 0 })).toBe(0);
  });
});
