import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import { AssetsService } from '../assets/assets.service';
import { ImportOptions, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportOptions as Options } from '@shared/domain/asset-import';
import { transferFixture, xlsxOf } from './asset-transfer.fixture';

const options = (importId: string, mapping: Options['mapping'], extra: Partial<Options> = {}): Options => ImportOptions.parse({ importId, mapping, ...extra });

/** Staged with the suggested mapping, as the UI offers it. */
async function staged(fixture: Awaited<ReturnType<typeof transferFixture>>, content: string | Buffer, fileName?: string) {
  const file = await fixture.parse(content, fileName);
  return { file, with: (extra: Partial<Options> = {}) => options(file.importId, file.suggestedMapping, extra) };
}

describe('imports.parse: reading what clients hand over', () => {
  it('reads UTF-8 CSV and maps Chinese headers', async () => {
    const fixture = await transferFixture();
    const file = await fixture.parse('设备名称,类型,厂商,型号,序列号,资产编号,管理IP,机房,机柜,U位,备注,采购人\n核心交换机,交换机,华为,S12700,2102351,HOS-0001,10.1.1.1,3F 核心机房,A01,U40-U41,主用,王五\n');
    expect(file).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      headers: ['设备名称', '类型', '厂商', '型号', '序列号', '资产编号', '管理IP', '机房', '机柜', 'U位', '备注', '采购人'],
      rowCount: 1,
      sample: [['核心交换机', '交换机', '华为', 'S12700', '2102351', 'HOS-0001', '10.1.1.1', '3F 核心机房', 'A01', 'U40-U41', '主用', '王五']],
      suggestedMapping: ['name', 'type', 'vendor', 'model', 'serialNumber', 'assetTag', 'managementIps', 'room', 'rack', 'rackUStart', 'notes', null],
    });
  });

  it('reads UTF-8 with a BOM (Excel "CSV UTF-8") and leaves the BOM out of the first header', async () => {
    const fixture = await transferFixture();
    const file = await fixture.parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('名称,设备类型\r\n接入交换机,switch\r\n')]));
    expect(file).toMatchObject({ encoding: 'utf-8-bom', headers: ['名称', '设备类型'], suggestedMapping: ['name', 'type'], sample: [['接入交换机', 'switch']] });
  });

  it('reads GBK and GB18030 bytes (Excel "CSV" on Chinese Windows)', async () => {
    const fixture = await transferFixture();
    const gbk = await fixture.parse(iconv.encode('设备名称;类型;厂商\n核心交换机;交换机;华为\n', 'gbk'));
    expect(gbk).toMatchObject({ encoding: 'gb18030', headers: ['设备名称', '类型', '厂商'], sample: [['核心交换机', '交换机', '华为']] });
    // 㐀 is beyond GBK: four bytes in GB18030.
    const gb18030 = await fixture.parse(iconv.encode('名称\t类型\n数据库服务器㐀\t服务器\n', 'gb18030'));
    expect(gb18030).toMatchObject({ encoding: 'gb18030', sample: [['数据库服务器㐀', '服务器']] });
  });

  it('reads XLSX: first sheet with data, header below blank rows, rich text, formulas, dates, serial numbers', async () => {
    const fixture = await transferFixture();
    const bytes = await xlsxOf(
      [
        [],
        ['Name', 'Device type', 'Manufacturer', 'S/N', 'Asset tag', 'Management IP', 'Purchase date', 'Warranty end', 'Room', 'Rack', 'U position', 'Height (U)'],
        [
          'Core switch',
          'Switch',
          { richText: [{ text: 'Hua' }, { font: { bold: true }, text: 'wei' }] },
          'SN-X1',
          { formula: '"HOS-"&"0009"', result: 'HOS-0009' },
          '10.0.0.9\n10.0.0.10',
          new Date(Date.UTC(2024, 4, 1)),
          45658,
          '3F 核心机房',
          'A01',
          'U10-U11',
          null,
        ],
      ],
      { blankFirstSheet: true },
    );
    const file = await fixture.parse(bytes, '设备清单.xlsx');
    expect(file).toMatchObject({
      format: 'xlsx',
      encoding: null,
      rowCount: 1,
      suggestedMapping: ['name', 'type', 'vendor', 'serialNumber', 'assetTag', 'managementIps', 'purchaseDate', 'warrantyEnd', 'room', 'rack', 'rackUStart', 'rackUHeight'],
    });
    expect(file.sample[0]?.slice(0, 8)).toEqual(['Core switch', 'Switch', 'Huawei', 'SN-X1', 'HOS-0009', '10.0.0.9\n10.0.0.10', '2024-05-01', '45658']);
    const report = fixture.imports.preview(options(file.importId, file.suggestedMapping));
    expect(report).toMatchObject({ problems: [], valid: 1, wouldCreate: 1 });
    expect(fixture.imports.commit(options(file.importId, file.suggestedMapping))).toEqual({ created: 1, updated: 0, skipped: 0, locationsCreated: 0 });
    expect(fixture.all()[0]).toMatchObject({
      name: 'Core switch',
      type: 'switch',
      vendor: 'Huawei',
      assetTag: 'HOS-0009',
      managementIps: ['10.0.0.9', '10.0.0.10'],
      purchaseDate: '2024-05-01',
      warrantyEnd: '2025-01-01',
      rackId: fixture.rack.id,
      rackUStart: 10,
      rackUHeight: 2,
    });
  });

  it('finds the header in English and Chinese variants, and leaves unknown columns to the user', async () => {
    const fixture = await transferFixture();
    const file = await fixture.parse('\n\nDevice name,Type,Vendor,Serial,Tag,IP address,Owner,Contact,Warranty,Site,Machine room,Cabinet,Start U,Units,Firmware,Patch,Remarks,Client,Colour\nx,server\n');
    expect(file.suggestedMapping).toEqual([
      'name',
      'type',
      'vendor',
      'serialNumber',
      'assetTag',
      'managementIps',
      'owner',
      'contact',
      'warrantyEnd',
      'site',
      'room',
      'rack',
      'rackUStart',
      'rackUHeight',
      'version',
      'patchLevel',
      'notes',
      'client',
      null,
    ]);
    const chinese = await fixture.parse('资产名称,设备类型,品牌,规格型号,S/N,资产标签,使用状态,负责人,联系电话,购置日期,维保到期,管理IP地址,软件版本,补丁版本,说明,单位,院区,机房名称,机柜号,起始U,占用U\nx,server\n');
    expect(chinese.suggestedMapping.every((field) => field !== null)).toBe(true);
  });

  it('refuses broken quotes with the row and column of the problem', async () => {
    const fixture = await transferFixture();
    await expect(fixture.parse('名称,类型,备注\n交换机A,交换机,正常\n交换机B,交换机,"机柜 A01 下方\n交换机C,交换机,x\n')).rejects.toMatchObject({
      code: 'import.unreadable',
      details: { row: 3, column: 3 },
    });
  });

  it('refuses what is not CSV or XLSX, and text it cannot decode, with a clear reason', async () => {
    const fixture = await transferFixture();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t类型\r\n核心\t交换机\r\n', 'utf16le')]);
    await expect(fixture.parse(utf16, 'unicode.txt')).rejects.toMatchObject({ code: 'import.unsupported-format', details: { detected: 'utf-16le' } });
    await expect(fixture.parse(Buffer.from('名称\t类型\r\n', 'utf16le'))).rejects.toMatchObject({ code: 'import.unsupported-format', details: { detected: 'binary' } });
    await expect(fixture.parse(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls')).rejects.toMatchObject({
      code: 'import.unsupported-format',
      details: { detected: 'xls' },
    });
    await expect(fixture.parse('%PDF-1.7\n%\xe2\xe3\n', 'scan.csv')).rejects.toMatchObject({ code: 'import.unsupported-format', details: { detected: 'pdf' } });
    const garbage = Buffer.concat([Buffer.from('name,type\nA,server\nB,'), Buffer.from([0xff, 0x30, 0xff]), Buffer.from('\n')]);
    await expect(fixture.parse(garbage)).rejects.toMatchObject({ code: 'import.unreadable', details: { line: 3 } });
    await expect(fixture.parse(Buffer.from('PK\x03\x04 not really a workbook'), 'broken.xlsx')).rejects.toMatchObject({ code: 'import.unreadable' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const fixture = await transferFixture();
    const huge = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    await expect(fixture.parse(huge)).rejects.toMatchObject({ code: 'import.too-large', details: { maxBytes: MAX_IMPORT_BYTES } });
  });

  it('refuses an empty file and a file with only a header', async () => {
    const fixture = await transferFixture();
    await expect(fixture.imports.parse({ fileName: 'empty.csv', contentBase64: '' })).rejects.toMatchObject({ code: 'import.empty' });
    await expect(fixture.parse('\r\n\r\n  \r\n')).rejects.toMatchObject({ code: 'import.empty' });
    await expect(fixture.parse('设备名称,类型\r\n')).rejects.toMatchObject({ code: 'import.empty', details: { headerLine: 1 } });
    await expect(fixture.parse(await xlsxOf([['设备名称', '类型']]), 'a.xlsx')).rejects.toMatchObject({ code: 'import.empty' });
  });

  it(`takes ${MAX_IMPORT_ROWS} rows and refuses 200,000 at the first row too many`, async () => {
    const fixture = await transferFixture();
    const lines = (n: number) => `名称,类型\n${Array.from({ length: n }, (_, i) => `设备-${i},服务器`).join('\n')}\n`;
    expect((await fixture.parse(lines(MAX_IMPORT_ROWS))).rowCount).toBe(MAX_IMPORT_ROWS);
    await expect(fixture.parse(lines(200_000))).rejects.toMatchObject({ code: 'import.too-many-rows', details: { maxRows: MAX_IMPORT_ROWS } });
  });

  it('forgets a staged file after an hour unused, when discarded, and when too many are staged', async () => {
    const fixture = await transferFixture();
    const first = await fixture.parse('名称,类型\na,server\n');
    fixture.clock.advance(59 * 60_000);
    expect(fixture.imports.preview(options(first.importId, first.suggestedMapping)).rowCount).toBe(1);
    fixture.clock.advance(61 * 60_000);
    expect(() => fixture.imports.preview(options(first.importId, first.suggestedMapping))).toThrow(expect.objectContaining({ code: 'import.not-found' }));
    const files: { importId: string }[] = [];
    for (let i = 0; i < 5; i++) files.push(await fixture.parse(`名称,类型\nd${i},server\n`));
    expect(() => fixture.imports.preview(options(files[0]!.importId, ['name', 'type']))).toThrow(expect.objectContaining({ code: 'import.not-found' }));
    const last = files[4]!;
    fixture.imports.discard({ importId: last.importId });
    expect(() => fixture.imports.editCell({ importId: last.importId, row: 2, column: 1, value: 'x' })).toThrow(expect.objectContaining({ code: 'import.not-found' }));
  });
});

describe('imports.preview: a dry run that writes nothing', () => {
  it('names the exact row, column and header of each bad cell', async () => {
    const fixture = await transferFixture();
    const { with: opts } = await staged(
      fixture,
      ['设备名称,类型,管理IP,购买日期,状态', '核心交换机,交换机,"10.0.0.1, 10.0.0.2",2024/5/1,在用', '坏地址,服务器,10.0.0.300,,', '坏日期,服务器,,2024-13-01,', '未知类型,打印机,,,', ',服务器,,,', '无类型,,,,报废了吗'].join('\n'),
    );
    const outboxBefore = fixture.count('SELECT count(*) AS n FROM outbox');
    const report = fixture.imports.preview(opts());
    expect(report).toMatchObject({ rowCount: 6, valid: 1, wouldCreate: 6, problemsTruncated: false });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 3, column: 3, header: '管理IP', field: 'managementIps', code: 'import.cell-invalid', message: expect.stringContaining('10.0.0.300') }),
      expect.objectContaining({ row: 4, column: 4, header: '购买日期', field: 'purchaseDate', code: 'import.cell-invalid', message: expect.stringContaining('2024-13-01') }),
      expect.objectContaining({ row: 5, column: 2, header: '类型', field: 'type', code: 'import.cell-invalid', message: expect.stringContaining('打印机') }),
      expect.objectContaining({ row: 6, column: 1, header: '设备名称', field: 'name', code: 'import.cell-required' }),
      expect.objectContaining({ row: 7, column: 2, header: '类型', field: 'type', code: 'import.cell-required' }),
      expect.objectContaining({ row: 7, column: 5, header: '状态', field: 'status', code: 'import.cell-invalid' }),
    ]);
    expect(fixture.count('SELECT count(*) AS n FROM assets')).toBe(0);
    expect(fixture.count('SELECT count(*) AS n FROM outbox')).toBe(outboxBefore);
  });

  it('reads the words, ranges, lists and dates sheets use', async () => {
    const fixture = await transferFixture();
    const { with: opts } = await staged(
      fixture,
      [
        '名称,类型,状态,管理IP,购买日期,保修截止,机柜,U位,高度(U)',
        'UPS-1,不间断电源,备用,10.0.0.1;10.0.0.2 / 10.0.0.3,2024.5.1,45658,A01,U1-U4,',
        '精密空调,精密空调,In use,,2023年12月31日,2026/1/2,A01,10,3U',
        '温湿度,温湿度传感器,故障,"fe80::1\n10.0.0.4",,,A01,U20,',
        'DB,数据库,退役,,,,,,',
      ].join('\n'),
    );
    expect(fixture.imports.preview(opts()).problems).toEqual([]);
    fixture.imports.commit(opts());
    const byName = Object.fromEntries(fixture.all().map((asset) => [asset.name, asset]));
    expect(byName['UPS-1']).toMatchObject({ type: 'ups', status: 'spare', managementIps: ['10.0.0.1', '10.0.0.2', '10.0.0.3'], purchaseDate: '2024-05-01', warrantyEnd: '2025-01-01', rackUStart: 1, rackUHeight: 4 });
    expect(byName['精密空调']).toMatchObject({ type: 'air-conditioner', status: 'in-use', purchaseDate: '2023-12-31', warrantyEnd: '2026-01-02', rackUStart: 10, rackUHeight: 3 });
    expect(byName['温湿度']).toMatchObject({ type: 'environment-sensor', status: 'faulty', managementIps: ['fe80::1', '10.0.0.4'], rackUStart: 20, rackUHeight: 1 });
    expect(byName['DB']).toMatchObject({ type: 'database', status: 'retired' });
  });

  it('refuses a mapping without name or type before looking at rows', async () => {
    const fixture = await transferFixture();
    const file = await fixture.parse('名称,备注\nA,x\n');
    expect(() => fixture.imports.preview(options(file.importId, file.suggestedMapping))).toThrow(
      expect.objectContaining({ code: 'import.missing-columns', details: expect.objectContaining({ missing: ['type'] }) }),
    );
    expect(() => fixture.imports.preview(options(file.importId, ['name', 'name']))).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
  });

  it('flags rows that repeat a serial, tag or address of a row above', async () => {
    const fixture = await transferFixture();
    const { with: opts } = await staged(
      fixture,
      ['名称,类型,序列号,资产编号,管理IP', 'A,server,SN1,T-1,2001:db8::1', 'B,server,SN1,t-1,', 'C,server,SN3,,2001:DB8:0::1', 'D,server,SN4,,10.0.0.1 10.0.0.1'].join('\n'),
    );
    expect(fixture.imports.preview(opts()).problems).toEqual([
      expect.objectContaining({ row: 3, column: 3, code: 'import.duplicate-in-file', message: 'Same serial number SN1 as row 2' }),
      expect.objectContaining({ row: 3, column: 4, code: 'import.duplicate-in-file', message: 'Same asset tag t-1 as row 2' }),
      expect.objectContaining({ row: 4, column: 5, code: 'import.duplicate-in-file', message: 'Same management IP 2001:DB8:0::1 as row 2' }),
    ]);
  });

  it('checks rack units against the register and against rows above', async () => {
    const fixture = await transferFixture();
    fixture.create({ type: 'server', name: 'DB-01', rackId: fixture.rack.id, rackUStart: 10, rackUHeight: 2 });
    const { with: opts } = await staged(
      fixture,
      [
        '名称,类型,机房,机柜,U位',
        'A,server,3F 核心机房,A01,U11',
        'B,server,3f 核心机房,a01,20-21',
        'C,server,3F 核心机房,A01,21',
        'D,server,3F 核心机房,A01,U41-U44',
        'E,操作系统,3F 核心机房,,',
        'F,server,,A01,30',
        'G,server,,,U5',
      ].join('\n'),
    );
    expect(fixture.imports.preview(opts()).problems).toEqual([
      expect.objectContaining({ row: 2, column: 5, code: 'import.rack-range-taken', message: 'U11–U11 is taken by DB-01' }),
      expect.objectContaining({ row: 4, column: 5, code: 'import.rack-range-taken', message: 'U21–U21 is also taken by row 3 (B)' }),
      expect.objectContaining({ row: 5, column: 5, code: 'import.cell-invalid', message: 'U41–U44 does not fit in a 42 U rack' }),
      expect.objectContaining({ row: 6, column: 3, header: '机房', code: 'import.cell-invalid', message: expect.stringContaining('Software') }),
      expect.objectContaining({ row: 8, column: 5, code: 'import.cell-invalid', message: expect.stringContaining('rack placement') }),
    ]);
  });

  it('reports missing locations, or plans them when asked to create them', async () => {
    const fixture = await transferFixture();
    const { with: opts } = await staged(
      fixture,
      ['客户,站点,机房,机柜,名称,类型,U位', '新医院,急诊楼,1F 机房,B01,SW-1,交换机,U5', '新医院,急诊楼,1F 机房,B01,SW-2,交换机,U6', '市人民医院,门诊楼,4F 机房,,AC-1,空调,', ',,不存在的机房,,X,server,'].join(
        '\n',
      ),
    );
    expect(fixture.imports.preview(opts()).problems).toEqual([
      expect.objectContaining({ row: 2, column: 1, header: '客户', code: 'import.location-missing' }),
      expect.objectContaining({ row: 3, column: 1, code: 'import.location-missing' }),
      expect.objectContaining({ row: 4, column: 3, header: '机房', code: 'import.location-missing' }),
      expect.objectContaining({ row: 5, column: 3, code: 'import.location-missing' }),
    ]);
    const report = fixture.imports.preview(opts({ createLocations: true }));
    expect(report.newLocations).toEqual([
      { kind: 'client', path: ['新医院'] },
      { kind: 'site', path: ['新医院', '急诊楼'] },
      { kind: 'room', path: ['新医院', '急诊楼', '1F 机房'] },
      { kind: 'rack', path: ['新医院', '急诊楼', '1F 机房', 'B01'] },
      { kind: 'room', path: ['市人民医院', '门诊楼', '4F 机房'] },
    ]);
    // A room whose site and client the file does not name is never guessed.
    expect(report.problems).toEqual([expect.objectContaining({ row: 5, column: 3, code: 'import.location-missing', message: expect.stringContaining('must name every level') })]);
  });
});

describe('imports.commit: all rows or none', () => {
  it('creates locations and assets in one transaction and one change event', async () => {
    const fixture = await transferFixture();
    const { with: opts } = await staged(fixture, ['客户,站点,机房,机柜,名称,类型,U位', '新医院,急诊楼,1F 机房,B01,SW-1,交换机,U5', '新医院,急诊楼,1F 机房,B01,SW-2,交换机,U6'].join('\n'));
    expect(fixture.imports.commit(opts({ createLocations: true }))).toEqual({ created: 2, updated: 0, skipped: 0, locationsCreated: 4 });
    expect(fixture.all().map((asset) => [asset.name, asset.location.clientName, asset.location.rackName, asset.rackUStart])).toEqual([
      ['SW-1', '新医院', 'B01', 5],
      ['SW-2', '新医院', 'B01', 6],
    ]);
    expect(fixture.changes).toEqual([expect.arrayContaining(['asset', 'client', 'site', 'room', 'rack'])]);
    // Each asset and location reaches the server like any other edit.
    expect(fixture.count("SELECT count(*) AS n FROM outbox WHERE entity = 'asset'")).toBe(2);
  });

  it('writes nothing when the last row is bad: no assets, no locations, no outbox entries, no event', async () => {
    const fixture = await transferFixture();
    const rows = Array.from({ length: 50 }, (_, i) => `新医院,急诊楼,1F 机房,SW-${i},交换机,10.9.0.${i + 1}`);
    const { with: opts } = await staged(fixture, ['客户,站点,机房,名称,类型,管理IP', ...rows, '新医院,急诊楼,1F 机房,坏的,交换机,10.9.0.256'].join('\n'));
    const before = { outbox: fixture.count('SELECT count(*) AS n FROM outbox'), clients: fixture.count('SELECT count(*) AS n FROM clients'), audit: fixture.count('SELECT count(*) AS n FROM audit_log') };
    let error: unknown;
    try {
      fixture.imports.commit(opts({ createLocations: true }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'import.invalid-rows',
      details: { problemsTruncated: false, problems: [expect.objectContaining({ row: 52, column: 6, header: '管理IP', code: 'import.cell-invalid' })] },
    });
    expect(fixture.count('SELECT count(*) AS n FROM assets')).toBe(0);
    expect(fixture.count('SELECT count(*) AS n FROM outbox')).toBe(before.outbox);
    expect(fixture.count('SELECT count(*) AS n FROM audit_log')).toBe(before.audit);
    expect(fixture.count('SELECT count(*) AS n FROM clients')).toBe(before.clients);
    expect(fixture.changes).toEqual([]);
  });

  it('reports a row the service refuses inside the transaction like any other problem, and rolls everything back', async () => {
    const fixture = await transferFixture();
    const { with: opts } = await staged(fixture, ['名称,类型,机柜,U位', 'A,server,A01,U1', 'B,server,A01,U2', 'C,server,A01,U3'].join('\n'));
    const validate = AssetsService.prototype.validate;
    let calls = 0;
    // As if the register had changed under the plan: the second row's range is taken by the time it is written.
    const spy = vi.spyOn(AssetsService.prototype, 'validate').mockImplementation(function (this: AssetsService, fields, selfId) {
      calls += 1;
      if (calls === 2) throw new AppError('assets.rack-range-taken', 'U2–U2 is taken by X', { details: { field: 'rackUStart' } });
      return validate.call(this, fields, selfId);
    });
    try {
      expect(() => fixture.imports.commit(opts())).toThrow(
        expect.objectContaining({
          code: 'import.invalid-rows',
          details: { problems: [expect.objectContaining({ row: 3, column: 4, header: 'U位', code: 'import.rack-range-taken' })], problemsTruncated: false },
        }),
      );
    } finally {
      spy.mockRestore();
    }
    expect(fixture.count('SELECT count(*) AS n FROM assets')).toBe(0);
    expect(fixture.changes).toEqual([]);
  });

  it('caps the problems it lists at 1,000 and says so', async () => {
    const fixture = await transferFixture();
    const { with: opts } = await staged(fixture, ['名称,类型', ...Array.from({ length: 1500 }, (_, i) => `D${i},打印机`)].join('\n'));
    const report = fixture.imports.preview(opts());
    expect(report).toMatchObject({ valid: 0, problemsTruncated: true });
    expect(report.problems).toHaveLength(1000);
    expect(() => fixture.imports.commit(opts())).toThrow(expect.objectContaining({ code: 'import.invalid-rows', details: expect.objectContaining({ problemsTruncated: true, problemCount: 1500 }) }));
  });

  describe('rows that are already in the register', () => {
    async function withRegister() {
      const fixture = await transferFixture();
      const core = fixture.create({ type: 'switch', name: '旧核心', vendor: 'Huawei', serialNumber: 'SN-001', assetTag: 'HOS-0001', managementIps: ['10.0.0.1'], notes: '保留' });
      const server = fixture.create({ type: 'server', name: '旧服务器', serialNumber: 'SN-002' });
      const file = await staged(
        fixture,
        ['设备名称,类型,序列号,资产编号,管理IP,厂商', '新核心,交换机,SN-001,,,H3C', '服务器B,服务器,,hos-0002,10.0.0.2,Dell', '全新,服务器,SN-003,,,Inspur'].join('\n'),
      );
      fixture.assets.update(server.id, { assetTag: 'HOS-0002' });
      return { fixture, file, core, server };
    }

    it('lists them in the preview: by serial number, asset tag (any case) or address', async () => {
      const { fixture, file, core, server } = await withRegister();
      expect(fixture.imports.preview(file.with({ duplicatePolicy: 'update' })).duplicates).toEqual([
        { row: 2, assetId: core.id, assetName: '旧核心', matchedOn: 'serialNumber', value: 'SN-001' },
        { row: 3, assetId: server.id, assetName: '旧服务器', matchedOn: 'assetTag', value: 'hos-0002' },
      ]);
    });

    it('update: changes the matched assets with the cells the row fills, keeps the rest', async () => {
      const { fixture, file, core, server } = await withRegister();
      expect(fixture.imports.preview(file.with({ duplicatePolicy: 'update' }))).toMatchObject({ wouldCreate: 1, wouldUpdate: 2, wouldSkip: 0, problems: [] });
      expect(fixture.imports.commit(file.with({ duplicatePolicy: 'update' }))).toEqual({ created: 1, updated: 2, skipped: 0, locationsCreated: 0 });
      expect(fixture.assets.get(core.id).asset).toMatchObject({ name: '新核心', vendor: 'H3C', assetTag: 'HOS-0001', managementIps: ['10.0.0.1'], notes: '保留' });
      expect(fixture.assets.get(server.id).asset).toMatchObject({ name: '服务器B', vendor: 'Dell', assetTag: 'hos-0002', managementIps: ['10.0.0.2'] });
      expect(fixture.all()).toHaveLength(3);
    });

    it('skip: leaves them as they are', async () => {
      const { fixture, file, core } = await withRegister();
      expect(fixture.imports.commit(file.with({ duplicatePolicy: 'skip' }))).toEqual({ created: 1, updated: 0, skipped: 2, locationsCreated: 0 });
      expect(fixture.assets.get(core.id).asset).toMatchObject({ name: '旧核心', vendor: 'Huawei' });
    });

    it('stop: refuses the commit and writes nothing', async () => {
      const { fixture, file } = await withRegister();
      expect(() => fixture.imports.commit(file.with({ duplicatePolicy: 'stop' }))).toThrow(expect.objectContaining({ code: 'import.duplicates', details: expect.objectContaining({ count: 2 }) }));
      expect(fixture.all()).toHaveLength(2);
    });

    it('refuses two rows that update one asset, and a row that matches two assets', async () => {
      const { fixture, core, server } = await withRegister();
      const { with: opts } = await staged(fixture, ['设备名称,类型,序列号,管理IP', 'X,交换机,SN-001,', 'Y,交换机,,10.0.0.1', 'Z,交换机,SN-002,10.0.0.1'].join('\n'));
      expect(fixture.imports.preview(opts({ duplicatePolicy: 'update' })).problems).toEqual([
        expect.objectContaining({ row: 3, column: 4, code: 'import.duplicate-in-file', message: 'Row 2 updates 旧核心 already' }),
        expect.objectContaining({ row: 4, column: 4, code: 'import.cell-invalid', message: expect.stringContaining('two assets') }),
        expect.objectContaining({ row: 4, column: 4, code: 'import.duplicate-in-file', message: 'Same management IP 10.0.0.1 as row 3' }),
      ]);
      expect(core.id).not.toBe(server.id);
    });
  });

  it('lets the user fix a bad cell in place, then imports', async () => {
    const fixture = await transferFixture();
    const { with: opts, file } = await staged(fixture, '名称,类型,管理IP\nA,server,10.0.0.1\nB,server,10.0.0.999\n');
    expect(fixture.imports.preview(opts()).problems).toEqual([expect.objectContaining({ row: 3, column: 3 })]);
    expect(() => fixture.imports.commit(opts())).toThrow(expect.objectContaining({ code: 'import.invalid-rows' }));
    expect(fixture.imports.editCell({ importId: file.importId, row: 3, column: 3, value: ' 10.0.0.9 ' })).toEqual({ importId: file.importId });
    expect(fixture.imports.preview(opts())).toMatchObject({ problems: [], valid: 2 });
    expect(fixture.imports.commit(opts())).toMatchObject({ created: 2 });
    expect(fixture.all().map((asset) => asset.managementIps)).toEqual([['10.0.0.1'], ['10.0.0.9']]);
    // Committed files are gone from staging.
    expect(() => fixture.imports.preview(opts())).toThrow(expect.objectContaining({ code: 'import.not-found' }));
  });

  it('refuses an edit outside the data rows and columns', async () => {
    const fixture = await transferFixture();
    const file = await fixture.parse('\n名称,类型\nA,server\n');
    expect(() => fixture.imports.editCell({ importId: file.importId, row: 2, column: 1, value: 'x' })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(() => fixture.imports.editCell({ importId: file.importId, row: 3, column: 3, value: 'x' })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
  });
});
