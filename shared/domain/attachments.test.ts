import { describe, expect, it } from 'vitest';
import { ATTACHMENT_ACCEPT, AttachmentFileName, attachmentKind, cleanFileName, fileExtension } from './attachments';

describe('attachment names', () => {
  it('keeps the last path segment without characters a download cannot carry', () => {
    expect(cleanFileName('C:\\Users\\张工\\Pictures\\机房.jpg')).toBe('机房.jpg');
    expect(cleanFileName('/home/li/日志/switch.log')).toBe('switch.log');
    expect(cleanFileName(' a<b>:c"d|e?f*.txt\u0000 ')).toBe('abcdef.txt');
    expect(cleanFileName('x'.repeat(300))).toHaveLength(255);
    expect(AttachmentFileName.safeParse('folder/').success).toBe(false);
    expect(AttachmentFileName.parse('folder/照片.png')).toBe('照片.png');
  });

  it('reads the extension in lower case, none for dot files and trailing dots', () => {
    expect(fileExtension('Photo.JPG')).toBe('jpg');
    expect(fileExtension('archive.tar.gz')).toBe('gz');
    expect(fileExtension('.bashrc')).toBe('');
    expect(fileExtension('name.')).toBe('');
    expect(fileExtension('README')).toBe('');
  });

  it('names the kind of a stored type and offers every allowed extension once', () => {
    expect(attachmentKind('image/png')).toBe('image');
    expect(attachmentKind('text/csv')).toBe('text');
    expect(attachmentKind('application/vnd.ms-excel')).toBe('document');
    expect(attachmentKind('application/zip')).toBe('archive');
    const offered = ATTACHMENT_ACCEPT.split(',');
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered).toEqual(expect.arrayContaining(['.jpg', '.png', '.heic', '.pdf', '.xlsx', '.docx', '.zip', '.log', '.csv']));
    expect(offered).not.toContain('.exe');
  });
});
