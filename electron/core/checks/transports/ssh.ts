import { createHash } from 'node:crypto';
import { Socket } from 'node:net';
import { TextDecoder } from 'node:util';
import ssh2, { Client, type ClientChannel, type ConnectConfig, type NegotiatedAlgorithms, type ParsedKey, type PublicKeyAuthMethod } from 'ssh2';
import type { CredentialSpec } from '@shared/domain/credentials';
import type { Dialect } from '../parsers/text';
import { checkAddress, checkPort } from './address';
import { CheckError, cancelledError, errnoOf, fromSocketError, messageOf, throwIfAborted, whenAborted } from './check-error';
import { algorithmsFor } from './ssh-algorithms';
import {
  commandOutput,
  detectPrompt,
  endsWithChangePasswordQuestion,
  endsWithPager,
  enableRefusal,
  endsWithPasswordQuestion,
  endsWithPrompt,
  pagingOffCommands,
  promptFamily,
  refusedLine,
  type DetectedPrompt,
} from './ssh-terminal';

export { LEGACY_ALGORITHMS } from './ssh-algorithms';

/*
 * SSH over ssh2 (pure JavaScript). One connection per device: `sshConnect`
 * logs in and verifies the host key through the caller's policy; on the
 * connection, `exec` runs a command on an exec channel (Linux servers, and
 * devices that allow it) and `shell` drives an interactive PTY shell the way
 * an engineer would on a switch: find the prompt, turn paging off (or answer
 * the pager), run the commands one by one, each up to the next prompt.
 * `sshExec` / `sshShell` do connect + work + close in one call. Nothing is
 * reused across devices; the caller caps concurrency (devices, like sshd's
 * MaxStartups, drop connections past a handful of parallel handshakes).
 *
 * Every step has a timeout; an abort closes the socket at once, and every
 * promise settles only after the socket is closed, so nothing of a check is
 * left on the event loop.
 */

export type SshCredential = Extract<CredentialSpec, { kind: 'ssh-password' | 'ssh-key' }>;

export interface SshTarget {
  address: string;
  /** Overrides the credential's port (default 22). */
  port?: number;
}

export type HostKeyVerdict = 'trusted' | 'new' | 'mismatch';

/**
 * The caller's host key store. `check` gets the key the server proved it
 * holds: 'trusted' (the pinned key), 'new' (nothing pinned: accepted, and
 * the result carries the fingerprint so the caller can pin it), 'mismatch'
 * (another key is pinned: the handshake is aborted with
 * ssh.host-key-mismatch, before any credential is sent).
 */
export interface HostKeyPolicy {
  check(address: string, port: number, keyType: string, sha256Fingerprint: string): HostKeyVerdict | Promise<HostKeyVerdict>;
  /** The pinned key, quoted as `expected` in the mismatch error's details. */
  pinned?(address: string, port: number): { keyType: string; fingerprint: string } | null | undefined;
}

export interface SshHostKeyInfo {
  /** Key type from the key blob: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, ... */
  keyType: string;
  /** `SHA256:` + unpadded base64, as ssh-keygen -l prints it. */
  fingerprint: string;
  verdict: 'trusted' | 'new';
}

export interface SshConnectOptions {
  hostKeyPolicy: HostKeyPolicy;
  /** TCP connect + key exchange + authentication, ms (default 15000). */
  readyTimeoutMs?: number;
  /**
   * Old algorithms this device needs, by name (diffie-hellman-group14-sha1,
   * diffie-hellman-group1-sha1, ssh-rsa, aes128-cbc, 3des-cbc, hmac-md5, ...;
   * see LEGACY_ALGORITHMS). Only these are added to the modern defaults.
   */
  legacyAlgorithms?: readonly string[];
  /** ssh2's protocol trace (every packet in and out), for tests and troubleshooting. */
  debug?: (line: string) => void;
}

export interface SshConnectionInfo {
  address: string;
  port: number;
  username: string;
  hostKey: SshHostKeyInfo;
  /** What the key exchange settled on. */
  algorithms: { kex: string; serverHostKey: string; cipher: string; mac: string } | null;
  /** TCP connect until logged in, ms. */
  connectMs: number;
}

export interface SshExecOptions {
  /** Until the command exits, ms (default 30000). */
  timeoutMs?: number;
  /** Characters kept per stream (default 1,000,000); the rest is read and dropped, `truncated` set. */
  maxOutputChars?: number;
  /** Text encoding of the output (default utf-8; e.g. gbk for devices that print Chinese in GBK). */
  encoding?: string;
  /**
   * Environment variables asked for on the exec channel (SSH "env" requests),
   * e.g. LC_ALL=C so a server in a Chinese locale prints English. sshd sets
   * only the names its AcceptEnv allows (Debian and RHEL: LANG, LC_*) and
   * ignores the rest without failing the command.
   */
  env?: Readonly<Record<string, string>>;
}

export interface SshExecResult {
  command: string;
  stdout: string;
  stderr: string;
  /** null when the command was ended by a signal (or the server sent no status). */
  exitCode: number | null;
  exitSignal: string | null;
  durationMs: number;
  truncated: boolean;
}

export interface SshShellOptions {
  /**
   * Which CLI: picks the paging-off command (vrp: `screen-length 0
   * temporary`, comware: `screen-length disable`, ios: `terminal length 0`).
   * 'auto' (default) guesses from the prompt and, for `<name>` prompts, tries
   * VRP's command and then Comware's.
   */
  dialect?: Dialect | 'auto';
  /** Send the paging-off command (default true). Pager prompts are answered either way. */
  disablePaging?: boolean;
  /** Cisco: `enable` with this secret when the prompt is `name>`. */
  enableSecret?: string;
  /** Waiting for the first prompt, ms (default 15000). */
  promptTimeoutMs?: number;
  /** Per command, from sending it to the next prompt (all pages), ms (default 30000). */
  commandTimeoutMs?: number;
  /** Characters kept per command (default 1,000,000). */
  maxOutputChars?: number;
  encoding?: string;
  /** Called as each command completes, so a caller keeps what was done before a later failure. */
  onOutput?: (output: SshCommandOutput, index: number) => void;
}

export interface SshCommandOutput {
  command: string;
  /** Exactly what came back: echo, output, pager prompts and their erasure, the next prompt. */
  raw: string;
  /** The output as a terminal shows it, without echo and prompt: what the parsers read. */
  output: string;
  pagerPrompts: number;
  durationMs: number;
  truncated: boolean;
}

export interface SshShellResult {
  /** The prompt found after login (after `enable`, if any). */
  prompt: string;
  promptStyle: DetectedPrompt['style'];
  /** The paging-off command the device accepted, or null (refused, not sent, or none for this CLI). */
  pagingCommand: string | null;
  outputs: SshCommandOutput[];
  durationMs: number;
}

const DEFAULT_MAX_OUTPUT = 1_000_000;

function hostKeyOf(key: Buffer): { keyType: string; fingerprint: string } {
  const length = key.length >= 4 ? key.readUInt32BE(0) : 0;
  const keyType = length > 0 && length < 64 && key.length >= 4 + length ? key.subarray(4, 4 + length).toString('latin1') : 'unknown';
  const fingerprint = `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
  return { keyType, fingerprint };
}

/** Destroys the socket and resolves once it is closed (at most `graceMs` later). */
function destroySocket(sock: Socket, graceMs = 500): Promise<void> {
  return new Promise((resolve) => {
    if (sock.closed) {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, graceMs);
    sock.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    sock.destroy();
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function decoderFor(encoding: string | undefined, details: Record<string, unknown>): TextDecoder {
  try {
    return new TextDecoder(encoding ?? 'utf-8');
  } catch (error) {
    throw new CheckError('check.protocol-error', `Unknown text encoding ${JSON.stringify(encoding)}`, { details: { ...details, encoding }, cause: error });
  }
}

// ---------------------------------------------------------------------------
// connect

/**
 * Connects and logs in. Throws ssh.host-key-mismatch (details: address,
 * port, keyType, expected, actual), check.auth-failed (password or key
 * refused, or a private key that cannot be read with its passphrase),
 * check.timeout, check.refused (includes a connection dropped before the SSH
 * greeting: sshd's MaxStartups), check.unreachable, check.protocol-error (no
 * common algorithm: see legacyAlgorithms), check.cancelled.
 */
export function sshConnect(target: SshTarget, credential: SshCredential, options: SshConnectOptions, signal: AbortSignal): Promise<SshConnection> {
  const address = checkAddress(target.address);
  const port = checkPort(target.port ?? credential.settings.port ?? 22, address);
  const username = credential.settings.username;
  const details = { address, port, username };
  const readyTimeoutMs = Math.max(100, options.readyTimeoutMs ?? 15_000);
  const algorithms = algorithmsFor(options.legacyAlgorithms);
  const policy = options.hostKeyPolicy;
  throwIfAborted(signal, details);
  const key = credential.kind === 'ssh-key' ? parsedKeyOf(credential, details) : null;

  return new Promise<SshConnection>((resolve, reject) => {
    const client = new Client();
    const sock = new Socket();
    // SSH is small request/answer messages: with Nagle on, the second of two back-to-back writes
    // (KEXINIT then KEX_ECDH_INIT, NEWKEYS then SERVICE_REQUEST) waits for the server's delayed
    // ACK, 40 ms on Linux (lab: median login 106 ms with Nagle, 65 ms without; bench/checks.bench.ts).
    sock.setNoDelay(true);
    const started = performance.now();
    let hostKey: SshHostKeyInfo | null = null;
    let mismatch: { keyType: string; actual: string } | null = null;
    let policyError: unknown = null;
    let negotiated: NegotiatedAlgorithms | null = null;
    let lastError: unknown = null;
    let settled = false;

    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopAbort();
      void destroySocket(sock).then(() => reject(error));
    };
    const failFrom = (error: unknown) => fail(connectError(error, { details, mismatch, policyError, policy, legacy: options.legacyAlgorithms ?? [] }));
    // ssh2's readyTimeout covers the same span; this one also covers a DNS lookup that hangs.
    const timer = setTimeout(() => fail(new CheckError('check.timeout', `SSH ${address}:${port}: not logged in within ${readyTimeoutMs} ms`, { details: { ...details, timeoutMs: readyTimeoutMs } })), readyTimeoutMs + 250);
    const stopAbort = whenAborted(signal, () => fail(cancelledError(details)));

    client.on('handshake', (value) => {
      negotiated = value;
    });
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      // Network devices often offer only keyboard-interactive for passwords: answer every prompt with it.
      finish(prompts.map(() => (credential.kind === 'ssh-password' ? credential.secret.password : '')));
    });
    client.on('error', (error) => {
      lastError = error;
      if (!settled) failFrom(error);
    });
    client.on('close', () => {
      if (!settled) failFrom(lastError ?? Object.assign(new Error('The device closed the connection before login'), { level: 'closed' }));
    });
    client.on('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopAbort();
      if (!hostKey) {
        void destroySocket(sock).then(() => reject(new CheckError('check.protocol-error', `SSH ${address}:${port}: logged in without a verified host key`, { details })));
        return;
      }
      const n = negotiated as NegotiatedAlgorithms | null;
      const info: SshConnectionInfo = {
        address,
        port,
        username,
        hostKey,
        algorithms: n ? { kex: n.kex, serverHostKey: n.serverHostKey, cipher: n.cs.cipher, mac: n.cs.mac } : null,
        connectMs: Math.round(performance.now() - started),
      };
      resolve(new SshConnection(client, sock, info));
    });

    const publicKeyAuth: PublicKeyAuthMethod[] = key ? [{ type: 'publickey', username, key }] : [];
    const config: ConnectConfig = {
      sock,
      username,
      readyTimeout: readyTimeoutMs,
      algorithms,
      keepaliveInterval: 0,
      ...(options.debug ? { debug: options.debug } : {}),
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        const { keyType, fingerprint } = hostKeyOf(key);
        Promise.resolve()
          .then(() => policy.check(address, port, keyType, fingerprint))
          .then(
            (verdict) => {
              if (verdict === 'trusted' || verdict === 'new') {
                hostKey = { keyType, fingerprint, verdict };
                verify(true);
              } else {
                mismatch = { keyType, actual: fingerprint };
                verify(false);
              }
            },
            (error: unknown) => {
              policyError = error;
              verify(false);
            },
          );
      },
      // Straight to the credential's method: ssh2 would ask "none" first (to learn the methods), one round trip more per login.
      ...(credential.kind === 'ssh-password'
        ? { password: credential.secret.password, tryKeyboard: true, authHandler: ['password', 'keyboard-interactive'] }
        : { authHandler: publicKeyAuth }),
    };

    try {
      sock.connect({ host: address, port });
      client.connect(config);
      ignoreHostKeyAnnouncements(client);
    } catch (error) {
      // ssh2 checks the algorithm lists before it sends anything (the key was read above).
      const message = messageOf(error);
      const code = /privateKey|passphrase|private key/i.test(message) ? 'check.auth-failed' : 'check.protocol-error';
      fail(new CheckError(code, `SSH ${address}:${port}: ${message}`, { details, cause: error }));
    }
  });
}

type SshKeyCredential = Extract<SshCredential, { kind: 'ssh-key' }>;

/**
 * Private keys as ssh2 uses them, parsed once per credential object: a run
 * hands all its jobs the same revealed spec, so a sweep reads the key (and,
 * with a passphrase, runs its bcrypt KDF, ~0.1 s of CPU) once, not once per
 * device. The entry lives as long as that spec object does (the run's).
 * Throws check.auth-failed for a key that cannot be read (or not with its
 * passphrase); the key itself is never quoted.
 */
const parsedKeys = new WeakMap<SshKeyCredential, ParsedKey>();

function parsedKeyOf(credential: SshKeyCredential, details: { address: string; port: number; username: string }): ParsedKey {
  const cached = parsedKeys.get(credential);
  if (cached) return cached;
  // The default export: Node's ESM loader does not see ssh2's `utils` as a named export of the CommonJS module.
  const parsed = ssh2.utils.parseKey(credential.secret.privateKey, credential.secret.passphrase === '' ? undefined : credential.secret.passphrase);
  const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey | undefined) : parsed;
  if (!key || key instanceof Error || !key.isPrivateKey()) {
    const why = key instanceof Error ? key.message : 'not a private key';
    throw new CheckError('check.auth-failed', `SSH ${details.address}:${details.port}: the private key cannot be read${credential.secret.passphrase ? ' with its passphrase' : ''} (${why})`, { details });
  }
  parsedKeys.set(credential, key);
  return key;
}

type GlobalRequestHandler = (protocol: { requestFailure(): void }, name: string, wantReply: boolean, data: unknown) => void;

/**
 * After login OpenSSH announces all its host keys (`hostkeys-00@openssh.com`,
 * for clients that update known_hosts: UpdateHostKeys). ssh2 answers that by
 * itself with `hostkeys-prove-00@openssh.com`, which makes sshd sign the
 * session with every host key it has (an RSA-2048 signature is the costly
 * part of it on a switch's CPU) and us verify them all, for keys we never
 * use: the key pinned is the one proven at key exchange, and a different key
 * waits for a person (host-key-policy.ts). So the announcement is ignored, as
 * OpenSSH's client does with UpdateHostKeys=no (it is sent without want-reply;
 * if one ever asks for a reply, it is declined). Every other global request
 * still goes to ssh2. ssh2 has no option for this: its handler table is
 * wrapped; tests/integration/check-transports.test.ts proves on a real sshd
 * that no proof is asked (and notices if a new ssh2 moves the table).
 */
function ignoreHostKeyAnnouncements(client: Client): void {
  const handlers = (client as unknown as { _protocol?: { _handlers?: { GLOBAL_REQUEST?: GlobalRequestHandler } } })._protocol?._handlers;
  const original = handlers?.GLOBAL_REQUEST;
  if (!handlers || typeof original !== 'function') return;
  handlers.GLOBAL_REQUEST = (protocol, name, wantReply, data) => {
    if (name !== 'hostkeys-00@openssh.com') {
      original(protocol, name, wantReply, data);
      return;
    }
    if (wantReply) protocol.requestFailure();
  };
}

function connectError(
  error: unknown,
  context: {
    details: { address: string; port: number; username: string };
    mismatch: { keyType: string; actual: string } | null;
    policyError: unknown;
    policy: HostKeyPolicy;
    legacy: readonly string[];
  },
): Error {
  const { details, mismatch } = context;
  const where = `SSH ${details.address}:${details.port}`;
  if (mismatch) {
    const pinned = context.policy.pinned?.(details.address, details.port) ?? null;
    return new CheckError('ssh.host-key-mismatch', `${where}: the host key changed (${mismatch.actual}); connection refused until someone accepts the new key`, {
      details: {
        address: details.address,
        port: details.port,
        keyType: mismatch.keyType,
        actual: mismatch.actual,
        expected: pinned?.fingerprint ?? null,
        expectedKeyType: pinned?.keyType ?? null,
      },
    });
  }
  if (context.policyError) return context.policyError instanceof Error ? context.policyError : new Error(String(context.policyError));
  if (error instanceof CheckError) return error;
  const level = typeof error === 'object' && error !== null && 'level' in error ? String((error as { level: unknown }).level) : '';
  const message = messageOf(error);
  switch (level) {
    case 'client-authentication':
      return new CheckError('check.auth-failed', `${where}: the device refused the credentials of ${details.username}`, { details, cause: error });
    case 'client-timeout':
      return new CheckError('check.timeout', `${where}: ${message}`, { details, cause: error });
    case 'client-socket':
      return fromSocketError(error, where, details);
    case 'client-dns':
      return new CheckError('check.unreachable', `${where}: ${message}`, { details, cause: error });
    case 'closed':
      return new CheckError('check.refused', `${where}: ${message}`, { details, cause: error });
    default:
      break;
  }
  if (/Connection lost before handshake/i.test(message)) {
    return new CheckError('check.refused', `${where}: the device closed the connection before the SSH greeting (too many logins at once?)`, { details, cause: error });
  }
  if (/no matching|handshake failed/i.test(message)) {
    return new CheckError('check.protocol-error', `${where}: ${message}; an old device may need legacyAlgorithms`, {
      details: { ...details, legacyAlgorithms: [...context.legacy] },
      cause: error,
    });
  }
  if (errnoOf(error)) return fromSocketError(error, where, details);
  return new CheckError('check.protocol-error', `${where}: ${message}`, { details, cause: error });
}

// ---------------------------------------------------------------------------
// The connection

/** Collects a channel's output and lets a caller wait for a condition on it. */
class ChannelReader {
  raw = '';
  /** Characters received in total (raw may have been cut). */
  received = 0;
  truncated = false;
  private ended = false;
  private check: (() => void) | null = null;

  constructor(
    channel: ClientChannel,
    private readonly decoder: TextDecoder,
    private readonly limit: number,
  ) {
    const onData = (chunk: Buffer) => {
      const text = this.decoder.decode(chunk, { stream: true });
      this.received += text.length;
      this.raw += text;
      // Keep the head (the evidence) and a tail (to see the prompt); drop the middle of an endless output.
      if (this.raw.length > this.limit + 65_536) {
        this.raw = this.raw.slice(0, this.limit) + this.raw.slice(-8_192);
        this.truncated = true;
      }
      this.check?.();
    };
    channel.on('data', onData);
    channel.stderr.on('data', onData);
    channel.on('close', () => {
      this.ended = true;
      this.check?.();
    });
  }

  /** Everything since the last take, and starts afresh. */
  take(): { raw: string; truncated: boolean } {
    const out = { raw: this.limit < this.raw.length ? this.raw.slice(0, this.limit) : this.raw, truncated: this.truncated || this.raw.length > this.limit };
    this.raw = '';
    this.truncated = false;
    return out;
  }

  /**
   * Resolves when `until(raw)` is true (checked now and on every chunk).
   * Rejects with `onTimeout()` after timeoutMs, check.cancelled on abort, or
   * check.protocol-error when the device ends the session; the caller closes
   * the connection in those cases.
   */
  wait(until: (raw: string) => boolean, timeoutMs: number, signal: AbortSignal, onTimeout: () => CheckError, details: Record<string, unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (error?: CheckError) => {
        if (done) return;
        done = true;
        this.check = null;
        clearTimeout(timer);
        stopAbort();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => finish(onTimeout()), timeoutMs);
      const stopAbort = whenAborted(signal, () => finish(cancelledError(details)));
      this.check = () => {
        if (until(this.raw)) finish();
        else if (this.ended) finish(new CheckError('check.protocol-error', 'The device ended the session', { details: { ...details, lastOutput: this.raw.slice(-500) } }));
      };
      this.check();
    });
  }
}

export class SshConnection {
  private closing: Promise<void> | null = null;
  private readonly closeListeners = new Set<() => void>();

  /** @internal Made by sshConnect. */
  constructor(
    private readonly client: Client,
    private readonly sock: Socket,
    readonly info: SshConnectionInfo,
  ) {
    // Errors after login (a reset, a keepalive) end the connection; the operation in progress reports it.
    client.on('error', () => {});
    client.on('close', () => {
      for (const listener of [...this.closeListeners]) listener();
    });
  }

  get hostKey(): SshHostKeyInfo {
    return this.info.hostKey;
  }

  get closed(): boolean {
    return this.closing !== null || this.sock.closed;
  }

  /** Ends the session politely (SSH disconnect), and the socket after 1 s at the latest. Idempotent. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => {
        if (this.sock.closed) {
          resolve();
          return;
        }
        const timer = setTimeout(() => this.sock.destroy(), 1_000);
        this.sock.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        this.client.end();
      });
    }
    return this.closing;
  }

  /** Closes the socket now (abort, timeout): whatever runs on it stops. */
  private destroy(): Promise<void> {
    if (!this.closing || !this.sock.closed) this.closing = destroySocket(this.sock);
    return this.closing;
  }

  /** Settles `promise`; on a failure that leaves the session unusable, destroys the connection first. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.destroy();
      throw error;
    }
  }

  /**
   * Opens a channel. `onOpen` runs inside ssh2's callback, before any await:
   * a short command's whole answer (output, exit status, close) can arrive in
   * the same read as the channel confirmation, and ssh2 emits 'exit' at once
   * (stream data waits in the stream's buffer, events do not).
   */
  private openChannel(
    kind: 'exec' | 'shell',
    command: string,
    signal: AbortSignal,
    timeoutMs: number,
    details: Record<string, unknown>,
    env: Readonly<Record<string, string>> | undefined,
    onOpen: (channel: ClientChannel) => void,
  ): Promise<ClientChannel> {
    return new Promise<ClientChannel>((resolve, reject) => {
      if (this.closed) {
        reject(new CheckError('check.protocol-error', 'The SSH connection is closed', { details }));
        return;
      }
      let done = false;
      const finish = (error: CheckError | null, channel?: ClientChannel) => {
        if (done) {
          // Opened after we gave up: close it.
          channel?.close();
          return;
        }
        done = true;
        clearTimeout(timer);
        stopAbort();
        this.closeListeners.delete(onClose);
        if (error) reject(error);
        else resolve(channel as ClientChannel);
      };
      const onClose = () => finish(new CheckError('check.protocol-error', 'The device closed the connection', { details }));
      this.closeListeners.add(onClose);
      const timer = setTimeout(() => finish(new CheckError('check.timeout', `No ${kind} channel within ${timeoutMs} ms`, { details })), timeoutMs);
      const stopAbort = whenAborted(signal, () => finish(cancelledError(details)));
      const callback = (error: Error | undefined, channel: ClientChannel) => {
        if (error) {
          finish(new CheckError('check.protocol-error', `The device refused the ${kind} channel: ${error.message}`, { details, cause: error }));
          return;
        }
        if (!done) onOpen(channel);
        finish(null, channel);
      };
      if (kind === 'exec') {
        if (env && Object.keys(env).length > 0) this.client.exec(command, { env: { ...env } }, callback);
        else this.client.exec(command, callback);
      }
      // A wide terminal: devices wrap long lines at the PTY width, which would split table rows.
      else this.client.shell({ term: 'vt100', cols: 511, rows: 24 }, callback);
    });
  }

  /**
   * Runs one command on an exec channel. Throws check.timeout (the
   * connection is then closed), check.cancelled (likewise),
   * check.protocol-error (channel refused, connection lost).
   */
  exec(command: string, options: SshExecOptions, signal: AbortSignal): Promise<SshExecResult> {
    const details = { address: this.info.address, port: this.info.port, command };
    const timeoutMs = Math.max(1, options.timeoutMs ?? 30_000);
    const limit = Math.max(1, options.maxOutputChars ?? DEFAULT_MAX_OUTPUT);
    const decoderOut = decoderFor(options.encoding, details);
    const decoderErr = decoderFor(options.encoding, details);
    const started = performance.now();
    return this.guarded(async () => {
      throwIfAborted(signal, details);
      let stdout = '';
      let stderr = '';
      let truncated = false;
      let exitCode: number | null = null;
      let exitSignal: string | null = null;
      let closed = false;
      let onChannelClose: (() => void) | null = null;
      const append = (current: string, text: string) => {
        if (current.length >= limit) {
          if (text.length > 0) truncated = true;
          return current;
        }
        if (current.length + text.length > limit) truncated = true;
        return current + text.slice(0, limit - current.length);
      };
      await this.openChannel('exec', command, signal, timeoutMs, details, options.env, (channel) => {
        channel.on('data', (chunk: Buffer) => (stdout = append(stdout, decoderOut.decode(chunk, { stream: true }))));
        channel.stderr.on('data', (chunk: Buffer) => (stderr = append(stderr, decoderErr.decode(chunk, { stream: true }))));
        channel.on('exit', (code: number | null, signalName?: string) => {
          exitCode = typeof code === 'number' ? code : null;
          exitSignal = signalName ?? null;
        });
        channel.on('close', () => {
          closed = true;
          onChannelClose?.();
        });
      });
      return new Promise<SshExecResult>((resolve, reject) => {
        let done = false;
        const finish = (error?: CheckError) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          stopAbort();
          this.closeListeners.delete(onClose);
          if (error) {
            reject(error);
            return;
          }
          stdout = append(stdout, decoderOut.decode());
          stderr = append(stderr, decoderErr.decode());
          resolve({ command, stdout, stderr, exitCode, exitSignal, durationMs: Math.round(performance.now() - started), truncated });
        };
        const onClose = () => finish(new CheckError('check.protocol-error', 'The device closed the connection', { details: { ...details, partialOutput: stdout.slice(-2000) } }));
        this.closeListeners.add(onClose);
        const timer = setTimeout(
          () => finish(new CheckError('check.timeout', `SSH ${this.info.address}: "${command}" did not finish within ${timeoutMs} ms`, { details: { ...details, timeoutMs, partialOutput: stdout.slice(-2000) } })),
          timeoutMs,
        );
        const stopAbort = whenAborted(signal, () => finish(cancelledError(details)));
        onChannelClose = () => finish();
        if (closed) finish();
      });
    });
  }

  /**
   * Opens one PTY shell and runs `commands` in it, one by one, each up to the
   * next prompt (see SshShellOptions). A command the device refuses is not an
   * error here: its output says so, and the parser refuses it. Throws
   * check.timeout (no prompt, or a command that never returned: details name
   * it and carry its partial output), check.auth-failed (enable refused),
   * check.cancelled, check.protocol-error (the device ended the session);
   * the connection is closed after any of these.
   */
  shell(commands: readonly string[], options: SshShellOptions, signal: AbortSignal): Promise<SshShellResult> {
    const base = { address: this.info.address, port: this.info.port };
    const promptTimeoutMs = Math.max(100, options.promptTimeoutMs ?? 15_000);
    const commandTimeoutMs = Math.max(100, options.commandTimeoutMs ?? 30_000);
    const decoder = decoderFor(options.encoding, base);
    const started = performance.now();

    // One line each: a line end or a control key inside a command would type more than one command at the prompt.
    // eslint-disable-next-line no-control-regex
    const multiLine = commands.find((command) => /[\x00-\x1f\x7f]/.test(command));
    if (multiLine !== undefined) {
      return Promise.reject(new CheckError('check.protocol-error', `A shell command must be one line without control characters: ${JSON.stringify(multiLine.slice(0, 100))}`, { details: { ...base, command: multiLine.slice(0, 200) } }));
    }

    return this.guarded(async () => {
      throwIfAborted(signal, base);
      const opened: { reader?: ChannelReader } = {};
      const channel = await this.openChannel('shell', '', signal, promptTimeoutMs, base, undefined, (ch) => {
        opened.reader = new ChannelReader(ch, decoder, Math.max(1, options.maxOutputChars ?? DEFAULT_MAX_OUTPUT));
      });
      const reader = opened.reader;
      if (!reader) throw new CheckError('check.protocol-error', 'The shell channel opened without a reader', { details: base });
      const send = (text: string) => channel.write(text);

      // 1. The first prompt: banners come first, sometimes in pieces; a device that waits for a key gets Enter.
      let prompt = await this.firstPrompt(reader, send, promptTimeoutMs, signal, base);
      let family = promptFamily(prompt);

      const run = async (command: string, index: number | null): Promise<SshCommandOutput> => {
        const details = { ...base, command, ...(index === null ? {} : { commandIndex: index }) };
        const commandStarted = performance.now();
        reader.take();
        send(`${command}\r`);
        let answeredAt = reader.received;
        let pagerPrompts = 0;
        await reader.wait(
          (raw) => {
            if (raw.length > 0 && endsWithPrompt(raw, family)) return true;
            const unanswered = raw.slice(Math.max(0, raw.length - (reader.received - answeredAt)));
            if (endsWithPager(unanswered)) {
              send(' ');
              answeredAt = reader.received;
              pagerPrompts += 1;
            }
            return false;
          },
          commandTimeoutMs,
          signal,
          () =>
            new CheckError('check.timeout', `SSH ${base.address}: "${command}" gave no prompt back within ${commandTimeoutMs} ms`, {
              details: { ...details, timeoutMs: commandTimeoutMs, partialOutput: reader.raw.slice(-2000) },
            }),
          details,
        );
        const { raw, truncated } = reader.take();
        return { command, raw, output: commandOutput(raw, command, family), pagerPrompts, durationMs: Math.round(performance.now() - commandStarted), truncated };
      };

      // 2. Cisco: privileged EXEC, if a secret was given.
      if (options.enableSecret !== undefined && prompt.style === 'ios' && prompt.text.endsWith('>')) {
        prompt = await this.enable(reader, send, family, options.enableSecret, commandTimeoutMs, signal, base);
        family = promptFamily(prompt);
      }

      // 3. Paging off; if the device refuses, the pager is answered instead.
      let pagingCommand: string | null = null;
      if (options.disablePaging !== false) {
        for (const command of pagingOffCommands(options.dialect ?? 'auto', prompt)) {
          const out = await run(command, null);
          if (refusedLine(out.output) === null) {
            pagingCommand = command;
            break;
          }
        }
      }

      // 4. The commands.
      const outputs: SshCommandOutput[] = [];
      for (const [index, command] of commands.entries()) {
        const output = await run(command, index);
        outputs.push(output);
        options.onOutput?.(output, index);
      }
      channel.close();
      return { prompt: prompt.text, promptStyle: prompt.style, pagingCommand, outputs, durationMs: Math.round(performance.now() - started) };
    });
  }

  private async firstPrompt(reader: ChannelReader, send: (text: string) => void, timeoutMs: number, signal: AbortSignal, details: Record<string, unknown>): Promise<DetectedPrompt> {
    const deadline = performance.now() + timeoutMs;
    let nudged = false;
    let answered = reader.received;
    const nudge = setTimeout(() => {
      // Nothing that looks like a prompt yet: some devices print it only after a key.
      if (!detectPrompt(reader.raw)) {
        nudged = true;
        send('\r');
      }
    }, Math.min(3_000, timeoutMs / 3));
    try {
      for (;;) {
        const remaining = Math.max(1, deadline - performance.now());
        await reader.wait(
          (raw) => {
            // Only what arrived since the last answer: an erasure alone must not look like the same question again.
            const unanswered = raw.slice(Math.max(0, raw.length - (reader.received - answered)));
            if (unanswered !== '' && endsWithChangePasswordQuestion(unanswered)) {
              answered = reader.received;
              send('N\r');
              return false;
            }
            if (unanswered !== '' && endsWithPager(unanswered)) {
              answered = reader.received;
              send(' ');
              return false;
            }
            return detectPrompt(raw) !== null;
          },
          remaining,
          signal,
          () =>
            new CheckError('check.timeout', `SSH ${String(details.address)}: no prompt within ${timeoutMs} ms${nudged ? ' (Enter sent)' : ''}`, {
              details: { ...details, timeoutMs, lastOutput: reader.raw.slice(-500) },
            }),
          details,
        );
        // A banner can arrive in pieces: the prompt counts once the device has been quiet for a moment.
        const seen = reader.received;
        await delay(150);
        throwIfAborted(signal, details);
        if (reader.received === seen) break;
      }
      const prompt = detectPrompt(reader.raw) as DetectedPrompt;
      reader.take();
      return prompt;
    } finally {
      clearTimeout(nudge);
    }
  }

  private async enable(
    reader: ChannelReader,
    send: (text: string) => void,
    family: RegExp,
    secret: string,
    timeoutMs: number,
    signal: AbortSignal,
    base: Record<string, unknown>,
  ): Promise<DetectedPrompt> {
    const details = { ...base, command: 'enable' };
    const timeout = () => new CheckError('check.timeout', `SSH ${String(base.address)}: enable gave no prompt back within ${timeoutMs} ms`, { details });
    reader.take();
    send('enable\r');
    await reader.wait((raw) => endsWithPasswordQuestion(raw) || endsWithPrompt(raw, family), timeoutMs, signal, timeout, details);
    if (endsWithPasswordQuestion(reader.raw)) {
      reader.take();
      send(`${secret}\r`);
      // A wrong secret is asked again (IOS asks three times) or refused with "% Bad secrets".
      await reader.wait((raw) => endsWithPasswordQuestion(raw) || endsWithPrompt(raw, family), timeoutMs, signal, timeout, details);
    }
    const askedAgain = endsWithPasswordQuestion(reader.raw);
    const after = askedAgain ? null : detectPrompt(reader.raw);
    const { raw } = reader.take();
    if (!after || !after.text.endsWith('#')) {
      // The device's own words ("% Access denied", "% Bad secrets") say which; the secret itself is never quoted.
      const refusal = enableRefusal(raw) ?? (askedAgain ? 'asked for the password again' : null);
      throw new CheckError('check.auth-failed', `SSH ${String(base.address)}: the device refused the enable secret${refusal ? ` (${refusal})` : ''}; check the enable secret of the SSH credential`, {
        details: { ...details, ...(refusal ? { refusal } : {}) },
      });
    }
    return after;
  }
}

// ---------------------------------------------------------------------------
// One call each

export interface SshExecCall extends SshExecResult {
  connection: SshConnectionInfo;
}

export interface SshShellCall extends SshShellResult {
  connection: SshConnectionInfo;
}

/** Connect, run one command on an exec channel, close. */
export async function sshExec(target: SshTarget, credential: SshCredential, command: string, options: SshConnectOptions & SshExecOptions, signal: AbortSignal): Promise<SshExecCall> {
  const connection = await sshConnect(target, credential, options, signal);
  try {
    const result = await connection.exec(command, options, signal);
    return { ...result, connection: connection.info };
  } finally {
    await connection.close();
  }
}

/** Connect, run `commands` in one interactive shell, close. */
export async function sshShell(
  target: SshTarget,
  credential: SshCredential,
  commands: readonly string[],
  options: SshConnectOptions & SshShellOptions,
  signal: AbortSignal,
): Promise<SshShellCall> {
  const connection = await sshConnect(target, credential, options, signal);
  try {
    const result = await connection.shell(commands, options, signal);
    return { ...result, connection: connection.info };
  } finally {
    await connection.close();
  }
}

/**
 * A HostKeyPolicy over a plain map `address:port` → fingerprint: trusted when
 * equal, new when absent, mismatch otherwise. For tests and tools; the app's
 * policy reads the pinned keys from the store.
 */
export function staticHostKeyPolicy(pins: ReadonlyMap<string, { keyType: string; fingerprint: string }>): HostKeyPolicy {
  return {
    check(address, port, _keyType, fingerprint) {
      const pin = pins.get(`${address}:${port}`);
      if (!pin) return 'new';
      return pin.fingerprint === fingerprint ? 'trusted' : 'mismatch';
    },
    pinned(address, port) {
      return pins.get(`${address}:${port}`) ?? null;
    },
  };
}
