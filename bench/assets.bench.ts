import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { ImportOptions } from '../shared/domain/asset-import';
import { AssetFields, AssetFilter, type AssetType } from '../shared/domain/assets';
import { ImportService } from '../electron/core/asset-transfer/import.service';
import { AssetsService } from '../electron/core/assets/assets.service';
import { EventBus } from '../electron/core/events/event-bus';
import { LocationsService } from '../electron/core/locations/locations.service';
import { openDatabase, type Db } from '../electron/core/store/database';
import { newId } from '../electron/core/store/ids';
import { LocalStore } from '../electron/core/store/local-store';
import { runMigrations } from '../electron/core/store/migrate';
import { migrations } from '../electron/core/store/migrations';
import { shortTermsQuery } from '../electron/core/store/search-grams';
import { median, report, round } from './report';

const REGISTER = Number(process.env.WALKDOWN_BENCH_ASSETS ?? 100_000);
const IMPORT_ROWS = Number(process.env.WALKDOWN_BENCH_IMPORT_ROWS ?? 50_000);
const ROUNDS = Number(process.env.WALKDOWN_BENCH_ROUNDS ?? 3);
const SEARCH_ROUNDS = Number(process.env.WALKDOWN_BENCH_SEARCH_ROUNDS ?? 5);
const ACTOR = { name: 'bench', role: 'engineer' as const };
const ROOMS = ['3F 核心机房', '1F 配线间', '数据中心 A 区', 'B2 动力机房'];
const RACKS_PER_ROOM = 20;

/**
 * `assets`: the asset register at the size of a large hospital group.
 * - search-p95-ms: ~50 typical searches (Chinese two-character and longer
 *   substrings, address, serial and tag fragments) through AssetsService.list
 *   (a page of 200 and the total), against the same SQL run raw on the same
 *   database. Target: ratio ≤ 2 and p95 under 30 ms.
 * - import-50k-ms: a 50,000-row CSV through imports.parse + imports.commit
 *   (decode, map, validate every row, one transaction through the write path
 *   with outbox and audit) against papaparse + plain INSERTs of the same rows
 *   into a fresh database with the same schema, in one transaction. Target:
 *   ratio ≤ 2. Peak RSS is reported; the import runs first so the figure is its own.
 * Rounds alternate which side goes first; the median of the rounds is reported.
 */
export async function assetsBench(): Promise<void> {
  await importBench();
  await searchBench();
}

// ---------------------------------------------------------------- data

/** A small deterministic generator (mulberry32): the same register every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick, int: (max: number) => Math.floor(next() * max) };
}

const KINDS: { type: AssetType; names: string[]; vendors: [string, string[]][] }[] = [
  {
    type: 'switch',
    names: ['核心交换机', '汇聚交换机', '接入交换机', 'Core switch', 'Access switch', '楼层交换机'],
    vendors: [
      ['华为', ['S12700E-8', 'S5735-L48T4X', 'CE6881-48S6CQ']],
      ['H3C', ['S10508', 'S5130S-52S-EI']],
      ['锐捷', ['RG-S6250-48XS8CQ', 'RG-S2910-24GT4XS']],
      ['Cisco', ['C9300-48P', 'N9K-C93180YC-FX']],
    ],
  },
  {
    type: 'server',
    names: ['数据库服务器', '应用服务器', 'HIS 应用服务器', 'PACS 服务器', 'ESXi host', 'Backup server', '虚拟化主机'],
    vendors: [
      ['浪潮', ['NF5280M6', 'NF5270M5']],
      ['Dell', ['PowerEdge R740', 'PowerEdge R750xs']],
      ['联想', ['ThinkSystem SR650', 'SR658H']],
      ['HPE', ['ProLiant DL380 Gen10']],
    ],
  },
  { type: 'storage', names: ['存储阵列', 'PACS 存储', 'NAS 备份'], vendors: [['华为', ['OceanStor 5310']], ['NetApp', ['FAS2750']]] },
  { type: 'firewall', names: ['出口防火墙', 'Firewall', '互联网边界防火墙'], vendors: [['深信服', ['AF-1000-B1150']], ['Fortinet', ['FG-600E']]] },
  { type: 'router', names: ['出口路由器', 'WAN router'], vendors: [['华为', ['AR6280']], ['Cisco', ['ISR4451-X']]] },
  { type: 'ups', names: ['UPS 主机', 'UPS'], vendors: [['山特', ['C10KS']], ['艾默生', ['UL33-0200L']]] },
  { type: 'air-conditioner', names: ['精密空调', '列间空调'], vendors: [['艾默生', ['CRV-CR035']], ['佳力图', ['CFD-12']]] },
  { type: 'pc', names: ['护士站电脑', '医生工作站', '挂号窗口 PC', 'Nurse station PC'], vendors: [['联想', ['ThinkCentre M720t']], ['Dell', ['OptiPlex 7090']]] },
];
const PLACES = ['门诊楼', '住院部', '急诊楼', '医技楼', '行政楼'];

interface GeneratedAsset {
  type: AssetType;
  name: string;
  vendor: string;
  model: string;
  serialNumber: string;
  assetTag: string;
  managementIps: string[];
  purchaseDate: string;
  warrantyEnd: string;
  room: number;
  notes: string;
}

/** Realistic assets: names like "住院部 7F 接入交换机 0312", vendor serials, unique tags and addresses. */
function generateAssets(count: number, seed: number, tagPrefix: string): GeneratedAsset[] {
  const rng = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = rng.pick(KINDS);
    const [vendor, models] = rng.pick(kind.vendors);
    const year = 2016 + rng.int(9);
    const month = 1 + rng.int(12);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    return {
      type: kind.type,
      name: `${rng.pick(PLACES)} ${1 + rng.int(12)}F ${rng.pick(kind.names)} ${pad(i % 10_000, 4)}`,
      vendor,
      model: rng.pick(models),
      serialNumber: `${vendor === '华为' ? '2102' : vendor.slice(0, 2).toUpperCase()}${pad(rng.int(1_000_000), 6)}${pad(i, 6)}`,
      assetTag: `${tagPrefix}-${pad(i + 1, 6)}`,
      managementIps: [`10.${16 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`],
      purchaseDate: `${year}-${pad(month)}-15`,
      warrantyEnd: `${year + 3 + rng.int(3)}-${pad(month)}-14`,
      room: i % ROOMS.length,
      notes: rng.next() < 0.2 ? rng.pick(['主用', '备用链路', '双电源', '已过保，待续签', 'spare PSU']) : '',
    };
  });
}

async function openStore(dir: string) {
  const store = await LocalStore.open({ dataDir: dir, now: Date.now, actor: () => ACTOR });
  const events = new EventBus();
  const locations = new LocationsService(store, events);
  const client = locations.create({ kind: 'client', name: '市人民医院' });
  const site = locations.create({ kind: 'site', clientId: client.id, name: '门诊楼' });
  const rooms = ROOMS.map((name) => locations.create({ kind: 'room', siteId: site.id, name }).id);
  const racks = rooms.map((roomId) =>
    Array.from({ length: RACKS_PER_ROOM }, (_, k) => locations.create({ kind: 'rack', roomId, name: `A${String(k + 1).padStart(2, '0')}`, heightU: 42 }).id),
  );
  return { store, events, rooms, racks };
}

function withTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return work(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

// ---------------------------------------------------------------- import

const CSV_HEADERS = ['设备名称', '类型', '厂商', '型号', '序列号', '资产编号', '状态', '管理IP', '购买日期', '保修截止', '机房', '备注'];

function importCsv(rows: GeneratedAsset[]): Buffer {
  const data = rows.map((a) => [a.name, a.type, a.vendor, a.model, a.serialNumber, a.assetTag, '在用', a.managementIps.join(', '), a.purchaseDate, a.warrantyEnd, ROOMS[a.room], a.notes]);
  return Buffer.from(`\uFEFF${Papa.unparse({ fields: CSV_HEADERS, data }, { newline: '\r\n' })}\r\n`, 'utf8');
}

async function importBench(): Promise<void> {
  const csv = importCsv(generateAssets(IMPORT_ROWS, 7, 'IMP'));
  const base64 = csv.toString('base64');
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const ours: number[] = [];
  const raw: number[] = [];
  const oursCpu: number[] = [];
  const rawCpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? ['raw', 'ours'] : ['ours', 'raw'];
    for (const side of order) {
      if (side === 'raw') {
        const { ms, cpuMs } = await withTempDir('walkdown-bench-import-raw-', (dir) => Promise.resolve(rawImport(dir, csv)));
        raw.push(ms);
        rawCpu.push(cpuMs);
      } else {
        const { ms, cpuMs } = await withTempDir('walkdown-bench-import-', (dir) => serviceImport(dir, base64));
        ours.push(ms);
        oursCpu.push(cpuMs);
      }
    }
  }
  const value = median(ours);
  const baseline = median(raw);
  report({
    bench: 'assets',
    metric: 'import-50k-ms',
    value: round(value, 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    ratio: round(value / baseline),
    target: 2.0,
    rows: IMPORT_ROWS,
    rounds: ROUNDS,
    valueRoundsMs: ours.map((ms) => round(ms, 0)),
    baselineRoundsMs: raw.map((ms) => round(ms, 0)),
    // CPU time of this process: what the other processes of a busy machine cannot inflate (fsync waits excluded on both sides).
    cpuMs: round(median(oursCpu), 0),
    baselineCpuMs: round(median(rawCpu), 0),
    cpuRatio: round(median(oursCpu) / median(rawCpu)),
    fileMb: round(csv.length / 2 ** 20, 1),
    perRowUs: round((value * 1000) / IMPORT_ROWS, 1),
    baselinePerRowUs: round((baseline * 1000) / IMPORT_ROWS, 1),
    // resourceUsage().maxRSS is the process's high-water mark in KiB; nothing larger ran before.
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
    rssBeforeMb: round(rssBeforeMb, 0),
  });
}

/** The product path: the file as the renderer sends it (base64), staged, then committed with the suggested mapping. */
async function serviceImport(dir: string, base64: string): Promise<{ ms: number; cpuMs: number }> {
  const { store, events } = await openStore(dir);
  const imports = new ImportService(store, events, Date.now);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const file = await imports.parse({ fileName: 'assets.csv', contentBase64: base64 });
  const result = imports.commit(ImportOptions.parse({ importId: file.importId, mapping: file.suggestedMapping }));
  const elapsed = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  if (result.created !== IMPORT_ROWS) throw new Error(`imported ${result.created} of ${IMPORT_ROWS}`);
  store.close();
  return { ms: elapsed, cpuMs };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The floor: parse, then plain INSERTs of the same rows and values into the same schema (FTS and IP triggers included), one transaction. */
function rawImport(dir: string, csv: Buffer): { ms: number; cpuMs: number } {
  const db = openDatabase(join(dir, 'raw.sqlite3'));
  runMigrations(db, migrations);
  const rooms = seedRawRooms(db);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const parsed = Papa.parse<string[]>(csv.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const insert = db.prepare(
    `INSERT INTO assets (id, type, name, vendor, model, serial_number, asset_tag, status, management_ips, purchase_date, warranty_end, room_id, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'in-use', ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    const now = Date.now();
    for (const row of parsed.data.slice(1)) {
      const [name, type, vendor, model, serial, tag, , ips, purchase, warranty, room, notes] = row as string[];
      insert.run(newId(), type, name, vendor, model, serial, tag, JSON.stringify((ips ?? '').split(/,\s*/)), purchase, warranty, rooms.get(room as string), notes, now, now);
    }
  })();
  const elapsed = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  db.close();
  return { ms: elapsed, cpuMs };
}

function seedRawRooms(db: Db): Map<string, string> {
  const now = Date.now();
  const client = newId();
  const site = newId();
  db.prepare('INSERT INTO clients (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(client, '市人民医院', now, now);
  db.prepare('INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(site, client, '门诊楼', now, now);
  const rooms = new Map<string, string>();
  for (const name of ROOMS) {
    const id = newId();
    db.prepare('INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, site, name, now, now);
    rooms.set(name, id);
  }
  return rooms;
}

// ---------------------------------------------------------------- search

/** What engineers type: Chinese words of two and more characters, address, serial and tag fragments, vendors, two-word searches. */
const QUERIES = [
  '交换', '核心', '服务', '存储', '空调', '防火', '门诊', '住院', '急诊', '主用',
  '交换机', '核心交换机', '接入交换机', '数据库服务器', '应用服务器', '精密空调', 'PACS 存储', '护士站电脑', '出口防火墙', '虚拟化主机',
  '10.17.3', '10.16.200.', '10.18.', '.255', '10.17.99.12',
  '2102', '2102123', 'DE5', 'NF5280', 'S12700E', 'R740', 'OceanStor',
  'HOS-000123', 'HOS-0999', 'HOS-05', 'HOS-099999',
  '华为', 'Dell', '锐捷', 'Cisco', '浪潮',
  'switch', 'ESXi', 'backup', 'core',
  '住院部 核心', 'HIS 应用', '7F 接入', '门诊楼 UPS', '已过保',
];

export async function searchBench(): Promise<void> {
  await withTempDir('walkdown-bench-search-', async (dir) => {
    const { store, events, rooms, racks } = await openStore(dir);
    const assets = new AssetsService(store, events, Date.now);
    const generated = generateAssets(REGISTER, 42, 'HOS');
    const seedStart = performance.now();
    assets.transaction(() => {
      generated.forEach((a, i) => {
        // The first ~3,000 fill the racks 1 U at a time; the rest stand in their rooms.
        const rackSlot = i < ROOMS.length * RACKS_PER_ROOM * 40 ? { rack: racks[i % ROOMS.length]?.[Math.floor(i / ROOMS.length) % RACKS_PER_ROOM], u: 1 + Math.floor(i / (ROOMS.length * RACKS_PER_ROOM)) } : null;
        assets.create(
          AssetFields.parse({
            type: a.type,
            name: a.name,
            vendor: a.vendor,
            model: a.model,
            serialNumber: a.serialNumber,
            assetTag: a.assetTag,
            managementIps: a.managementIps,
            purchaseDate: a.purchaseDate,
            warrantyEnd: a.warrantyEnd,
            notes: a.notes,
            roomId: rooms[a.room],
            ...(rackSlot ? { rackId: rackSlot.rack, rackUStart: rackSlot.u, rackUHeight: 1 } : {}),
          }),
        );
      });
    });
    const seedMs = performance.now() - seedStart;
    const sort = { field: 'name', direction: 'asc' } as const;
    const service = (query: string) => assets.list({ filter: AssetFilter.parse({ query }), sort, offset: 0, limit: 200 });
    const rawSql = (query: string) => rawSearch(store.db, query);
    // Warm both paths (statement compilation, page cache) before timing.
    const totals = QUERIES.map((query) => {
      const a = service(query).total;
      const b = rawSql(query);
      if (a !== b) throw new Error(`"${query}": the service found ${a}, the raw query ${b}`);
      return a;
    });
    const serviceP95: number[] = [];
    const rawP95: number[] = [];
    let slowest = { query: '', ms: 0 };
    for (let r = 0; r < SEARCH_ROUNDS; r++) {
      const sides = r % 2 === 0 ? (['raw', 'service'] as const) : (['service', 'raw'] as const);
      for (const side of sides) {
        const times = QUERIES.map((query) => {
          const start = performance.now();
          if (side === 'service') service(query);
          else rawSql(query);
          const ms = performance.now() - start;
          if (side === 'service' && ms > slowest.ms) slowest = { query, ms };
          return ms;
        });
        (side === 'service' ? serviceP95 : rawP95).push(percentile(times, 0.95));
      }
    }
    const value = median(serviceP95);
    const baseline = median(rawP95);
    report({
      bench: 'assets',
      metric: 'search-p95-ms',
      value: round(value, 2),
      unit: 'ms',
      baseline: round(baseline, 2),
      ratio: round(value / baseline),
      target: 2.0,
      p95Under30ms: value < 30,
      assets: REGISTER,
      queries: QUERIES.length,
      rounds: SEARCH_ROUNDS,
      medianHits: median(totals),
      slowestQuery: slowest.query,
      slowestMs: round(slowest.ms, 2),
      seedMs: round(seedMs, 0),
      seedPerAssetUs: round((seedMs * 1000) / REGISTER, 1),
    });
    store.close();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

/**
 * The statements AssetsService.list issues for a text search (asset-query.ts
 * and AssetsRepo.list), written out and prepared ad hoc as the service does:
 * the count, then the first page of 200 with its location joins, rows left as
 * SQLite returns them.
 */
function rawSearch(db: Db, query: string): number {
  const terms = query.split(/\s+/).filter(Boolean);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const clauses = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (long.length > 0) {
    clauses.push('a.rowid IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)');
    params.push(long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND '));
  }
  if (short.length > 0) {
    clauses.push('a.rowid IN (SELECT rowid FROM assets_grams WHERE assets_grams MATCH ?)');
    params.push(shortTermsQuery(short));
  }
  const from = `FROM assets a LEFT JOIN assets h ON h.id = a.installed_on_id
    LEFT JOIN racks k ON k.id = coalesce(a.rack_id, h.rack_id) LEFT JOIN rooms r ON r.id = coalesce(a.room_id, h.room_id)
    LEFT JOIN sites s ON s.id = r.site_id LEFT JOIN clients c ON c.id = s.client_id`;
  const where = clauses.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM assets a WHERE ${where} LIMIT 10001)`).get(...params) as { n: number }).n;
  const indexed = total > 2000 ? from.replace('FROM assets a', 'FROM assets a INDEXED BY assets_name') : from;
  db.prepare(
    `SELECT a.*, coalesce(a.room_id, h.room_id) AS loc_room_id, coalesce(a.rack_id, h.rack_id) AS loc_rack_id, r.name AS room_name, k.name AS rack_name,
      s.id AS site_id, s.name AS site_name, c.id AS client_id, c.name AS client_name ${indexed} WHERE ${where} ORDER BY a.name COLLATE NOCASE ASC, a.rowid ASC LIMIT ? OFFSET ?`,
  ).all(...params, 200, 0);
  return Math.min(total, 10000);
}
