// net-snmp ships no types; the reference makes our declaration part of every program that imports this file (core's and the tests').
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./net-snmp.d.ts" />
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import snmp, { type Session, type Varbind } from 'net-snmp';
import { credentialSpecProblems, type CredentialSpec } from '@shared/domain/credentials';
import { checkAddress, checkPort } from './address';
import { CheckError, afterHandlesClosed, cancelledError, errnoOf, fromSocketError, messageOf, throwIfAborted, whenAborted } from './check-error';
import { normaliseOid, toVarbind, type SnmpVarbind } from './snmp-values';

export { SNMP_TAG, SNMP_VALUE_TYPES, octetsAsText, type SnmpValueType, type SnmpVarbind } from './snmp-values';

/*
 * SNMP get and walk over net-snmp (pure JavaScript, UDP).
 *
 * Sessions, engine IDs and concurrency. net-snmp opens one UDP socket per
 * session and keeps what SNMPv3 discovery learnt (the agent's engine ID,
 * boots and time) inside the session; it has no API to seed a new session
 * with them. So "engine IDs cached per target" is done by reusing sessions:
 * an `SnmpSessions` pool, made by the runner for one sweep and closed at its
 * end, keeps one session per target + credential, so discovery costs one
 * round trip per target per sweep, not per request. The pool bounds the open
 * sockets (`maxOpen`, default 64): past it the least recently used idle
 * session is closed (a later request to that target discovers again), and
 * when every session is busy a request waits for one. Without a pool each
 * call opens a session and closes it before it returns.
 *
 * Every request has a timeout (per attempt, with retries) and every
 * operation a deadline; an abort or a deadline closes the session at once.
 */

export type SnmpCredential = Extract<CredentialSpec, { kind: 'snmp-community' | 'snmp-v3' }>;

export interface SnmpTarget {
  address: string;
  /** Overrides the credential's port (default 161). */
  port?: number;
}

export interface SnmpOptions {
  /** Per request attempt, ms (default 2000). */
  timeoutMs?: number;
  /** Attempts after the first (default 1). */
  retries?: number;
  /** The whole operation, ms (default 15 s for a get, 120 s for a walk). */
  deadlineMs?: number;
  /** GETBULK max-repetitions in a walk (default 25). */
  maxRepetitions?: number;
  /** A walk stops after this many values and says `truncated` (default 100000). */
  maxValues?: number;
  /** OIDs per GET request (default 20); a tooBig answer halves it. */
  oidsPerRequest?: number;
  /** get: throw snmp.no-such-object / snmp.no-such-instance when an OID is missing, instead of marking it. */
  requireAll?: boolean;
  /** SNMPv3 context name (default ''). */
  context?: string;
  /** Reuse sessions (and what v3 discovery learnt) across calls; see SnmpSessions. */
  sessions?: SnmpSessions;
}

interface ResultBase {
  address: string;
  port: number;
  version: 'v1' | 'v2c' | 'v3';
  /** SNMPv3: the agent's snmpEngineID (hex) as discovery reported it; null for v1/v2c. */
  engineId: string | null;
  durationMs: number;
}

export interface SnmpGetResult extends ResultBase {
  /** One per requested OID, in the order asked; missing ones have type NoSuchObject / NoSuchInstance and value null. */
  varbinds: SnmpVarbind[];
  /** The requested OIDs the agent does not have (SNMPv1 reports every one as NoSuchObject: v1 cannot tell the two apart). */
  missing: { oid: string; type: 'NoSuchObject' | 'NoSuchInstance' }[];
}

export interface SnmpWalkResult extends ResultBase {
  rootOid: string;
  /** Every value under rootOid, in the agent's (lexicographic) order. */
  varbinds: SnmpVarbind[];
  /** Stopped at maxValues. */
  truncated: boolean;
}

// ---------------------------------------------------------------------------
// Sessions

interface Endpoint {
  address: string;
  port: number;
  version: 'v1' | 'v2c' | 'v3';
  securityLevel: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv' | null;
  /** Pool key: address, port and a hash of the credential and session options (never the secret itself). */
  key: string;
  create(): Session;
}

interface Entry {
  endpoint: Endpoint;
  session: Session;
  users: number;
  lastUsed: number;
  closed: boolean;
  /** Resolves when the socket is closed, once close was asked for. */
  done?: Promise<void>;
}

/**
 * Open SNMP sessions for one sweep: at most `maxOpen` UDP sockets, one
 * session per target + credential, reused so SNMPv3 discovery happens once
 * per target. Call `close()` when the sweep ends (or is cancelled).
 */
export class SnmpSessions {
  readonly maxOpen: number;
  private readonly entries = new Map<string, Entry>();
  private readonly waiters: (() => void)[] = [];
  private readonly engineIds = new Map<string, string>();

  constructor(options: { maxOpen?: number } = {}) {
    this.maxOpen = Math.max(1, Math.floor(options.maxOpen ?? 64));
  }

  /** Sessions (UDP sockets) open now. */
  get openCount(): number {
    return this.entries.size;
  }

  /** The engine ID SNMPv3 discovery reported for this address and port, if any call found it. */
  engineId(address: string, port = 161): string | null {
    return this.engineIds.get(`${address}|${port}`) ?? null;
  }

  /** @internal */
  async acquire(endpoint: Endpoint, signal: AbortSignal): Promise<Entry> {
    for (;;) {
      throwIfAborted(signal, { address: endpoint.address, port: endpoint.port });
      const existing = this.entries.get(endpoint.key);
      if (existing && !existing.closed) {
        existing.users += 1;
        return existing;
      }
      if (this.entries.size >= this.maxOpen) {
        let idle: Entry | undefined;
        for (const entry of this.entries.values()) if (entry.users === 0 && (!idle || entry.lastUsed < idle.lastUsed)) idle = entry;
        // Not awaited: the idle session's socket finishes closing while the new one starts.
        if (idle) void this.discard(idle);
      }
      if (this.entries.size < this.maxOpen) {
        const session = endpoint.create();
        // net-snmp emits 'error' for a datagram it cannot decode; without a listener that would throw.
        session.on('error', () => {});
        const entry: Entry = { endpoint, session, users: 1, lastUsed: Date.now(), closed: false };
        this.entries.set(endpoint.key, entry);
        return entry;
      }
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          stop();
          resolve();
        };
        const stop = whenAborted(signal, () => {
          const index = this.waiters.indexOf(wake);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(cancelledError({ address: endpoint.address, port: endpoint.port }));
        });
        this.waiters.push(wake);
      });
    }
  }

  /** @internal */
  release(entry: Entry): void {
    entry.users = Math.max(0, entry.users - 1);
    entry.lastUsed = Date.now();
    const engineId = entry.session.msgSecurityParameters?.msgAuthoritativeEngineID;
    if (engineId && engineId.length > 0) this.engineIds.set(`${entry.endpoint.address}|${entry.endpoint.port}`, engineId.toString('hex'));
    this.waiters.shift()?.();
  }

  /** @internal Closes a session now (after a cancel or a deadline: its pending requests are abandoned); resolves once its socket is closed. */
  discard(entry: Entry): Promise<void> {
    if (this.entries.get(entry.endpoint.key) === entry) this.entries.delete(entry.endpoint.key);
    if (!entry.closed) {
      entry.closed = true;
      entry.done = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        entry.session.once('close', () => {
          clearTimeout(timer);
          void afterHandlesClosed().then(resolve);
        });
        try {
          entry.session.close();
        } catch {
          // already closed
          clearTimeout(timer);
          resolve();
        }
      });
    }
    this.waiters.shift()?.();
    return entry.done ?? Promise.resolve();
  }

  /** Closes every session; resolves once their sockets are closed. The pool can be used again afterwards. */
  async close(): Promise<void> {
    const closing = [...this.entries.values()].map((entry) => this.discard(entry));
    for (const wake of this.waiters.splice(0)) wake();
    await Promise.all(closing);
  }
}

function endpointOf(target: SnmpTarget, credential: SnmpCredential, options: SnmpOptions): Endpoint {
  const address = checkAddress(target.address);
  const port = checkPort(target.port ?? credential.settings.port ?? 161, address);
  const timeout = Math.max(10, Math.round(options.timeoutMs ?? 2000));
  const retries = Math.max(0, Math.min(10, Math.round(options.retries ?? 1)));
  const context = options.context ?? '';
  const sessionOptions = {
    port,
    timeout,
    retries,
    transport: isIP(address) === 6 ? ('udp6' as const) : ('udp4' as const),
    // Refuse an agent whose "next" OID goes backwards instead of walking in a circle forever.
    backwardsGetNexts: false,
    context,
  };
  const hash = createHash('sha256').update(JSON.stringify([credential, timeout, retries, context])).digest('hex').slice(0, 32);
  const key = `${address}|${port}|${hash}`;

  if (credential.kind === 'snmp-community') {
    const version = credential.settings.version === 'v1' ? 'v1' : 'v2c';
    const community = credential.secret.community;
    return {
      address,
      port,
      version,
      securityLevel: null,
      key,
      create: () => snmp.createSession(address, community, { ...sessionOptions, version: version === 'v1' ? snmp.Version1 : snmp.Version2c }),
    };
  }

  const problems = credentialSpecProblems(credential);
  if (problems.length > 0) {
    throw new CheckError('check.auth-failed', `SNMPv3 credential incomplete: ${problems.map(([, message]) => message).join('; ')}`, {
      details: { address, port, problems: problems.map(([field]) => field) },
    });
  }
  const { username, securityLevel, authProtocol, privProtocol } = credential.settings;
  const user = {
    name: username,
    level: snmp.SecurityLevel[securityLevel],
    ...(securityLevel !== 'noAuthNoPriv' && authProtocol ? { authProtocol: snmp.AuthProtocols[authProtocol], authKey: credential.secret.authKey } : {}),
    ...(securityLevel === 'authPriv' && privProtocol ? { privProtocol: snmp.PrivProtocols[privProtocol], privKey: credential.secret.privKey } : {}),
  };
  return { address, port, version: 'v3', securityLevel, key, create: () => snmp.createV3Session(address, user, { ...sessionOptions, version: snmp.Version3 }) };
}

const SESSION_CLOSED = 'Socket forcibly closed';

/**
 * Runs `work` on a session for the endpoint, racing it against the abort
 * signal and the deadline (either closes the session). A session closed
 * under us by another caller's cancel (shared pool) is retried once on a
 * fresh one.
 */
async function withSession<T>(
  endpoint: Endpoint,
  options: SnmpOptions,
  deadlineMs: number,
  signal: AbortSignal,
  work: (session: Session) => Promise<T>,
): Promise<{ value: T; engineId: string | null }> {
  const pool = options.sessions ?? new SnmpSessions({ maxOpen: 1 });
  const details = { address: endpoint.address, port: endpoint.port, version: endpoint.version };
  const started = Date.now();
  try {
    for (let attempt = 0; ; attempt += 1) {
      const entry = await pool.acquire(endpoint, signal);
      let stop: (() => void) | undefined;
      let timer: NodeJS.Timeout | undefined;
      // Why we stopped the work, if we did: closing the session makes net-snmp fail it with its own error, which must not win.
      let stopError: CheckError | null = null;
      try {
        const remaining = deadlineMs - (Date.now() - started);
        const stopped = new Promise<never>((_, reject) => {
          const stopWith = (error: CheckError) => {
            stopError = error;
            void pool.discard(entry).then(() => reject(error));
          };
          stop = whenAborted(signal, () => stopWith(cancelledError(details)));
          timer = setTimeout(
            () => stopWith(new CheckError('check.timeout', `SNMP ${endpoint.address}:${endpoint.port}: not done within ${deadlineMs} ms`, { details: { ...details, deadlineMs } })),
            Math.max(1, remaining),
          );
        });
        stopped.catch(() => {});
        const running = work(entry.session);
        // Whatever the abandoned work reports after a cancel or deadline is of no interest.
        running.catch(() => {});
        const value = await Promise.race([running, stopped]);
        const engineId = entry.session.msgSecurityParameters?.msgAuthoritativeEngineID;
        return { value, engineId: engineId && engineId.length > 0 ? engineId.toString('hex') : null };
      } catch (error) {
        if (stopError) {
          await pool.discard(entry);
          throw stopError as CheckError;
        }
        if (error instanceof CheckError) throw error;
        if (messageOf(error) === SESSION_CLOSED && !signal.aborted && attempt === 0) continue;
        throw snmpError(error, endpoint, options);
      } finally {
        stop?.();
        clearTimeout(timer);
        pool.release(entry);
      }
    }
  } finally {
    if (!options.sessions) await pool.close();
  }
}

function snmpError(error: unknown, endpoint: Endpoint, options: SnmpOptions): CheckError {
  const details = { address: endpoint.address, port: endpoint.port, version: endpoint.version };
  const where = `SNMP ${endpoint.version} ${endpoint.address}:${endpoint.port}`;
  if (error instanceof CheckError) return error;
  if (error instanceof snmp.RequestTimedOutError) {
    const why =
      endpoint.version === 'v3'
        ? endpoint.securityLevel === 'authPriv'
          ? ' (for SNMPv3 a wrong privacy key looks the same: the agent drops what it cannot decrypt)'
          : ''
        : ' (a wrong community looks the same: agents drop it without a word)';
    return new CheckError('check.timeout', `${where}: no answer${why}`, {
      details: { ...details, timeoutMs: options.timeoutMs ?? 2000, retries: options.retries ?? 1 },
      cause: error,
    });
  }
  if (error instanceof snmp.ResponseInvalidError) {
    const message = error.message;
    if (/^Wrong Digest|^Authentication digest/.test(message)) {
      return new CheckError('snmp.wrong-digest', `${where}: the agent rejected the authentication key (usmStatsWrongDigests)`, { details, cause: error });
    }
    if (/^Unknown User Name/.test(message)) {
      return new CheckError('snmp.unknown-user', `${where}: the agent has no such user (usmStatsUnknownUserNames)`, { details, cause: error });
    }
    if (/^Unsupported Security Level/.test(message)) {
      return new CheckError('check.auth-failed', `${where}: the user does not allow this security level (usmStatsUnsupportedSecLevels)`, { details, cause: error });
    }
    if (/^Decryption Error|^Failed to decrypt/.test(message) || error.code === snmp.ResponseInvalidCode.ECouldNotDecrypt) {
      return new CheckError('check.auth-failed', `${where}: privacy key or protocol does not match (${message})`, { details, cause: error });
    }
    return new CheckError('check.protocol-error', `${where}: ${message}`, { details, cause: error });
  }
  if (error instanceof snmp.RequestFailedError) {
    const status = snmp.ErrorStatus[error.status] ?? String(error.status);
    const code = status === 'AuthorizationError' || status === 'NoAccess' ? 'check.auth-failed' : 'check.protocol-error';
    return new CheckError(code, `${where}: the agent answered ${error.message}`, { details: { ...details, errorStatus: status }, cause: error });
  }
  if (errnoOf(error)) return fromSocketError(error, where, details);
  return new CheckError('check.protocol-error', `${where}: ${messageOf(error)}`, { details, cause: error });
}

// ---------------------------------------------------------------------------
// get

function sessionGet(session: Session, oids: string[]): Promise<Varbind[]> {
  return new Promise((resolve, reject) => {
    session.get(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? [])));
  });
}

/**
 * GET of `oids` (in requests of `oidsPerRequest`). Missing objects are
 * marked in place (type NoSuchObject / NoSuchInstance) and listed in
 * `missing`, or with `requireAll` thrown as snmp.no-such-object /
 * snmp.no-such-instance. SNMPv1 fails the whole PDU for one missing OID
 * (noSuchName): that OID is marked NoSuchObject and the rest asked again.
 * Throws check.timeout (no answer: also a wrong community or a wrong v3
 * privacy key), snmp.wrong-digest, snmp.unknown-user, check.auth-failed,
 * check.protocol-error, check.cancelled.
 */
export async function snmpGet(target: SnmpTarget, credential: SnmpCredential, oids: readonly string[], options: SnmpOptions, signal: AbortSignal): Promise<SnmpGetResult> {
  const endpoint = endpointOf(target, credential, options);
  const wanted = oids.map((oid) => {
    const normal = normaliseOid(oid);
    if (!normal) throw new CheckError('check.protocol-error', `Not a numeric OID: ${JSON.stringify(String(oid).slice(0, 100))}`, { details: { oid: String(oid).slice(0, 200) } });
    return normal;
  });
  throwIfAborted(signal, { address: endpoint.address, port: endpoint.port });
  const started = performance.now();
  const perRequest = Math.max(1, Math.min(100, Math.round(options.oidsPerRequest ?? 20)));

  const { value: byOid, engineId } = await withSession(endpoint, options, options.deadlineMs ?? 15_000, signal, async (session) => {
    const found = new Map<string, SnmpVarbind>();
    const ask = async (batch: string[]): Promise<void> => {
      if (batch.length === 0) return;
      try {
        const varbinds = await sessionGet(session, batch);
        varbinds.forEach((vb, i) => found.set(batch[i] ?? vb.oid, toVarbind(vb)));
      } catch (error) {
        if (error instanceof snmp.RequestFailedError && snmp.ErrorStatus[error.status] === 'NoSuchName') {
          // SNMPv1: "NoSuchName: <oid>" names the culprit; mark it and ask for the others.
          const culprit = /:\s*([\d.]+)\s*$/.exec(error.message)?.[1];
          const index = culprit ? batch.indexOf(culprit) : -1;
          if (index < 0) throw error;
          found.set(batch[index] as string, { oid: batch[index] as string, type: 'NoSuchObject', value: null });
          await ask(batch.filter((_, i) => i !== index));
          return;
        }
        if (error instanceof snmp.RequestFailedError && snmp.ErrorStatus[error.status] === 'TooBig' && batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          await ask(batch.slice(0, half));
          await ask(batch.slice(half));
          return;
        }
        throw error;
      }
    };
    const unique = [...new Set(wanted)];
    for (let i = 0; i < unique.length; i += perRequest) await ask(unique.slice(i, i + perRequest));
    return found;
  });

  const varbinds = wanted.map((oid) => byOid.get(oid) ?? ({ oid, type: 'NoSuchObject', value: null } satisfies SnmpVarbind));
  const missing = varbinds.flatMap((vb) => (vb.type === 'NoSuchObject' || vb.type === 'NoSuchInstance' || vb.type === 'EndOfMibView' ? [{ oid: vb.oid, type: vb.type === 'NoSuchInstance' ? ('NoSuchInstance' as const) : ('NoSuchObject' as const) }] : []));
  if (options.requireAll && missing.length > 0) {
    const first = missing[0] as { oid: string; type: 'NoSuchObject' | 'NoSuchInstance' };
    const code = first.type === 'NoSuchInstance' ? 'snmp.no-such-instance' : 'snmp.no-such-object';
    throw new CheckError(code, `SNMP ${endpoint.address}: the agent has no ${first.oid}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`, {
      details: { address: endpoint.address, port: endpoint.port, oid: first.oid, missing },
    });
  }
  return {
    address: endpoint.address,
    port: endpoint.port,
    version: endpoint.version,
    engineId: endpoint.version === 'v3' ? engineId : null,
    durationMs: Math.round(performance.now() - started),
    varbinds,
    missing,
  };
}

// ---------------------------------------------------------------------------
// walk

/**
 * Every value under `rootOid`: GETBULK (v2c, v3; `maxRepetitions` per
 * request) or GETNEXT (v1). A root the agent does not have gives an empty
 * list. An agent whose answers go backwards is refused (check.protocol-error)
 * rather than walked forever; `maxValues` and the deadline bound the rest.
 */
export async function snmpWalk(target: SnmpTarget, credential: SnmpCredential, rootOid: string, options: SnmpOptions, signal: AbortSignal): Promise<SnmpWalkResult> {
  const endpoint = endpointOf(target, credential, options);
  const root = normaliseOid(rootOid);
  if (!root) throw new CheckError('check.protocol-error', `Not a numeric OID: ${JSON.stringify(String(rootOid).slice(0, 100))}`, { details: { oid: String(rootOid).slice(0, 200) } });
  throwIfAborted(signal, { address: endpoint.address, port: endpoint.port });
  const started = performance.now();
  const maxRepetitions = Math.max(1, Math.min(200, Math.round(options.maxRepetitions ?? 25)));
  const maxValues = Math.max(1, Math.round(options.maxValues ?? 100_000));

  const { value, engineId } = await withSession(endpoint, options, options.deadlineMs ?? 120_000, signal, (session) => {
    return new Promise<{ varbinds: SnmpVarbind[]; truncated: boolean }>((resolve, reject) => {
      const varbinds: SnmpVarbind[] = [];
      let truncated = false;
      session.subtree(
        root,
        maxRepetitions,
        (batch) => {
          for (const vb of batch) {
            if (snmp.isVarbindError(vb)) continue;
            if (varbinds.length >= maxValues) {
              truncated = true;
              return true;
            }
            varbinds.push(toVarbind(vb));
          }
          return false;
        },
        (error) => (error ? reject(error) : resolve({ varbinds, truncated })),
      );
    });
  });

  return {
    address: endpoint.address,
    port: endpoint.port,
    version: endpoint.version,
    engineId: endpoint.version === 'v3' ? engineId : null,
    durationMs: Math.round(performance.now() - started),
    rootOid: root,
    varbinds: value.varbinds,
    truncated: value.truncated,
  };
}
