import { crc32 } from 'node:zlib';
import { createJimp } from '@jimp/core';
import gif from '@jimp/js-gif';
import jpeg from '@jimp/js-jpeg';
import png from '@jimp/js-png';
import ExcelJS from 'exceljs';

/**
 * Real files for the attachment tests, made on the spot: images by the same
 * codecs the thumbnails use, an XLSX by exceljs, a zip and a PDF by hand.
 */
const Jimp = createJimp({ formats: [jpeg, png, gif] });

/** A gradient, so encoders cannot collapse it and two sizes never share bytes. */
function gradient(width: number, height: number) {
  const image = new Jimp({ width, height, color: 0xffffffff });
  image.scan(0, 0, width, height, (x, y, index) => {
    image.bitmap.data[index] = (x * 255) / width;
    image.bitmap.data[index + 1] = (y * 255) / height;
    image.bitmap.data[index + 2] = 128;
    image.bitmap.data[index + 3] = 255;
  });
  return image;
}

export async function samplePng(width = 64, height = 48): Promise<Buffer> {
  return gradient(width, height).getBuffer('image/png');
}

export async function sampleJpeg(width = 64, height = 48): Promise<Buffer> {
  return gradient(width, height).getBuffer('image/jpeg', { quality: 90 });
}

export async function sampleGif(width = 16, height = 16): Promise<Buffer> {
  return gradient(width, height).getBuffer('image/gif');
}

export async function decodedSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  const image = await Jimp.fromBuffer(bytes);
  return { width: image.width, height: image.height };
}

/** The smallest PDF readers open: one empty page. */
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

export async function sampleXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('巡检').addRow(['设备', '状态']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip archive with stored (uncompressed) entries. */
export function sampleZip(entries: Record<string, string> = { 'readme.txt': 'hello' }): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The start of a Windows program: the MZ header and the PE signature it points to. */
export function sampleExe(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

export function sampleElf(): Buffer {
  const bytes = Buffer.alloc(64);
  bytes.write('\x7fELF', 0, 'latin1');
  bytes[4] = 2;
  return bytes;
}
