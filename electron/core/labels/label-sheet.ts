import QRCode from 'qrcode';
import type { Language } from '@shared/domain/profile';
import { loadPdfKit } from './pdfkit-loader';

export type LabelLayout = 'a4-3x8' | 'a4-4x10' | 'a4-2x5';

export interface Label {
  /** What the QR code holds: the asset tag, or the asset id when there is none. */
  code: string;
  /** The tag printed beside the code (empty when there is none). */
  tag: string;
  name: string;
  /** Where the device sits, small, under the name. */
  place: string;
}

const MM = 72 / 25.4;
const NO_TAG: Record<Language, string> = { 'zh-CN': '无资产编号', en: 'No asset tag' };
const A4 = { width: 210, height: 297 };

/**
 * The common self-adhesive A4 sheets (70 × 37 mm in 3 × 8, 52.5 × 29.7 mm in
 * 4 × 10, 105 × 59.4 mm in 2 × 5), in millimetres, centred on the page.
 * Type sizes in points, chosen so a tag stays readable from arm's length.
 */
export const LAYOUTS: Record<LabelLayout, { columns: number; rows: number; width: number; height: number; tagPt: number; namePt: number; placePt: number }> = {
  'a4-3x8': { columns: 3, rows: 8, width: 70, height: 37, tagPt: 11, namePt: 8.5, placePt: 6.5 },
  'a4-4x10': { columns: 4, rows: 10, width: 52.5, height: 29.7, tagPt: 9, namePt: 7, placePt: 5.5 },
  'a4-2x5': { columns: 2, rows: 5, width: 105, height: 59.4, tagPt: 16, namePt: 12, placePt: 9 },
};

/**
 * A PDF of QR labels, one per asset, row by row across as many pages as it
 * takes. QR codes are drawn as vector squares (sharp on any printer, and
 * small); text is set in the embedded CJK font, subset to the characters used.
 */
export async function labelSheet(labels: readonly Label[], layout: LabelLayout, options: { fontFile: string; language: Language }): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const grid = LAYOUTS[layout];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    // The embedded font from the start: pdfkit would otherwise load Helvetica from its own folder.
    font: options.fontFile,
    info: { Title: options.language === 'zh-CN' ? '资产标签' : 'Asset labels', Creator: 'Walkdown' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const perPage = grid.columns * grid.rows;
  const left = ((A4.width - grid.columns * grid.width) / 2) * MM;
  const top = ((A4.height - grid.rows * grid.height) / 2) * MM;
  labels.forEach((label, i) => {
    const slot = i % perPage;
    if (slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const x = left + (slot % grid.columns) * grid.width * MM;
    const y = top + Math.floor(slot / grid.columns) * grid.height * MM;
    drawLabel(doc, label, x, y, grid, options.language);
  });
  doc.end();
  return done;
}

type Doc = InstanceType<Awaited<ReturnType<typeof loadPdfKit>>>;

function drawLabel(doc: Doc, label: Label, x: number, y: number, grid: (typeof LAYOUTS)[LabelLayout], language: Language): void {
  const width = grid.width * MM;
  const height = grid.height * MM;
  const pad = Math.min(3 * MM, height * 0.09);
  const qrSide = height - 2 * pad;
  drawQr(doc, label.code, x + pad, y + pad, qrSide);

  const textX = x + pad + qrSide + 2 * MM;
  const textWidth = width - (textX - x) - pad;
  let cursor = y + pad;
  if (label.tag) {
    const tagPt = fitSize(doc, label.tag, grid.tagPt, textWidth);
    doc.fillColor('black').fontSize(tagPt).text(label.tag, textX, cursor, { width: textWidth, height: tagPt * 1.3, lineBreak: false, ellipsis: true });
    cursor += Math.max(tagPt, grid.namePt) * 1.45;
  } else {
    // The code holds the asset id, which means nothing to a reader: say there is no tag instead.
    doc.fillColor('#555555').fontSize(grid.placePt).text(NO_TAG[language], textX, cursor, { width: textWidth, height: grid.placePt * 1.3, lineBreak: false, ellipsis: true });
    cursor += grid.placePt * 1.6;
  }

  const placeHeight = label.place ? grid.placePt * 1.4 : 0;
  const nameHeight = y + height - pad - placeHeight - cursor;
  if (nameHeight > grid.namePt) {
    doc.fillColor('black').fontSize(grid.namePt).text(label.name, textX, cursor, { width: textWidth, height: nameHeight, ellipsis: true, lineGap: 0 });
  }
  if (label.place) {
    doc
      .fillColor('#555555')
      .fontSize(grid.placePt)
      .text(label.place, textX, y + height - pad - placeHeight, { width: textWidth, height: placeHeight, ellipsis: true, lineBreak: false });
  }
}

/** The largest size up to `size` at which `text` fits on one line (but not below 5 pt, where print blurs). */
function fitSize(doc: Doc, text: string, size: number, width: number): number {
  doc.fontSize(size);
  const natural = doc.widthOfString(text);
  return natural <= width ? size : Math.max(5, (size * width) / natural);
}

/**
 * One filled path of dark modules, merged into horizontal runs: a 33 × 33
 * code is a few hundred rectangles rather than a thousand. Medium error
 * correction survives a scuffed label; the quiet zone is the label's margin.
 */
function drawQr(doc: Doc, text: string, x: number, y: number, side: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 1;
  const cell = side / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row++) {
    let run = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col);
      if (dark && run < 0) run = col;
      else if (!dark && run >= 0) {
        doc.rect(x + (quiet + run) * cell, y + (quiet + row) * cell, (col - run) * cell, cell);
        run = -1;
      }
    }
  }
  doc.fillColor('black').fill();
}
