import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportOptions } from '@shared/domain/asset-import';
import { AssetFilter, type Asset } from '@shared/domain/assets';
import { transferFixture } from './asset-transfer.fixture';

type Fixture = Awaited<ReturnType<typeof transferFixture>>;

function seed(fixture: Fixture) {
  const core = fixture.create({
    type: 'switch',
    name: '核心交换机 S12700',
    vendor: '华为',
    model: 'S12700E-8',
    serialNumber: '2102351',
    assetTag: 'HOS-0001',
    status: 'in-use',
    owner: '张工',
    contact: '+86 138 0000 0000',
    purchaseDate: '2023-05-01',
    warrantyEnd: '2026-12-31',
    managementIps: ['10.1.1.1', '2001:db8::1'],
    version: 'V200R021',
    patchLevel: 'SPH180',
    notes: '主用, "A" 路\n第二行',
    customFields: { 机柜电源: 'A+B', 合同号: 'HT-2023-01' },
    rackId: fixture.rack.id,
    rackUStart: 40,
    rackUHeight: 2,
  });
  fixture.create({ type: 'database', name: 'HIS 数据库', version: '19c', installedOnId: null });
  fixture.create({ type: 'air-conditioner', name: '=HYPERLINK("http://x")', status: 'faulty', roomId: fixture.room.id });
  return { core };
}

const exported = (fixture: Fixture, format: 'csv' | 'xlsx', language: 'zh-CN' | 'en', filter: Partial<AssetFilter> = {}) =>
  fixture.exporter.export({ filter: AssetFilter.parse(filter), sort: { field: 'name', direction: 'asc' }, format, language });

/** The fields an export carries: everything editable except ids of other records. */
function comparable(asset: Asset) {
  return {
    type: asset.type,
    name: asset.name,
    vendor: asset.vendor,
    model: asset.model,
    serialNumber: asset.serialNumber,
    assetTag: asset.assetTag,
    status: asset.status,
    owner: asset.owner,
    contact: asset.contact,
    purchaseDate: asset.purchaseDate,
    warrantyEnd: asset.warrantyEnd,
    managementIps: asset.managementIps,
    version: asset.version,
    patchLevel: asset.patchLevel,
    notes: asset.notes,
    customFields: asset.customFields,
    place: [asset.location.clientName, asset.location.siteName, asset.location.roomName, asset.location.rackName, asset.rackUStart, asset.rackUHeight],
  };
}

/** Imports a file into a fresh store, creating its locations, and returns what landed. */
async function importInto(content: Buffer, fileName: string) {
  const target = await transferFixture();
  const file = await target.parse(content, fileName);
  expect(file.suggestedMapping.filter((field) => field === null)).toEqual([]);
  const options = ImportOptions.parse({ importId: file.importId, mapping: file.suggestedMapping, createLocations: true });
  expect(target.imports.preview(options).problems).toEqual([]);
  target.imports.commit(options);
  return target.all();
}

describe('assets.export', () => {
  it('writes CSV for Excel: UTF-8 with a BOM, CRLF, quoted where needed, Chinese intact, formulas defused', async () => {
    const fixture = await transferFixture();
    seed(fixture);
    const file = await exported(fixture, 'csv', 'zh-CN');
    const stamp = new Date(fixture.clock.now());
    expect(file).toMatchObject({
      fileName: `assets-${stamp.getFullYear()}${String(stamp.getMonth() + 1).padStart(2, '0')}${String(stamp.getDate()).padStart(2, '0')}.csv`,
      mimeType: 'text/csv; charset=utf-8',
      rows: 3,
    });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [header, first] = text.split('\r\n');
    expect(header).toBe(
      '设备名称,类型,厂商,型号,序列号,资产编号,状态,责任人,联系方式,购买日期,保修截止,管理IP,版本,补丁,备注,客户,站点,机房,机柜,起始U,高度(U),自定义:机柜电源,自定义:合同号',
    );
    expect(first).toBe(`"'=HYPERLINK(""http://x"")",空调,,,,,故障,,,,,,,,,市人民医院,门诊楼,3F 核心机房,,,,,`);
    expect(text).toContain('核心交换机 S12700,交换机,华为,S12700E-8,2102351,HOS-0001,在用,张工,"\'+86 138 0000 0000",2023-05-01,2026-12-31,"10.1.1.1, 2001:db8::1"');
    expect(text).toContain('"主用, ""A"" 路\n第二行"');
    // Software sits where its host sits: no location of its own in the file.
    expect(text).toContain('HIS 数据库,数据库,,,,,在用,,,,,,19c,,,,,,,,,,\r\n');
  });

  it('exports only the filtered list, in its order', async () => {
    const fixture = await transferFixture();
    seed(fixture);
    fixture.create({ type: 'switch', name: '接入交换机', assetTag: 'HOS-0002' });
    const file = await fixture.exporter.export({ filter: AssetFilter.parse({ types: ['switch'] }), sort: { field: 'name', direction: 'desc' }, format: 'csv', language: 'en' });
    const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').split('\r\n');
    expect(lines[0]?.startsWith('\uFEFFName,Type,Vendor,Model,Serial number,Asset tag,Status')).toBe(true);
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual(['核心交换机 S12700', '接入交换机']);
    expect(file.rows).toBe(2);
  });

  it('round-trips through its own import: CSV', async () => {
    const fixture = await transferFixture();
    seed(fixture);
    const file = await exported(fixture, 'csv', 'zh-CN');
    const imported = await importInto(Buffer.from(file.contentBase64, 'base64'), file.fileName);
    expect(imported.map(comparable)).toEqual(fixture.all().map(comparable));
  });

  it('writes a typed XLSX: bold frozen header with a filter, dates as dates, U as numbers; and round-trips', async () => {
    const fixture = await transferFixture();
    seed(fixture);
    const file = await exported(fixture, 'xlsx', 'en');
    expect(file.fileName).toMatch(/^assets-\d{8}\.xlsx$/);
    const content = Buffer.from(file.contentBase64, 'base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Assets');
    expect(sheet.getRow(1).getCell(1).value).toBe('Name');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(8);
    const core = sheet.getRow(4);
    expect(core.getCell(1).value).toBe('核心交换机 S12700');
    expect(core.getCell(2).value).toBe('Switch');
    expect(core.getCell(10).value).toEqual(new Date(Date.UTC(2023, 4, 1)));
    expect(core.getCell(20).value).toBe(40);
    expect(core.getCell(22).value).toBe('A+B');
    const imported = await importInto(content, file.fileName);
    expect(imported.map(comparable)).toEqual(fixture.all().map(comparable));
  });
});
