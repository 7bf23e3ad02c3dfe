import { formatPatch, structuredPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * Lines a device rewrites by itself, without anyone changing the
 * configuration: build banners, byte counts and "last changed" stamps. They
 * are kept in the stored text but do not count as a change.
 */
const VOLATILE_LINES: readonly RegExp[] = [
  /^Building configuration\.\.\.$/,
  /^Current configuration\s*:\s*\d+\s*bytes$/,
  /^!\s*(?:Last configuration change|NVRAM config last updated|No configuration change since last restart)\b/,
  /^!\s*Time:/,
  /^ntp clock-period \d+$/,
  /^!\s*Last configuration was (?:updated|saved) at\b/,
];

/** The text a configuration is compared by: line ends and trailing spaces normalised, volatile lines dropped. */
export function comparableConfig(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => !VOLATILE_LINES.some((re) => re.test(line)))
    .join('\n')
    .trim();
}

/** Whether `next` differs from `previous` in anything but volatile lines (the first backup counts as no change). */
export function configChanged(previous: string | null, next: string): boolean {
  return previous !== null && comparableConfig(previous) !== comparableConfig(next);
}

/**
 * A unified diff of two configuration texts (3 lines of context), with the
 * number of lines added and removed. Identical texts give '' and 0 / 0.
 */
export function diffConfigs(from: { label: string; content: string }, to: { label: string; content: string }): { unified: string; added: number; removed: number } {
  const patch = structuredPatch(from.label, to.label, withFinalNewline(from.content), withFinalNewline(to.content), undefined, undefined, { context: 3 });
  if (patch.hunks.length === 0) return { unified: '', added: 0, removed: 0 };
  let added = 0;
  let removed = 0;
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added += 1;
      else if (line.startsWith('-')) removed += 1;
    }
  }
  return { unified: formatPatch(patch, FILE_HEADERS_ONLY), added, removed };
}

function withFinalNewline(text: string): string {
  const normal = text.replace(/\r\n?/g, '\n');
  return normal === '' || normal.endsWith('\n') ? normal : `${normal}\n`;
}
