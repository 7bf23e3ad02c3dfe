import { z } from 'zod';
import { EpochMs, Id } from './ids';

/**
 * Credentials for device checks. The secret half (community, keys, password,
 * private key) goes in once and never comes back out through the API: the UI
 * only learns that it is set. Credentials stay on this laptop: never synced,
 * exported or searched.
 */
export const CREDENTIAL_KINDS = ['snmp-community', 'snmp-v3', 'ssh-password', 'ssh-key'] as const;
export const CredentialKind = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof CredentialKind>;

export const SNMP_AUTH_PROTOCOLS = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export const SNMP_PRIV_PROTOCOLS = ['des', 'aes', 'aes256b', 'aes256r'] as const;

const secretText = (label: string, max = 512) => z.string().min(1, `${label} is required`).max(max);
const username = z.string().trim().min(1, 'User name is required').max(100);
const sshPort = z.number().int().min(1).max(65535).default(22);
/**
 * Cisco IOS: the secret `enable` asks for when the login lands in user EXEC
 * (`Switch>`), needed for `show running-config`. Optional ('' = none); part of
 * the secret, so encrypted with it and never returned.
 */
const enableSecret = z.string().max(512).default('');

/** The non-secret settings of each kind, and the secret that goes with them. */
export const CredentialSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('snmp-community'),
    settings: z.object({ version: z.enum(['v1', 'v2c']).default('v2c'), port: z.number().int().min(1).max(65535).default(161) }),
    secret: z.object({ community: secretText('Community', 128) }),
  }),
  z.object({
    kind: z.literal('snmp-v3'),
    settings: z.object({
      username,
      securityLevel: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']),
      authProtocol: z.enum(SNMP_AUTH_PROTOCOLS).nullable().default(null),
      privProtocol: z.enum(SNMP_PRIV_PROTOCOLS).nullable().default(null),
      port: z.number().int().min(1).max(65535).default(161),
    }),
    secret: z.object({ authKey: z.string().max(256).default(''), privKey: z.string().max(256).default('') }),
  }),
  z.object({
    kind: z.literal('ssh-password'),
    settings: z.object({ username, port: sshPort }),
    secret: z.object({ password: secretText('Password'), enableSecret }),
  }),
  z.object({
    kind: z.literal('ssh-key'),
    settings: z.object({ username, port: sshPort }),
    secret: z.object({ privateKey: secretText('Private key', 32_768), passphrase: z.string().max(512).default(''), enableSecret }),
  }),
]);
export type CredentialSpec = z.output<typeof CredentialSpec>;

/** The SNMP v3 rules the discriminated union cannot say: what each security level needs. */
export function credentialSpecProblems(spec: CredentialSpec): [string, string][] {
  if (spec.kind !== 'snmp-v3') return [];
  const problems: [string, string][] = [];
  const { securityLevel, authProtocol, privProtocol } = spec.settings;
  if (securityLevel !== 'noAuthNoPriv') {
    if (!authProtocol) problems.push(['settings.authProtocol', 'An authentication protocol is required at this security level']);
    if (spec.secret.authKey.length < 8) problems.push(['secret.authKey', 'The authentication key needs at least 8 characters']);
  }
  if (securityLevel === 'authPriv') {
    if (!privProtocol) problems.push(['settings.privProtocol', 'A privacy protocol is required for authPriv']);
    if (spec.secret.privKey.length < 8) problems.push(['secret.privKey', 'The privacy key needs at least 8 characters']);
  }
  return problems;
}

/** What the API shows of a credential: everything but the secret. */
export const Credential = z.object({
  id: Id,
  name: z.string(),
  kind: CredentialKind,
  settings: z.record(z.string(), z.unknown()),
  secretSet: z.boolean(),
  /** The assets that use it: one for a device's own credential, many for a shared one. */
  assetIds: z.array(Id),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Credential = z.infer<typeof Credential>;
