import { isApiClientError } from '../../../api/api-client-error';

/**
 * Where an imported template file went wrong, one line per problem
 * ("sections[0].items[2].spec.thresholds.failAbove: …"), from the details of
 * a `templates.invalid-file` refusal; empty for any other error.
 */
export function importProblems(error: unknown): string[] {
  if (!isApiClientError(error) || error.code !== 'templates.invalid-file') return [];
  const details = error.details as { path?: unknown; problems?: unknown } | undefined;
  const problems: unknown[] = Array.isArray(details?.problems) ? details.problems : [];
  const lines = problems.flatMap((problem) => {
    if (typeof problem !== 'object' || problem === null) return [];
    const { path, message } = problem as { path?: unknown; message?: unknown };
    const where = typeof path === 'string' && path !== '' ? `${path}: ` : '';
    return [`${where}${typeof message === 'string' ? message : ''}`];
  });
  if (lines.length === 0 && typeof details?.path === 'string' && details.path !== '') lines.push(details.path);
  return lines;
}
