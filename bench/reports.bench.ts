import { xlsxExportBench } from './reports-xlsx';

/**
 * `npm run bench -- reports`: the XLSX export of 100,000 incidents against
 * exceljs alone (bench/reports-xlsx.ts), then the annual service report to PDF
 * (bench/reports-annual.ts, the reports helper's part).
 */
export async function reportsBench(): Promise<void> {
  await xlsxExportBench();
  await (await import('./reports-annual')).annualReportBench();
}
