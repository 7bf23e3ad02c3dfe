import { LANGUAGES, type Language } from '@shared/domain/profile';
import type { Result } from '@shared/errors';

/**
 * The messages between Electron's main process and the utility process that
 * hosts core. Both sides import this file, so the shapes cannot drift; both
 * sides also check every message they receive, because a message is only as
 * trustworthy as the process that sent it.
 */

/**
 * What main tells core at start. Only plain values: the message is structured-cloned,
 * so CoreOptions' function-valued test hooks (`now`, `migrations`) cannot travel.
 */
export interface CoreInitOptions {
  dataDir: string;
  transport: 'ipc' | 'web';
  language?: Language;
  osLocale?: string;
  nativeBinding?: string;
  /**
   * Base64 of the 32-byte credentials vault key, unwrapped with Electron's
   * safeStorage by main. Absent when safeStorage cannot encrypt: core then uses
   * the key file in the data directory. Never logged.
   */
  vaultKey?: string;
  /** Shipped data (check profiles): process.resourcesPath/resources in a packaged app; absent in development (core finds the repository's). */
  resourcesDir?: string;
}

/** main → core, always the first message. */
export interface InitMessage {
  init: CoreInitOptions;
}

/** main → core: one API call. `id` is unique for the life of main, across core restarts. */
export interface CallMessage {
  id: number;
  method: string;
  input: unknown;
}

/** main → core: close the store and exit (main kills the process if this takes too long). */
export interface ShutdownMessage {
  shutdown: true;
}

export type ToCoreMessage = InitMessage | CallMessage | ShutdownMessage;

/** core → main: the answer to a call. `id` is null when the call was too malformed to carry one. */
export interface ReplyMessage {
  id: number | null;
  result: Result<unknown>;
}

/** core → main: an event to pass on to the window. */
export interface EventMessage {
  event: string;
  payload: unknown;
}

export type FromCoreMessage = ReplyMessage | EventMessage;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

export function isCoreInitOptions(value: unknown): value is CoreInitOptions {
  if (!isRecord(value)) return false;
  return (
    typeof value.dataDir === 'string' &&
    value.dataDir.length > 0 &&
    (value.transport === 'ipc' || value.transport === 'web') &&
    (value.language === undefined || (LANGUAGES as readonly unknown[]).includes(value.language)) &&
    isOptionalString(value.osLocale) &&
    isOptionalString(value.nativeBinding) &&
    isOptionalString(value.resourcesDir) &&
    (value.vaultKey === undefined || isVaultKey(value.vaultKey))
  );
}

// 32 bytes are 43 base64 digits and one '=': the last digit carries 4 bits, so its low 2 bits are zero.
const VAULT_KEY_BASE64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/** Canonical base64 of exactly 32 bytes. */
export function isVaultKey(value: unknown): value is string {
  return typeof value === 'string' && VAULT_KEY_BASE64.test(value);
}

export function isInitMessage(value: unknown): value is InitMessage {
  return isRecord(value) && 'init' in value;
}

export function isShutdownMessage(value: unknown): value is ShutdownMessage {
  return isRecord(value) && value.shutdown === true;
}

/** A usable request id: what a reply can be matched to. */
export function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function isCallMessage(value: unknown): value is CallMessage {
  return isRecord(value) && isRequestId(value.id) && typeof value.method === 'string';
}

export function isReplyMessage(value: unknown): value is ReplyMessage {
  if (!isRecord(value) || !(value.id === null || isRequestId(value.id))) return false;
  const result = value.result;
  return isRecord(result) && typeof result.ok === 'boolean' && (result.ok ? 'value' in result : isRecord(result.error));
}

export function isEventMessage(value: unknown): value is EventMessage {
  return isRecord(value) && typeof value.event === 'string';
}
