import { xlsxExportBench } from './reports-xlsx';

/**
 * `npm run bench -- reports`: the XLSX export of 100,000 incidents against
 * exceljs alone (bench/reports-xlsx.ts), then the annual service report to PDF
 * (bench/reports-annual.ts, the reports helper's part).
 */
export async function reportsBench(): Promise<void> {
  // Which parts (comma-separated: xlsx, annual); both by default. The annual part seeds for minutes.
  const parts = new Set((process.env.WALKDOWN_BENCH_REPORTS ?? 'xlsx,annual').split(',').map((part) => part.trim()));
  if (parts.has('xlsx')) await xlsxExportBench();
  if (parts.has('annual')) await (await import('./reports-annual')).annualReportBench();
}
