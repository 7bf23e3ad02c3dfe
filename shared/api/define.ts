import type { z } from 'zod';

/** One API method: what goes in, what comes out, and one line for humans and `GET /rpc`. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  /**
   * Largest serialised input a transport accepts for this method; 1 MiB when
   * unset. Only file uploads (imports) raise it.
   */
  maxInputBytes?: number;
}

/** One event pushed from core to the renderer. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
}

export type Contract = Record<string, MethodDef>;
export type EventContract = Record<string, EventDef>;

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

export function event<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}

/**
 * Joins per-domain contracts into one. A name declared twice is a programming
 * error caught when the module loads, not a silent override by spread order.
 */
export function mergeContracts<const T extends readonly Record<string, unknown>[]>(
  ...parts: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (name in merged) throw new Error(`API name declared twice: ${name}`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
