import type { z } from 'zod';
import { credentialsContract } from '@shared/api/credentials.contract';
import {
  CredentialSpec,
  credentialSpecProblems,
  SNMP_AUTH_PROTOCOLS,
  SNMP_PRIV_PROTOCOLS,
  type Credential,
  type CredentialKind,
} from '@shared/domain/credentials';

export type SnmpAuthProtocol = (typeof SNMP_AUTH_PROTOCOLS)[number];
export type SnmpPrivProtocol = (typeof SNMP_PRIV_PROTOCOLS)[number];
export type SecurityLevel = 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';

/**
 * The credential dialog's state: every kind's fields side by side, so
 * switching the kind back and forth keeps what was typed. Secrets live only
 * here, in memory, while the dialog is open.
 */
export interface CredentialFormValues {
  name: string;
  kind: CredentialKind;
  version: 'v1' | 'v2c';
  port: string;
  username: string;
  securityLevel: SecurityLevel;
  authProtocol: SnmpAuthProtocol | '';
  privProtocol: SnmpPrivProtocol | '';
  community: string;
  authKey: string;
  privKey: string;
  password: string;
  privateKey: string;
  passphrase: string;
  /** Cisco `enable` secret of an SSH login (optional). */
  enableSecret: string;
}

export type CredentialField = keyof CredentialFormValues;
export type CredentialProblemKey = 'nameRequired' | 'tooLong' | 'required' | 'port' | 'authProtocol' | 'privProtocol' | 'keyLength' | 'duplicateName' | 'invalid';
export interface CredentialProblem {
  key: CredentialProblemKey;
  values?: Record<string, string | number>;
}
export type CredentialProblems = Partial<Record<CredentialField, CredentialProblem>>;

/** The secret inputs, which are never filled from anything stored. */
export const SECRET_FIELDS = ['community', 'authKey', 'privKey', 'password', 'privateKey', 'passphrase', 'enableSecret'] as const satisfies readonly CredentialField[];

const DEFAULT_PORT: Record<CredentialKind, string> = { 'snmp-community': '161', 'snmp-v3': '161', 'ssh-password': '22', 'ssh-key': '22' };

export function emptyCredentialValues(kind: CredentialKind = 'ssh-password', name = ''): CredentialFormValues {
  return {
    name,
    kind,
    version: 'v2c',
    port: DEFAULT_PORT[kind],
    username: '',
    securityLevel: 'authPriv',
    authProtocol: 'sha256',
    privProtocol: 'aes',
    community: '',
    authKey: '',
    privKey: '',
    password: '',
    privateKey: '',
    passphrase: '',
    enableSecret: '',
  };
}

/** A stored credential's name and settings, with every secret input empty. */
export function valuesFromCredential(credential: Credential): CredentialFormValues {
  const settings = credential.settings;
  const text = (key: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : '');
  const values = emptyCredentialValues(credential.kind, credential.name);
  if (typeof settings['port'] === 'number') values.port = String(settings['port']);
  if (settings['version'] === 'v1' || settings['version'] === 'v2c') values.version = settings['version'];
  values.username = text('username');
  const level = text('securityLevel');
  if (level === 'noAuthNoPriv' || level === 'authNoPriv' || level === 'authPriv') values.securityLevel = level;
  const auth = text('authProtocol');
  values.authProtocol = (SNMP_AUTH_PROTOCOLS as readonly string[]).includes(auth) ? (auth as SnmpAuthProtocol) : '';
  const priv = text('privProtocol');
  values.privProtocol = (SNMP_PRIV_PROTOCOLS as readonly string[]).includes(priv) ? (priv as SnmpPrivProtocol) : '';
  return values;
}

/** When the kind changes, the port follows unless the user chose one. */
export function withKind(values: CredentialFormValues, kind: CredentialKind): CredentialFormValues {
  const portIsDefault = values.port === DEFAULT_PORT[values.kind];
  return { ...values, kind, port: portIsDefault ? DEFAULT_PORT[kind] : values.port };
}

export function toSpecInput(values: CredentialFormValues): z.input<typeof CredentialSpec> {
  const port = values.port.trim() === '' ? Number.NaN : Number(values.port.trim());
  switch (values.kind) {
    case 'snmp-community':
      return { kind: 'snmp-community', settings: { version: values.version, port }, secret: { community: values.community } };
    case 'snmp-v3': {
      const auth = values.securityLevel !== 'noAuthNoPriv';
      const priv = values.securityLevel === 'authPriv';
      return {
        kind: 'snmp-v3',
        settings: {
          username: values.username,
          securityLevel: values.securityLevel,
          authProtocol: auth && values.authProtocol ? values.authProtocol : null,
          privProtocol: priv && values.privProtocol ? values.privProtocol : null,
          port,
        },
        secret: { authKey: auth ? values.authKey : '', privKey: priv ? values.privKey : '' },
      };
    }
    case 'ssh-password':
      return { kind: 'ssh-password', settings: { username: values.username, port }, secret: { password: values.password, enableSecret: values.enableSecret } };
    case 'ssh-key':
      return { kind: 'ssh-key', settings: { username: values.username, port }, secret: { privateKey: values.privateKey, passphrase: values.passphrase, enableSecret: values.enableSecret } };
  }
}

const NameSchema = credentialsContract['credentials.create'].input.shape.name;

/** The shared schema's and the SNMPv3 rules' verdict, as translation keys per field. */
export function validateCredential(values: CredentialFormValues): { name: string; spec: CredentialSpec | null; problems: CredentialProblems } {
  const problems: CredentialProblems = {};
  const name = NameSchema.safeParse(values.name);
  if (!name.success) {
    const tooBig = name.error.issues.find((issue) => issue.code === 'too_big');
    problems.name = tooBig ? { key: 'tooLong', values: { max: Number(tooBig.maximum) } } : { key: 'nameRequired' };
  }
  const parsed = CredentialSpec.safeParse(toSpecInput(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (!field || problems[field]) continue;
      if (field === 'port') problems.port = { key: 'port' };
      else if (issue.code === 'too_small') problems[field] = { key: 'required' };
      else if (issue.code === 'too_big') problems[field] = { key: 'tooLong', values: { max: Number(issue.maximum) } };
      else problems[field] = { key: 'invalid' };
    }
  } else {
    for (const [path] of credentialSpecProblems(parsed.data)) {
      const field = fieldOf(path.split('.'));
      if (!field || problems[field]) continue;
      problems[field] = field === 'authProtocol' ? { key: 'authProtocol' } : field === 'privProtocol' ? { key: 'privProtocol' } : { key: 'keyLength' };
    }
  }
  const ok = Object.keys(problems).length === 0 && parsed.success && name.success;
  return { name: name.success ? name.data : values.name, spec: ok ? parsed.data : null, problems };
}

function fieldOf(path: readonly PropertyKey[]): CredentialField | null {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return null;
  const fields: readonly string[] = ['version', 'port', 'username', 'securityLevel', 'authProtocol', 'privProtocol', ...SECRET_FIELDS];
  return fields.includes(last) ? (last as CredentialField) : null;
}

/** Which inputs a kind shows, in order. */
export function fieldsOfKind(values: Pick<CredentialFormValues, 'kind' | 'securityLevel'>): CredentialField[] {
  switch (values.kind) {
    case 'snmp-community':
      return ['version', 'port', 'community'];
    case 'snmp-v3': {
      const fields: CredentialField[] = ['username', 'port', 'securityLevel'];
      if (values.securityLevel !== 'noAuthNoPriv') fields.push('authProtocol', 'authKey');
      if (values.securityLevel === 'authPriv') fields.push('privProtocol', 'privKey');
      return fields;
    }
    case 'ssh-password':
      return ['username', 'port', 'password', 'enableSecret'];
    case 'ssh-key':
      return ['username', 'port', 'privateKey', 'passphrase', 'enableSecret'];
  }
}
