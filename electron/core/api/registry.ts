import { z } from 'zod';
import type { Contract, MethodDef } from '@shared/api';
import { AppError, toApiError, type Result } from '@shared/errors';

export type Handler<D extends MethodDef> = (input: z.output<D['input']>) => z.input<D['output']> | Promise<z.input<D['output']>>;
/** One handler per method of a contract: a missing or misspelt one is a type error. */
export type Handlers<C extends Contract> = { [M in keyof C]: Handler<C[M]> };

export interface MethodDescription {
  name: string;
  summary: string;
  input: unknown;
  output: unknown;
}

/**
 * Where calls from either transport arrive. It knows the whole contract,
 * accepts one handler per declared method (never twice, never an undeclared
 * one), validates input before the handler and output after it, and turns every
 * failure into an error result with a stable code.
 */
export class Registry {
  private readonly handlers = new Map<string, (input: unknown) => unknown>();

  constructor(private readonly contract: Contract) {}

  register<C extends Contract>(part: C, handlers: Handlers<C>): this {
    for (const name of Object.keys(part)) {
      if (this.contract[name] !== part[name]) {
        throw new AppError('api.unknown-method', `Cannot register ${name}: it is not declared in the API contract`);
      }
      if (this.handlers.has(name)) throw new AppError('api.duplicate-method', `Cannot register ${name} twice`);
      this.handlers.set(name, handlers[name] as (input: unknown) => unknown);
    }
    return this;
  }

  /** Every declared method must have a handler: checked once at start, not on first call. */
  assertComplete(): this {
    const missing = Object.keys(this.contract).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`No handler registered for: ${missing.join(', ')}`);
    return this;
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  async call(name: string, rawInput: unknown): Promise<Result<unknown>> {
    const def = Object.prototype.hasOwnProperty.call(this.contract, name) ? this.contract[name] : undefined;
    const handler = this.handlers.get(name);
    if (!def || !handler) {
      return failure(new AppError('api.unknown-method', `Unknown method: ${String(name).slice(0, 100)}`));
    }
    const input = def.input.safeParse(rawInput ?? {});
    if (!input.success) {
      return failure(new AppError('api.invalid-input', `Invalid input for ${name}: ${z.prettifyError(input.error)}`, { details: { issues: issuesOf(input.error) } }));
    }
    let value: unknown;
    try {
      value = await handler(input.data);
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    const output = def.output.safeParse(value);
    if (!output.success) {
      // A handler broke its own contract: a bug in core, reported as such rather than passed on.
      return failure(new AppError('api.invalid-output', `Invalid output from ${name}: ${z.prettifyError(output.error)}`));
    }
    return { ok: true, value: output.data };
  }

  /** The contract as JSON Schema, for `GET /rpc` and for anyone writing a client. */
  describe(): MethodDescription[] {
    return Object.entries(this.contract).map(([name, def]) => ({
      name,
      summary: def.summary,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
    }));
  }
}

function failure(error: AppError): Result<never> {
  return { ok: false, error: error.toApiError() };
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
