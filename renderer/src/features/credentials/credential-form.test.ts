import { describe, expect, it } from 'vitest';
import type { Credential } from '@shared/domain/credentials';
import { emptyCredentialValues, fieldsOfKind, SECRET_FIELDS, validateCredential, valuesFromCredential, withKind } from './credential-form';

describe('credential form', () => {
  it('builds an SSH password spec', () => {
    const values = { ...emptyCredentialValues('ssh-password', '核心交换机 SSH'), username: 'admin', password: 's3cret!' };
    const { spec, problems } = validateCredential(values);
    expect(problems).toEqual({});
    expect(spec).toEqual({ kind: 'ssh-password', settings: { username: 'admin', port: 22 }, secret: { password: 's3cret!', enableSecret: '' } });
  });

  it('takes an optional Cisco enable secret with either SSH kind, as a secret', () => {
    expect(fieldsOfKind({ kind: 'ssh-password', securityLevel: 'authPriv' })).toEqual(['username', 'port', 'password', 'enableSecret']);
    expect(fieldsOfKind({ kind: 'ssh-key', securityLevel: 'authPriv' })).toEqual(['username', 'port', 'privateKey', 'passphrase', 'enableSecret']);
    expect(SECRET_FIELDS).toContain('enableSecret');
    const key = { ...emptyCredentialValues('ssh-key', 'c2960'), username: 'ops', privateKey: 'KEY', enableSecret: 'en-abc' };
    expect(validateCredential(key).spec).toEqual({ kind: 'ssh-key', settings: { username: 'ops', port: 22 }, secret: { privateKey: 'KEY', passphrase: '', enableSecret: 'en-abc' } });
    const tooLong = validateCredential({ ...key, enableSecret: 'x'.repeat(513) });
    expect(tooLong.problems).toEqual({ enableSecret: { key: 'tooLong', values: { max: 512 } } });
    // A stored credential never fills it in again.
    const stored: Credential = { id: '01a21eef-c90a-713c-8e59-5cdff40e2c7b', name: 'c2960', kind: 'ssh-key', settings: { username: 'ops', port: 22 }, secretSet: true, assetIds: [], createdAt: 1, updatedAt: 1 };
    expect(valuesFromCredential(stored).enableSecret).toBe('');
  });

  it('requires the name, the user and the secret, per field', () => {
    const { spec, problems } = validateCredential(emptyCredentialValues('ssh-password'));
    expect(spec).toBeNull();
    expect(problems).toEqual({ name: { key: 'nameRequired' }, username: { key: 'required' }, password: { key: 'required' } });
  });

  it('applies the SNMPv3 rules of each security level', () => {
    const base = { ...emptyCredentialValues('snmp-v3', 'v3'), username: 'monitor', authProtocol: '' as const, privProtocol: '' as const, authKey: 'short' };
    const { problems } = validateCredential(base);
    expect(problems).toEqual({ authProtocol: { key: 'authProtocol' }, authKey: { key: 'keyLength' }, privProtocol: { key: 'privProtocol' }, privKey: { key: 'keyLength' } });
    const noAuth = validateCredential({ ...base, securityLevel: 'noAuthNoPriv' });
    expect(noAuth.problems).toEqual({});
    expect(noAuth.spec).toMatchObject({ settings: { authProtocol: null, privProtocol: null }, secret: { authKey: '', privKey: '' } });
    expect(fieldsOfKind({ kind: 'snmp-v3', securityLevel: 'authNoPriv' })).toEqual(['username', 'port', 'securityLevel', 'authProtocol', 'authKey']);
  });

  it('checks the port', () => {
    const { problems } = validateCredential({ ...emptyCredentialValues('snmp-community', 'c'), community: 'public', port: '70000' });
    expect(problems).toEqual({ port: { key: 'port' } });
  });

  it('starts a replacement from the stored settings with every secret empty', () => {
    const stored: Credential = {
      id: '01a21eef-c90a-713c-8e59-5cdff40e2c7b',
      name: 'core v3',
      kind: 'snmp-v3',
      settings: { username: 'monitor', securityLevel: 'authNoPriv', authProtocol: 'sha', privProtocol: null, port: 1161 },
      secretSet: true,
      assetIds: [],
      createdAt: 1,
      updatedAt: 1,
    };
    const values = valuesFromCredential(stored);
    expect(values).toMatchObject({ name: 'core v3', username: 'monitor', securityLevel: 'authNoPriv', authProtocol: 'sha', privProtocol: '', port: '1161' });
    expect([values.authKey, values.privKey, values.community, values.password, values.privateKey, values.passphrase]).toEqual(['', '', '', '', '', '']);
  });

  it('moves a default port along with the kind, but keeps a chosen one', () => {
    expect(withKind(emptyCredentialValues('ssh-password'), 'snmp-community').port).toBe('161');
    expect(withKind({ ...emptyCredentialValues('ssh-password'), port: '2222' }, 'ssh-key').port).toBe('2222');
  });
});
