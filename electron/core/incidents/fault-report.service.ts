import type { ExportedFile } from '@shared/api/asset-transfer.contract';
import type { FaultReportFields } from '@shared/domain/incidents';
import type { Language } from '@shared/domain/profile';
import { findLabelFont } from '../labels/label-font';
import { renderFaultReport } from './fault-report-pdf';
import { timeZoneOf, type IncidentSla } from './incident-sla';
import type { IncidentsService } from './incidents.service';

/** The fault report (故障处理报告) of a resolved incident: saved with the incident, printed as PDF. */
export class FaultReportService {
  private fontFile: string | null = null;

  constructor(
    private readonly incidents: IncidentsService,
    private readonly sla: IncidentSla,
    private readonly now: () => number,
  ) {}

  /**
   * Renders first and saves after: a report that cannot be printed is not
   * recorded as given (which would stop the 24 h clock).
   */
  async produce(input: { id: string; fields: FaultReportFields; language: Language }): Promise<ExportedFile> {
    const row = this.incidents.assertReportable(input.id);
    const detail = this.incidents.get(input.id);
    const { incident } = detail;
    this.fontFile ??= findLabelFont();
    const pdf = await renderFaultReport(
      {
        number: incident.number,
        title: incident.title,
        place: detail.place,
        assetNames: detail.assets.map((asset) => asset.name),
        priority: incident.priority,
        systemDown: incident.systemDown,
        reportedAt: incident.reportedAt,
        resolvedAt: incident.resolvedAt,
        reporterName: incident.reporterName,
        assignee: incident.assignee,
        fields: input.fields,
        workaround: incident.resolution?.workaround || incident.workaround,
        timeline: detail.timeline,
        totalMinutes: detail.totalMinutesSpent,
        timeZone: timeZoneOf(this.sla.policyLookup()(row.client_id)),
        generatedAt: this.now(),
      },
      { language: input.language, fontFile: this.fontFile },
    );
    this.incidents.saveFaultReport(input.id, input.fields);
    return { fileName: `fault-report-${incident.number}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64'), rows: 1 };
  }
}
