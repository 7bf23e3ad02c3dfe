import type { IncidentPlace } from '@shared/api/incidents.contract';
import { INCIDENT_CATEGORIES, type FaultReportFields, type IncidentCategory, type IncidentStatus, type PendingReason, type TimelineEntry } from '@shared/domain/incidents';
import type { Language } from '@shared/domain/profile';
import { loadPdfKit } from '../labels/pdfkit-loader';
import { FAULT_REPORT_MESSAGES, type FaultReportMessages } from './fault-report.messages';
import { zonedDateTime } from './incident-number';

/** Everything the report prints, gathered by the service. */
export interface FaultReportContent {
  number: string;
  title: string;
  place: IncidentPlace | null;
  assetNames: string[];
  priority: string;
  systemDown: boolean;
  reportedAt: number;
  resolvedAt: number | null;
  reporterName: string;
  assignee: string;
  fields: FaultReportFields;
  workaround: string;
  timeline: TimelineEntry[];
  totalMinutes: number;
  /** The zone every time is printed in (the client's contract zone). */
  timeZone: string;
  generatedAt: number;
}

const MM = 72 / 25.4;
const MARGIN = 18 * MM;
const GREY = '#555555';

/**
 * The fault report (故障处理报告) the plans ask for after a system-down fault:
 * what it was, where, the fault type, cause, method used and losses, the
 * workaround, the timeline with the work done and the time it took, and lines
 * to sign. A4, flowing onto further pages as the timeline needs; text in the
 * embedded CJK font.
 */
export async function renderFaultReport(content: FaultReportContent, options: { language: Language; fontFile: string }): Promise<Buffer> {
  const m = FAULT_REPORT_MESSAGES[options.language];
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: options.fontFile,
    info: { Title: `${m.title} ${content.number}`, Creator: 'Walkdown' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const sep = options.language === 'zh-CN' ? '：' : ': ';
  const time = (ms: number | null) => (ms === null ? m.none : zonedDateTime(ms, content.timeZone));

  doc.fontSize(18).fillColor('black').text(m.title, { align: 'center', width });
  doc.moveDown(0.2).fontSize(9).fillColor(GREY).text(`${content.number}  ${m.timesIn(content.timeZone)}`, { align: 'center', width });
  doc.moveDown(0.8);

  const field = (label: string, value: string) => {
    doc.fontSize(10).fillColor(GREY).text(`${label}${sep}`, { continued: true }).fillColor('black').text(value || m.none);
    doc.moveDown(0.15);
  };
  field(m.number, content.number);
  field(m.incidentTitle, content.title);
  field(m.client, content.place?.clientName ?? m.none);
  field(m.site, content.place?.siteName ?? m.none);
  field(m.room, content.place?.roomName ?? m.none);
  field(m.assets, content.assetNames.join(options.language === 'zh-CN' ? '、' : ', '));
  field(m.priority, content.priority);
  field(m.systemDown, content.systemDown ? m.yes : m.no);
  field(m.reporter, content.reporterName);
  field(m.assignee, content.assignee);
  field(m.reportedAt, time(content.reportedAt));
  field(m.resolvedAt, time(content.resolvedAt));

  const section = (heading: string, body: string) => {
    doc.moveDown(0.6).fontSize(12).fillColor('black').text(heading, { width });
    doc.moveDown(0.2).fontSize(10).text(body || m.none, { width });
  };
  section(m.faultType, faultTypeText(content.fields.faultType, m));
  section(m.cause, content.fields.cause);
  section(m.method, content.fields.method);
  section(m.losses, content.fields.losses);
  section(m.workaround, content.workaround);

  doc.moveDown(0.6).fontSize(12).fillColor('black').text(m.timeline, { width });
  doc.moveDown(0.2);
  for (const entry of content.timeline) {
    const line = timelineLine(entry, m, sep);
    if (line === null) continue;
    const by = entry.actor ? (options.language === 'zh-CN' ? `（${entry.actor}）` : ` (${entry.actor})`) : '';
    doc.fontSize(9).fillColor(GREY).text(`${time(entry.at)}  `, { continued: true }).fillColor('black').text(`${line}${by}`, { width });
    doc.moveDown(0.1);
  }
  doc.moveDown(0.3).fontSize(10).text(`${m.totalTime}${sep}${m.minutes(content.totalMinutes)}`, { width });

  // Signature lines stay together on one page.
  if (doc.y > doc.page.height - MARGIN - 30 * MM) doc.addPage();
  doc.moveDown(2);
  const y = doc.y;
  const half = width / 2;
  doc.fontSize(10).fillColor('black');
  doc.text(m.engineerSignature, MARGIN, y, { width: half - 10 * MM });
  doc.text(m.clientSignature, MARGIN + half, y, { width: half - 10 * MM });
  const lineY = y + 28;
  doc.moveTo(MARGIN, lineY).lineTo(MARGIN + half - 10 * MM, lineY).moveTo(MARGIN + half, lineY).lineTo(MARGIN + width, lineY).strokeColor(GREY).lineWidth(0.5).stroke();
  doc.text(m.date, MARGIN, lineY + 10, { width: half - 10 * MM });
  doc.text(m.date, MARGIN + half, lineY + 10, { width: half - 10 * MM });
  doc.moveDown(2).fontSize(8).fillColor(GREY).text(m.generated(time(content.generatedAt)), MARGIN, undefined, { width, align: 'right' });

  doc.end();
  return done;
}

/** The draft's fault type is the category key until someone types their own words. */
function faultTypeText(faultType: string, m: FaultReportMessages): string {
  return (INCIDENT_CATEGORIES as readonly string[]).includes(faultType) ? m.categories[faultType as IncidentCategory] : faultType;
}

/** One timeline line of the report; edits and removed evidence are left out (the detail page shows them). */
function timelineLine(entry: TimelineEntry, m: FaultReportMessages, sep: string): string | null {
  const data = entry.data;
  const status = (value: unknown) => m.statuses[value as IncidentStatus] ?? String(value);
  switch (entry.kind) {
    case 'created':
      return `${m.events.created} (${String(data['priority'])})`;
    case 'status': {
      const pending = data['pendingReason'] ? ` — ${m.pendingReasons[data['pendingReason'] as PendingReason]}` : '';
      const note = typeof data['note'] === 'string' && data['note'] ? ` — ${data['note']}` : '';
      const label = data['reopened'] ? m.events.reopened : m.events.status;
      return `${label}${sep}${status(data['from'])} → ${status(data['to'])}${pending}${note}`;
    }
    case 'priority':
      return `${m.events.priority}${sep}${String(data['from'])} → ${String(data['to'])}${data['reason'] ? ` — ${String(data['reason'])}` : ''}`;
    case 'assignee':
      return `${m.events.assignee}${sep}${String(data['from']) || m.none} → ${String(data['to']) || m.none}`;
    case 'workaround':
      return `${m.events.workaround}${sep}${String(data['text'])}`;
    case 'resolution':
      return `${m.events.resolution}${sep}${String(data['method'])}`;
    case 'work-log':
      return `${m.events.workLog} (${m.minutes(Number(data['minutesSpent']))})${sep}${String(data['text'])}`;
    case 'evidence':
      return data['removed'] ? null : `${m.events.evidence}${sep}${String(data['label'])}`;
    case 'fault-report':
      return m.events.faultReport;
    case 'attachment':
      return `${m.events.attachment}${sep}${String(data['fileName'])}`;
    case 'edit':
      return Array.isArray(data['fields']) && data['fields'].includes('systemDown') ? `${m.events.systemDown}${sep}${data['to'] ? m.yes : m.no}` : null;
    default:
      return null;
  }
}
