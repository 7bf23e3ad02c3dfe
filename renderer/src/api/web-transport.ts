import { devLog } from '../app/dev-log';
import { transportFailed } from './api-client-error';
import { asResult, type Transport } from './transport';

/**
 * Development and tests: core runs in a local Node process that serves this
 * renderer, `POST /rpc/<method>` and a server-sent-events stream. Every request
 * carries the per-start token; EventSource cannot set headers, so the stream
 * takes it as a query parameter.
 */
export function createWebTransport(token: string | null, origin: string = window.location.origin): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  // One stream for all events, opened on the first subscription; each event
  // name gets one DOM listener that fans out to our subscribers.
  function ensureStream(): EventSource {
    if (!source) {
      const url = new URL('/events', origin);
      if (token) url.searchParams.set('token', token);
      source = new EventSource(url);
    }
    return source;
  }

  function dispatch(event: string, message: MessageEvent<string>): void {
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      devLog.warn(`Ignoring event ${event} with a body that is not JSON`);
      return;
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  return {
    kind: 'web',
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(new URL(`/rpc/${encodeURIComponent(method)}`, origin), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch (cause) {
        throw transportFailed(`Request for ${method} failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch (cause) {
        throw transportFailed(`Answer to ${method} (HTTP ${response.status}) is not JSON`, cause);
      }
      const result = asResult(body);
      if (!result) throw transportFailed(`Answer to ${method} (HTTP ${response.status}) is not a Result`);
      return result;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        ensureStream().addEventListener(event, (message) => dispatch(event, message));
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
