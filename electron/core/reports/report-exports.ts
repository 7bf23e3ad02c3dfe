import { writeFile } from 'node:fs/promises';
import type { ExportJobs } from '../exports/export-jobs';
import { findLabelFont } from '../labels/label-font';
import { writeReportAppendix } from './report-appendix';
import { renderServiceReport } from './report-pdf';
import type { ReportsService } from './reports.service';

/** A name a file system accepts, keeping Chinese. */
function fileStem(title: string): string {
  return title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120);
}

/**
 * The report's PDF and XLSX appendix as background jobs of the one export
 * runner (progress as task.progress, cancel, fetch through exports.*). The
 * report is looked up and the role checked before the job starts, so a
 * refused export never becomes a task.
 */
export class ReportExports {
  private fontFile: string | null = null;

  constructor(
    private readonly reports: ReportsService,
    private readonly jobs: ExportJobs,
    private readonly now: () => number,
  ) {}

  pdf(id: string): { taskId: string } {
    const actor = this.reports.assertAllowed();
    const report = this.reports.load(id);
    this.fontFile ??= findLabelFont();
    const fontFile = this.fontFile;
    const taskId = this.jobs.start(report.title, async (job) => {
      const steps = report.period.kind === 'annual' ? 9 : 8;
      job.progress(0, steps);
      const detail = await this.reports.detail(this.reports.load(id));
      job.progress(1, steps);
      await job.yield();
      const pdf = await renderServiceReport(detail, {
        fontFile,
        preparedBy: actor.name,
        generatedAt: this.now(),
        onChapter: async (done) => {
          job.progress(1 + done, steps);
          await job.yield();
        },
      });
      await writeFile(job.filePath, pdf);
      return { fileName: `${fileStem(detail.report.title)}.pdf`, mimeType: 'application/pdf', rows: 1 };
    });
    return { taskId };
  }

  xlsx(id: string): { taskId: string } {
    this.reports.assertAllowed();
    const report = this.reports.load(id);
    const appendix = report.language === 'zh-CN' ? '附录' : 'appendix';
    const taskId = this.jobs.start(`${report.title} ${appendix}`, async (job) => {
      const detail = await this.reports.detail(this.reports.load(id));
      await job.yield();
      const rows = await writeReportAppendix(detail, this.reports.repository, this.reports.periodQuery(detail.report, detail.range), job.filePath, async (done, total) => {
        job.progress(done, total);
        await job.yield();
      });
      return {
        fileName: `${fileStem(detail.report.title)}-${appendix}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        rows,
      };
    });
    return { taskId };
  }
}
