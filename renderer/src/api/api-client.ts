import {
  apiContract,
  apiEvents,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '@shared/api';
import { ApiClientError } from './api-client-error';
import type { Transport } from './transport';
import { devLog } from '../app/dev-log';

/** The renderer's only way to reach core: typed by the shared contract, whatever carries it. */
export interface ApiClient {
  readonly transport: Transport['kind'];
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiClientError(result.error);
      // Core validates its output already; parsing again here means a core and
      // a renderer from different builds fail loudly at the boundary instead of
      // rendering half-understood data.
      const parsed = apiContract[method].output.safeParse(result.value);
      if (!parsed.success) {
        throw new ApiClientError({
          code: 'api.invalid-output',
          message: `Answer to ${method} does not match the contract: ${parsed.error.message}`,
          retryable: false,
        });
      }
      return parsed.data as MethodOutput<typeof method>;
    },
    on(event, listener) {
      return transport.on(event, (payload) => {
        const parsed = apiEvents[event].payload.safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
        else devLog.warn(`Ignoring ${event} event that does not match the contract`, parsed.error);
      });
    },
  };
}
