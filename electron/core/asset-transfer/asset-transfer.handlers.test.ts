import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { tempDataDir } from '../testing/fixtures';

async function ok<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('import, export and labels over the API', () => {
  it('imports a file, exports it without credentials, and prints its labels', async () => {
    const core = createCore({ dataDir: tempDataDir(), transport: 'web', vaultKey: randomBytes(32).toString('base64') });
    const events: string[] = [];
    core.onEvent((name) => events.push(name));
    await ok(core.call('profile.save', { name: '测试', role: 'engineer' }));
    const csv = '客户,站点,机房,机柜,U位,设备名称,类型,资产编号,管理IP\n市人民医院,门诊楼,3F 核心机房,A01,U40-U41,核心交换机,交换机,HOS-0001,10.1.1.1\n';
    const file = await ok<{ importId: string; suggestedMapping: (string | null)[] }>(
      core.call('imports.parse', { fileName: '设备.csv', contentBase64: Buffer.from(csv).toString('base64') }),
    );
    const options = { importId: file.importId, mapping: file.suggestedMapping, createLocations: true };
    expect(await ok(core.call('imports.preview', options))).toMatchObject({ valid: 1, wouldCreate: 1, newLocations: expect.any(Array) });
    events.length = 0;
    expect(await ok(core.call('imports.commit', options))).toEqual({ created: 1, updated: 0, skipped: 0, locationsCreated: 4 });
    expect(events).toEqual(['records.changed']);

    const { rows } = await ok<{ rows: { id: string }[] }>(core.call('assets.list', {}));
    const assetId = (rows[0] as { id: string }).id;
    const credential = await ok<{ id: string }>(
      core.call('credentials.create', { name: '核心设备 SSH', spec: { kind: 'ssh-password', settings: { username: 'admin' }, secret: { password: 'S3cret-口令' } } }),
    );
    await ok(core.call('credentials.assign', { id: credential.id, assetIds: [assetId], attach: true }));
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await ok<{ contentBase64: string; rows: number }>(core.call('assets.export', { format, language: 'zh-CN' }));
      const content = Buffer.from(exported.contentBase64, 'base64');
      expect(exported.rows).toBe(1);
      // An XLSX is zipped: read its cells back rather than searching bytes.
      let text = content.toString('utf8');
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(content as unknown as ArrayBuffer);
        text = (workbook.worksheets[0] as ExcelJS.Worksheet).getSheetValues().flat().map(String).join('\n');
      }
      expect(text).toContain('核心交换机');
      for (const secret of ['S3cret-口令', '核心设备 SSH', 'admin']) expect(text).not.toContain(secret);
    }

    const pdf = await ok<{ mimeType: string; contentBase64: string }>(core.call('labels.pdf', { assetIds: [assetId], language: 'zh-CN' }));
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await core.call('labels.pdf', { assetIds: [], language: 'zh-CN' })).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(await core.call('imports.preview', options)).toMatchObject({ ok: false, error: { code: 'import.not-found' } });
    core.close();
  });
});
