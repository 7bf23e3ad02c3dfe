import ExcelJS from 'exceljs';
import { AssetFields, AssetFilter, type AssetFieldsInput } from '@shared/domain/assets';
import { AssetsService } from '../assets/assets.service';
import { EventBus } from '../events/event-bus';
import { LocationsService } from '../locations/locations.service';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { AssetExporter } from './asset-export';
import { ImportService } from './import.service';

/**
 * A real store in a temp folder with a small location tree (市人民医院 / 门诊楼 /
 * 3F 核心机房 / A01), the services of this folder over it, and helpers to
 * stage files. For tests only.
 */
export async function transferFixture() {
  const clock = manualClock(Date.UTC(2026, 10, 27, 9, 0, 0));
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => TEST_ACTOR });
  const events = new EventBus();
  const changes: string[][] = [];
  events.on((name, payload) => {
    if (name === 'records.changed') changes.push((payload as { entities: string[] }).entities);
  });
  const locations = new LocationsService(store, events);
  const assets = new AssetsService(store, events, clock.now);
  const imports = new ImportService(store, events, clock.now);
  const exporter = new AssetExporter(store, clock.now);
  const client = locations.create({ kind: 'client', name: '市人民医院' });
  const site = locations.create({ kind: 'site', clientId: client.id, name: '门诊楼' });
  const room = locations.create({ kind: 'room', siteId: site.id, name: '3F 核心机房' });
  const rack = locations.create({ kind: 'rack', roomId: room.id, name: 'A01', heightU: 42 });
  changes.length = 0;

  const create = (fields: AssetFieldsInput) => assets.create(AssetFields.parse(fields));
  const all = () =>
    assets.list({ filter: AssetFilter.parse({}), sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 1000 }).rows;
  const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
  const parse = (content: string | Buffer | Uint8Array, fileName = 'assets.csv') =>
    imports.parse({ fileName, contentBase64: Buffer.from(content).toString('base64') });
  return { clock, store, events, changes, locations, assets, imports, exporter, client, site, room, rack, create, all, count, parse };
}

/** An .xlsx made the way a client's Excel would hand it over, one array per row. */
export async function xlsxOf(rows: unknown[][], options: { blankFirstSheet?: boolean; sheetName?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.blankFirstSheet) workbook.addWorksheet('封面');
  const sheet = workbook.addWorksheet(options.sheetName ?? '设备清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
