import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { acceptType, looksLikeText, sniffContent } from './attachment-type';
import { sampleElf, sampleExe, sampleGif, sampleJpeg, samplePdf, samplePng, sampleXlsx, sampleZip } from './testing/sample-files';

const GBK_LOG = Buffer.from([0xc9, 0xe8, 0xb1, 0xb8, 0xb9, 0xca, 0xd5, 0xcf, 0x0d, 0x0a]); // 设备故障\r\n in GBK

async function accept(fileName: string, bytes: Buffer) {
  return acceptType(fileName, await sniffContent(bytes));
}

async function refusal(fileName: string, bytes: Buffer): Promise<{ code: string; details: unknown }> {
  try {
    await accept(fileName, bytes);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('attachment types: content decides, the name must agree', () => {
  it.each([
    ['photo.jpg', () => sampleJpeg(), 'image/jpeg', 'image'],
    ['photo.JPEG', () => sampleJpeg(), 'image/jpeg', 'image'],
    ['screen.png', () => samplePng(), 'image/png', 'image'],
    ['anim.gif', () => sampleGif(), 'image/gif', 'image'],
    ['report.pdf', async () => samplePdf(), 'application/pdf', 'document'],
    ['巡检记录.xlsx', () => sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'document'],
    ['logs.zip', async () => sampleZip(), 'application/zip', 'archive'],
    ['switch.log', async () => Buffer.from('Nov 27 09:00:01 core-sw %LINK-3-UPDOWN: Interface Gi0/1, changed state to down\n'), 'text/plain', 'text'],
    ['devices.csv', async () => Buffer.from('name,ip\ncore,10.0.0.1\n'), 'text/csv', 'text'],
    ['gbk.txt', async () => GBK_LOG, 'text/plain', 'text'],
    ['running.cfg', async () => Buffer.from('\ufeffsysname HUAWEI\n#\nreturn\n'), 'text/plain', 'text'],
    ['no-extension', () => samplePng(), 'image/png', 'image'],
  ] as const)('accepts %s', async (fileName, make, mimeType, kind) => {
    expect(await accept(fileName, await make())).toEqual({ mimeType, kind });
  });

  it('takes a .xlsx renamed to .zip as the zip it is', async () => {
    expect(await accept('export.zip', await sampleXlsx())).toEqual({ mimeType: 'application/zip', kind: 'archive' });
  });

  it.each([
    ['a PDF named .png', 'scan.png', async () => samplePdf(), { extension: 'png', detected: 'pdf' }],
    ['a JPEG named .png', 'photo.png', () => sampleJpeg(), { extension: 'png', detected: 'jpg' }],
    ['a PNG named .pdf', 'report.pdf', () => samplePng(), { extension: 'pdf', detected: 'png' }],
    ['text named .jpg', 'photo.jpg', async () => Buffer.from('not a photo at all\n'), { extension: 'jpg', detected: 'text' }],
    ['a plain zip named .docx', 'report.docx', async () => sampleZip(), { extension: 'docx', detected: 'zip' }],
    ['unknown binary named .txt', 'notes.txt', async () => Buffer.from([1, 2, 3, 0, 0, 0, 4, 5]), { extension: 'txt', detected: null }],
  ] as const)('refuses %s: attachments.type-mismatch', async (_label, fileName, make, details) => {
    expect(await refusal(fileName, await make())).toEqual({ code: 'attachments.type-mismatch', details });
  });

  it.each([
    ['a program', 'setup.exe', () => sampleExe(), { extension: 'exe', detected: 'exe' }],
    ['a program named .jpg', 'photo.jpg', () => sampleExe(), { extension: 'jpg', detected: 'exe' }],
    ['a Linux program named .log', 'trace.log', () => sampleElf(), { extension: 'log', detected: 'elf' }],
    ['a script', 'fix.sh', () => Buffer.from('#!/bin/sh\nrm -rf /tmp/x\n'), { extension: 'sh', detected: 'text' }],
    ['an image under an unknown name', 'photo.bmpx', () => sampleJpeg(), { extension: 'bmpx', detected: 'jpg' }],
    ['unknown binary without a name', 'blob', () => Buffer.from([1, 2, 3, 0, 0, 0, 4, 5]), { extension: '', detected: null }],
  ] as const)('refuses %s: attachments.unsupported-type', async (_label, fileName, make, details) => {
    expect(await refusal(fileName, await make())).toEqual({ code: 'attachments.unsupported-type', details });
  });

  it('tells text from binary', () => {
    expect(looksLikeText(Buffer.from('MZ is how this log line starts\n'))).toBe(true);
    expect(looksLikeText(Buffer.from('\x1b[31mred\x1b[0m\tok\r\n\f'))).toBe(true);
    expect(looksLikeText(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe(true);
    expect(looksLikeText(Buffer.from([0x41, 0x00, 0x42]))).toBe(false);
    expect(looksLikeText(Buffer.from([0x41, 0x01, 0x02, 0x03, 0x42]))).toBe(false);
    expect(looksLikeText(Buffer.alloc(0))).toBe(false);
  });

  it('keeps text that happens to start with a program signature as text', async () => {
    expect(await accept('mz.txt', Buffer.from('MZ-7F switch room log\n'))).toEqual({ mimeType: 'text/plain', kind: 'text' });
  });
});
