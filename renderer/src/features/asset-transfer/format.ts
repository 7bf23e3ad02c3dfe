/** Counts with the thousands separator of the UI language (12,345 in both zh-CN and en). */
export function formatInteger(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}
