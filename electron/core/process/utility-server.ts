import { toApiError, type ApiError, type ErrorCode, type Result } from '@shared/errors';
import type { Core } from '../core';
import {
  isCallMessage,
  isCoreInitOptions,
  isInitMessage,
  isRecord,
  isRequestId,
  isShutdownMessage,
  type CoreInitOptions,
  type FromCoreMessage,
} from './protocol';

/**
 * The part of Electron's `process.parentPort` this server uses. Declared here
 * because core never imports 'electron' (it must also run under plain Node).
 */
export interface ParentPortLike {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export interface ServeCoreOptions {
  port: ParentPortLike;
  createCore: (options: CoreInitOptions) => Core;
  exit: (code: number) => void;
  log?: (message: string) => void;
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message, retryable: false } };
}

/**
 * Answers main's messages with core. Nothing a message contains may crash this
 * process: a crash loses every call in flight and costs one of main's bounded
 * restarts, so every malformed message becomes an error reply instead.
 */
export function serveCore({ port, createCore, exit, log = (message) => process.stderr.write(`${message}\n`) }: ServeCoreOptions): void {
  let core: Core | null = null;
  // Why core could not be built; every call is answered with it rather than
  // letting main restart a process that would fail the same way again.
  let startupError: ApiError | null = null;

  const post = (message: FromCoreMessage): void => {
    try {
      port.postMessage(message);
    } catch (error) {
      // A value that cannot be structured-cloned (a function, say) must not
      // leave the caller waiting forever: send an error in its place.
      if ('id' in message) {
        port.postMessage({ id: message.id, result: failure('internal.error', `The result could not be sent: ${toApiError(error).message}`) });
      } else {
        log(`walkdown core: dropped event ${message.event}: ${toApiError(error).message}`);
      }
    }
  };

  const init = (options: unknown): void => {
    if (core || startupError) {
      log('walkdown core: ignored a second init message');
      return;
    }
    if (!isCoreInitOptions(options)) {
      startupError = { code: 'internal.error', message: 'Core was started with invalid options', retryable: false };
      log(`walkdown core: ${startupError.message}`);
      return;
    }
    try {
      core = createCore(options);
      core.onEvent((event, payload) => post({ event, payload }));
    } catch (error) {
      startupError = toApiError(error);
      log(`walkdown core: could not start: ${startupError.message}`);
    }
  };

  const call = (id: number, method: string, input: unknown): void => {
    if (startupError) return post({ id, result: { ok: false, error: startupError } });
    if (!core) return post({ id, result: failure('api.transport-failed', 'Core received a call before it was started') });
    core.call(method, input).then(
      (result) => post({ id, result }),
      (error: unknown) => post({ id, result: { ok: false, error: toApiError(error) } }),
    );
  };

  port.on('message', (messageEvent) => {
    const data = messageEvent.data;
    if (isInitMessage(data)) return init(data.init);
    if (isCallMessage(data)) return call(data.id, data.method, data.input);
    if (isShutdownMessage(data)) {
      try {
        core?.close();
      } catch (error) {
        log(`walkdown core: close failed: ${toApiError(error).message}`);
      } finally {
        exit(0);
      }
      return;
    }
    const id = isRecord(data) && isRequestId(data.id) ? data.id : null;
    const code: ErrorCode = id === null ? 'api.invalid-input' : 'api.unknown-method';
    post({ id, result: failure(code, 'Malformed message to core') });
  });
}
