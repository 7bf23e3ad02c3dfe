import type { ServiceReportDetail } from '@shared/api/reports.contract';
import type { Language } from '@shared/domain/profile';
import { measureValue, NARRATIVE_KEYS, periodLabel, type FullNarrative, type NarrativeKey } from '@shared/domain/reports';
import { INCIDENT_CATEGORIES } from '@shared/domain/incidents';
import { loadPdfKit } from '../labels/pdfkit-loader';
import { zonedDateTime } from '../incidents/incident-number';
import { DEVICE_DOMAINS, REPORT_MESSAGES } from './report-messages';

const MM = 72 / 25.4;
const MARGIN = 18 * MM;
const GREY = '#555555';
const RULE = '#bbbbbb';
const BAR = '#1565c0';
const MET = '#2e7d32';
const BREACHED = '#d32f2f';

export interface ReportPdfOptions {
  fontFile: string;
  /** Who the cover names as author (the supervisor exporting it). */
  preparedBy: string;
  generatedAt: number;
  /** Called between chapters so a long render can report progress and stop when cancelled. */
  onChapter?: (done: number, total: number) => Promise<void>;
}

/** The paragraphs as printed: the supervisor's text where written, the generated text elsewhere. */
export function printedNarrative(detail: ServiceReportDetail): FullNarrative {
  const out = {} as FullNarrative;
  for (const key of NARRATIVE_KEYS) out[key] = detail.report.narrative[key] ?? detail.defaults[key] ?? '';
  return out;
}

/**
 * The service report as an A4 PDF in the report's language: a cover page
 * (client, title, period, author, date), then the chapters of the ITSS
 * template with summary tables and charts drawn as vector graphics, and
 * "第 n 页 / 共 N 页" on every page but the cover.
 */
export async function renderServiceReport(detail: ServiceReportDetail, options: ReportPdfOptions): Promise<Buffer> {
  const { report, statistics: s, range } = detail;
  const language: Language = report.language;
  const m = REPORT_MESSAGES[language];
  const text = printedNarrative(detail);
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, font: options.fontFile, bufferPages: true, info: { Title: report.title, Author: options.preparedBy, Creator: 'Walkdown' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const day = (ms: number) => zonedDateTime(ms, range.timeZone).slice(0, 10);
  const lastDay = day(range.to - 1);

  // --- Cover ---
  doc.y = doc.page.height * 0.28;
  doc.fontSize(24).fillColor('black').text(report.title, MARGIN, undefined, { width, align: 'center' });
  doc.moveDown(0.6).fontSize(14).fillColor(GREY).text(`${m.periodKinds[report.period.kind]} ${m.coverSubtitle}`, { width, align: 'center' });
  doc.y = doc.page.height * 0.6;
  const coverLine = (label: string, value: string) => {
    doc.fontSize(12).fillColor(GREY).text(`${label}${language === 'zh-CN' ? '：' : ': '}`, MARGIN + width * 0.2, undefined, { continued: true, width: width * 0.6 }).fillColor('black').text(value);
    doc.moveDown(0.4);
  };
  coverLine(m.client, report.clientName);
  coverLine(m.period, periodLabel(report.period, language));
  coverLine(m.periodRange, `${day(range.from)} – ${lastDay}`);
  coverLine(m.supervisor, options.preparedBy);
  coverLine(m.date, zonedDateTime(options.generatedAt, range.timeZone).slice(0, 10));

  // --- Building blocks ---
  let chapterNo = 0;
  let sectionNo = 0;
  const chapter = (title: string) => {
    chapterNo += 1;
    sectionNo = 0;
    if (chapterNo === 1 || doc.y > doc.page.height * 0.55) doc.addPage();
    else doc.moveDown(1.2);
    doc.fontSize(16).fillColor('black').text(m.chapter(chapterNo, title), MARGIN, undefined, { width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).strokeColor(RULE).lineWidth(0.6).stroke();
    doc.moveDown(0.6);
  };
  const section = (title: string) => {
    sectionNo += 1;
    ensure(60);
    doc.moveDown(0.4).fontSize(12.5).fillColor('black').text(`${chapterNo}.${sectionNo} ${title}`, MARGIN, undefined, { width });
    doc.moveDown(0.25);
  };
  const paragraph = (body: string) => {
    for (const line of body.split(/\n+/).filter((l) => l.trim() !== '')) {
      doc.fontSize(10.5).fillColor('black').text(line, MARGIN, undefined, { width, lineGap: 3, indent: language === 'zh-CN' ? 21 : 0 });
      doc.moveDown(0.35);
    }
  };
  const table = (headers: string[], rows: string[][], widths: number[]) => {
    const total = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => (w / total) * width);
    const drawRow = (cells: string[], header: boolean) => {
      doc.fontSize(9.5);
      const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (cols[i] ?? 0) - 8 }))) + 8;
      if (doc.y + height > bottom()) {
        doc.addPage();
        if (!header) drawRow(headers, true);
      }
      const y = doc.y;
      let x = MARGIN;
      if (header) doc.rect(MARGIN, y, width, height).fillColor('#eeeeee').fill();
      cells.forEach((cell, i) => {
        const w = cols[i] ?? 0;
        doc.rect(x, y, w, height).strokeColor(RULE).lineWidth(0.5).stroke();
        doc.fillColor('black').text(cell, x + 4, y + 4, { width: w - 8 });
        x += w;
      });
      doc.x = MARGIN;
      doc.y = y + height;
    };
    drawRow(headers, true);
    for (const row of rows) drawRow(row, false);
    doc.moveDown(0.6);
  };
  /** Horizontal bars, one per label, scaled to the largest value. */
  const barChart = (title: string, bars: { label: string; value: number; colour?: string }[]) => {
    const rowHeight = 16;
    ensure(30 + bars.length * rowHeight);
    doc.fontSize(10).fillColor(GREY).text(title, MARGIN, undefined, { width });
    doc.moveDown(0.2);
    const max = Math.max(1, ...bars.map((b) => b.value));
    const labelWidth = width * 0.22;
    const barWidth = width * 0.65;
    for (const bar of bars) {
      const y = doc.y;
      doc.fontSize(9).fillColor('black').text(bar.label, MARGIN, y + 2, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
      const w = (bar.value / max) * barWidth;
      if (w > 0) doc.rect(MARGIN + labelWidth, y + 2, w, rowHeight - 5).fillColor(bar.colour ?? BAR).fill();
      doc.fontSize(9).fillColor('black').text(String(bar.value), MARGIN + labelWidth + w + 4, y + 2, { lineBreak: false });
      doc.x = MARGIN;
      doc.y = y + rowHeight;
    }
    doc.moveDown(0.5);
  };
  /** Vertical bars over the months of the period. */
  const columnChart = (title: string, columns: { label: string; value: number }[]) => {
    const height = 110;
    ensure(height + 50);
    doc.fontSize(10).fillColor(GREY).text(title, MARGIN, undefined, { width });
    doc.moveDown(0.3);
    const top = doc.y;
    const base = top + height;
    const max = Math.max(1, ...columns.map((c) => c.value));
    const slot = width / Math.max(1, columns.length);
    const barW = Math.min(28, slot * 0.6);
    doc.moveTo(MARGIN, base).lineTo(MARGIN + width, base).strokeColor(RULE).lineWidth(0.6).stroke();
    columns.forEach((column, i) => {
      const h = (column.value / max) * (height - 14);
      const x = MARGIN + i * slot + (slot - barW) / 2;
      if (h > 0) doc.rect(x, base - h, barW, h).fillColor(BAR).fill();
      doc.fontSize(8).fillColor('black').text(String(column.value), x - 6, base - h - 11, { width: barW + 12, align: 'center', lineBreak: false });
      doc.fontSize(7.5).fillColor(GREY).text(column.label, MARGIN + i * slot, base + 3, { width: slot, align: 'center', lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = base + 18;
    doc.moveDown(0.5);
  };
  /** One stacked bar: met vs breached, with the compliance share. */
  const slaChart = () => {
    ensure(70);
    const share = s.sla.compliance === null ? m.notMeasured : m.percent(s.sla.compliance);
    doc.fontSize(10).fillColor(GREY).text(`${m.charts.sla}: ${share}`, MARGIN, undefined, { width });
    doc.moveDown(0.3);
    const y = doc.y;
    const total = s.sla.met + s.sla.breached;
    const barWidth = width * 0.8;
    if (total === 0) {
      doc.rect(MARGIN, y, barWidth, 14).strokeColor(RULE).stroke();
    } else {
      const metW = (s.sla.met / total) * barWidth;
      if (metW > 0) doc.rect(MARGIN, y, metW, 14).fillColor(MET).fill();
      if (barWidth - metW > 0) doc.rect(MARGIN + metW, y, barWidth - metW, 14).fillColor(BREACHED).fill();
    }
    doc.fontSize(8.5).fillColor(MET).text(`■ ${m.charts.met} ${s.sla.met}`, MARGIN, y + 18, { continued: true }).fillColor(BREACHED).text(`    ■ ${m.charts.breached} ${s.sla.breached}`);
    doc.x = MARGIN;
    doc.moveDown(0.8);
  };
  const narrative = (key: NarrativeKey) => paragraph(text[key]);
  const chapters = report.period.kind === 'annual' ? 8 : 7;
  let chaptersDone = 0;
  const step = async () => {
    chaptersDone += 1;
    await options.onChapter?.(chaptersDone, chapters);
  };

  // 1 Overview
  chapter(m.chapters.overview);
  section(m.sections.purpose);
  narrative('purpose');
  section(m.sections.scope);
  narrative('scope');
  section(m.sections.devices);
  const domains = DEVICE_DOMAINS.filter((d) => (detail.devicesByDomain[d] ?? 0) > 0);
  if (domains.length === 0) paragraph(m.noDevices);
  else table([m.table.domain, m.table.devices], domains.map((d) => [m.domains[d], String(detail.devicesByDomain[d] ?? 0)]), [3, 1]);
  await step();

  // 2 Statistics
  chapter(m.chapters.statistics);
  section(m.sections.byCategory);
  narrative('statistics');
  barChart(
    m.charts.byCategory,
    INCIDENT_CATEGORIES.map((category) => ({ label: m.categories[category], value: s.incidents.byCategory[category] ?? 0 })),
  );
  columnChart(m.charts.byMonth, s.incidents.byMonth.map((month) => ({ label: month.month, value: month.count })));
  slaChart();
  section(m.sections.summaryTable);
  table(
    [m.table.category, m.table.count, m.table.detail],
    [
      [m.serviceCategories.rounds, String(s.rounds.done), m.roundsDetail(s.rounds.scheduled, s.rounds.overdue)],
      [m.serviceCategories.incidents, String(s.incidents.total), m.incidentsDetail(s.incidents.resolved, s.incidents.open)],
      [m.serviceCategories.consultations, String(s.consultations), ''],
      [m.serviceCategories.problems, String(s.problems), ''],
      [m.serviceCategories.changes, String(s.changes), m.changesDetail(s.changesImplemented)],
      [m.serviceCategories.drills, String(report.drills), ''],
    ],
    [2, 1, 3],
  );
  await step();

  // 3 Risks
  chapter(m.chapters.risks);
  section(m.sections.availability);
  narrative('availability');
  const measured = s.availability.filter((a) => a.availability !== null).sort((a, b) => (a.availability ?? 0) - (b.availability ?? 0));
  if (measured.length > 0) {
    table([m.table.asset, m.table.checks, m.table.availability], measured.slice(0, 15).map((a) => [a.name, String(a.checks), m.percent(a.availability ?? 0)]), [3, 1, 1]);
  }
  section(m.sections.capacity);
  narrative('capacity');
  section(m.sections.condition);
  narrative('condition');
  if (s.topFaultyAssets.length > 0) table([m.table.asset, m.table.incidents], s.topFaultyAssets.slice(0, 10).map((a) => [a.name, String(a.incidents)]), [4, 1]);
  await step();

  // 4 Typical faults
  chapter(m.chapters.typicalFaults);
  if (report.typicalFaults.length === 0) paragraph(m.fault.none);
  const byId = new Map(detail.candidates.map((c) => [c.id, c]));
  for (const fault of report.typicalFaults) {
    const incident = byId.get(fault.incidentId);
    section(incident ? (language === 'zh-CN' ? `${incident.title}（${incident.number}）` : `${incident.title} (${incident.number})`) : fault.incidentId);
    const labelled = (label: string, body: string) => {
      ensure(36);
      doc.fontSize(10.5).fillColor(GREY).text(label, MARGIN, undefined, { width });
      paragraph(body || '—');
    };
    labelled(m.fault.happened, fault.happened);
    labelled(m.fault.cause, fault.cause);
    labelled(m.fault.fix, fault.fix);
  }
  await step();

  // 5 Plan
  chapter(m.chapters.plan);
  narrative('plan');
  await step();

  // 6 Contract (annual)
  if (report.period.kind === 'annual') {
    chapter(m.chapters.contract);
    narrative('contract');
    if (report.contractItems.length === 0) paragraph(m.noContractItems);
    else {
      table(
        [m.table.item, m.table.commitment, m.table.delivered, m.table.note],
        report.contractItems.map((item) => [item.item, item.commitment, item.measure ? String(measureValue(item.measure, s, report.drills)) : item.delivered, item.note]),
        [2, 3, 1.2, 2],
      );
    }
    await step();
  }

  // 7 Recommendations
  chapter(m.chapters.recommendations);
  const recommendations: [string, NarrativeKey][] = [
    [m.sections.recommendNetwork, 'recommendNetwork'],
    [m.sections.recommendHosts, 'recommendHosts'],
    [m.sections.recommendStorage, 'recommendStorage'],
    [m.sections.recommendDatabase, 'recommendDatabase'],
    [m.sections.recommendMachineRoom, 'recommendMachineRoom'],
  ];
  for (const [title, key] of recommendations) {
    if (!text[key].trim()) continue;
    section(title);
    narrative(key);
  }
  await step();

  // 8 Conclusion
  chapter(m.chapters.conclusion);
  narrative('conclusion');
  ensure(60);
  doc.moveDown(1.5).fontSize(10.5).fillColor('black').text(`${m.supervisor}${language === 'zh-CN' ? '：' : ': '}${options.preparedBy}`, MARGIN, undefined, { width, align: 'right' });
  doc.text(`${m.date}${language === 'zh-CN' ? '：' : ': '}${zonedDateTime(options.generatedAt, range.timeZone).slice(0, 10)}`, { width, align: 'right' });
  await step();

  // Page numbers once the page count is known; the cover carries none.
  const pages = doc.bufferedPageRange();
  for (let i = 1; i < pages.count; i += 1) {
    doc.switchToPage(pages.start + i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8.5).fillColor(GREY).text(m.page(i + 1, pages.count), MARGIN, doc.page.height - MARGIN / 2 - 6, { width, align: 'center', lineBreak: false });
    doc.fontSize(7.5).text(report.title, MARGIN, MARGIN / 2 - 4, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
