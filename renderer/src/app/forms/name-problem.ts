import type { z } from 'zod';

export type NameProblem = { key: 'required' } | { key: 'tooLong'; max: number };

/**
 * Checks a name against the shared zod schema the backend uses, so the
 * dialog's limits cannot drift from the server's; returns what to tell the
 * user, or null when the name is fine.
 */
export function nameProblem(schema: z.ZodType<string, string>, value: string): NameProblem | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  for (const issue of result.error.issues) {
    if (issue.code === 'too_big') return { key: 'tooLong', max: Number(issue.maximum) };
  }
  return { key: 'required' };
}
