import type { Language } from '@shared/domain/profile';
import type { Outcome } from '@shared/domain/rounds';
import { loadPdfKit } from '../labels/pdfkit-loader';
import { zonedDateTime } from '../incidents/incident-number';
import { ROUNDS_MESSAGES } from './rounds.messages';

/** Everything the report prints, gathered by the report service. */
export interface RoundReportContent {
  templateName: string;
  templateVersion: number;
  place: { client: string; site: string; room: string } | null;
  assetNames: string[];
  engineer: string;
  status: 'in-progress' | 'paused' | 'signed';
  startedAt: number;
  signedAt: number | null;
  signedBy: string | null;
  /** PNG or JPEG bytes of the signature, when it can be drawn. */
  signature: Buffer | null;
  summary: string;
  sections: { title: string; rows: ReportRow[] }[];
  anomalies: ReportRow[];
  incidents: { number: string; title: string; status: string }[];
  photos: { caption: string; image: Buffer }[];
  amendments: { line: string; before: string; after: string }[];
  timeZone: string;
  generatedAt: number;
}

export interface ReportRow {
  label: string;
  asset: string | null;
  reading: string;
  outcome: Outcome | null;
  note: string;
}

const MM = 72 / 25.4;
const MARGIN = 16 * MM;
const GREY = '#555555';
const OUTCOME_COLOURS: Record<Outcome, string> = { ok: '#2e7d32', warning: '#ed6c02', failed: '#d32f2f', 'not-applicable': '#757575' };
const THUMB = 110;

/**
 * One round as an A4 PDF: where, which checklist and version, who and when,
 * the sign-off, every section's readings with their outcome, the anomalies,
 * the incidents raised, photo thumbnails and the amendments. Text in the
 * embedded CJK font, flowing onto further pages.
 */
export async function renderRoundReport(content: RoundReportContent, options: { language: Language; fontFile: string }): Promise<Buffer> {
  const m = ROUNDS_MESSAGES[options.language].report;
  const outcomes = ROUNDS_MESSAGES[options.language].outcomes;
  const statuses = ROUNDS_MESSAGES[options.language].statuses;
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, font: options.fontFile, info: { Title: `${m.title} ${content.templateName}`, Creator: 'Walkdown' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const sep = options.language === 'zh-CN' ? '：' : ': ';
  const time = (ms: number | null) => (ms === null ? m.none : zonedDateTime(ms, content.timeZone));
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.fontSize(18).fillColor('black').text(m.title, { align: 'center', width });
  doc.moveDown(0.2).fontSize(9).fillColor(GREY).text(`${content.templateName} · ${m.version(content.templateVersion)}  ${m.timesIn(content.timeZone)}`, { align: 'center', width });
  doc.moveDown(0.8);

  const field = (label: string, value: string) => {
    doc.fontSize(10).fillColor(GREY).text(`${label}${sep}`, MARGIN, undefined, { continued: true, width }).fillColor('black').text(value || m.none);
    doc.moveDown(0.15);
  };
  if (content.place) {
    field(m.client, content.place.client);
    field(m.site, content.place.site);
    field(m.room, content.place.room);
  }
  if (content.assetNames.length > 0) field(m.assets, content.assetNames.join(options.language === 'zh-CN' ? '、' : ', '));
  field(m.template, `${content.templateName} (${m.version(content.templateVersion)})`);
  field(m.engineer, content.engineer);
  field(m.startedAt, time(content.startedAt));
  field(m.status, statuses[content.status]);
  field(m.signedBy, content.signedBy ?? m.notSigned);
  field(m.signedAt, time(content.signedAt));
  if (content.summary) field(m.summary, content.summary);

  // A heading stays on the page of what follows it.
  const heading = (text: string, keepWith = 40) => {
    ensure(keepWith);
    doc.moveDown(0.6).fontSize(12).fillColor('black').text(text, MARGIN, undefined, { width });
    doc.moveDown(0.2);
  };
  // A row: the item (and device) on the left, the reading and its outcome on the right, the note under it.
  const labelWidth = width * 0.55;
  const readingX = MARGIN + labelWidth + 6;
  const readingWidth = width * 0.3;
  const outcomeX = readingX + readingWidth + 4;
  const outcomeWidth = width - (outcomeX - MARGIN);
  const row = (r: ReportRow) => {
    const label = r.asset ? `${r.label} · ${r.asset}` : r.label;
    doc.fontSize(9);
    const height = Math.max(doc.heightOfString(label, { width: labelWidth }), doc.heightOfString(r.reading || ' ', { width: readingWidth }));
    const noteHeight = r.note ? doc.fontSize(8).heightOfString(r.note, { width: width - 12 }) + 2 : 0;
    ensure(height + noteHeight + 4);
    const y = doc.y;
    doc.fontSize(9).fillColor('black').text(label, MARGIN, y, { width: labelWidth });
    doc.text(r.reading, readingX, y, { width: readingWidth });
    if (r.outcome) doc.fillColor(OUTCOME_COLOURS[r.outcome]).text(outcomes[r.outcome], outcomeX, y, { width: outcomeWidth });
    doc.x = MARGIN;
    doc.y = y + height + 1;
    if (r.note) doc.fontSize(8).fillColor(GREY).text(r.note, MARGIN + 12, doc.y, { width: width - 12 });
    doc.x = MARGIN;
    doc.moveDown(0.25);
  };

  for (const section of content.sections) {
    if (section.rows.length === 0) continue;
    heading(section.title);
    for (const r of section.rows) row(r);
  }

  heading(m.anomalies);
  if (content.anomalies.length === 0) doc.fontSize(9).fillColor('black').text(m.noAnomalies, MARGIN, undefined, { width });
  for (const r of content.anomalies) row(r);

  heading(m.incidents);
  if (content.incidents.length === 0) doc.fontSize(9).fillColor('black').text(m.noIncidents, MARGIN, undefined, { width });
  for (const incident of content.incidents) doc.fontSize(9).fillColor('black').text(`${incident.number}  ${incident.title}`, MARGIN, undefined, { width });

  if (content.photos.length > 0) {
    heading(m.photos, THUMB + 60);
    const perRow = Math.max(1, Math.floor(width / (THUMB + 8)));
    for (let i = 0; i < content.photos.length; i += perRow) {
      ensure(THUMB + 24);
      const y = doc.y;
      content.photos.slice(i, i + perRow).forEach((photo, j) => {
        const x = MARGIN + j * (THUMB + 8);
        try {
          doc.image(photo.image, x, y, { fit: [THUMB, THUMB] });
        } catch {
          // A thumbnail pdfkit cannot draw (a GIF) is left out; its caption stays.
        }
        doc.fontSize(7).fillColor(GREY).text(photo.caption, x, y + THUMB + 2, { width: THUMB, height: 18, ellipsis: true });
      });
      doc.x = MARGIN;
      doc.y = y + THUMB + 22;
    }
  }

  if (content.amendments.length > 0) {
    heading(m.amendments);
    for (const a of content.amendments) {
      ensure(36);
      doc.fontSize(9).fillColor('black').text(a.line, MARGIN, undefined, { width });
      doc.fontSize(8).fillColor(GREY).text(`${a.before} → ${a.after}`, MARGIN + 12, undefined, { width: width - 12 });
      doc.moveDown(0.2);
    }
  }

  if (content.signature) {
    ensure(90);
    doc.moveDown(0.8).fontSize(10).fillColor('black').text(`${m.signature}${sep}${content.signedBy ?? ''}`, MARGIN, undefined, { width });
    try {
      doc.image(content.signature, MARGIN, doc.y + 4, { fit: [160, 60] });
      doc.y += 68;
    } catch {
      // Not drawable: the name above stands.
    }
  }
  doc.x = MARGIN;
  doc.moveDown(1).fontSize(8).fillColor(GREY).text(m.generated(time(content.generatedAt)), MARGIN, undefined, { width, align: 'right' });
  doc.end();
  return done;
}
