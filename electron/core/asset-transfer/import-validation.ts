import type { z } from 'zod';
import {
  REQUIRED_IMPORT_FIELDS,
  type DuplicatePolicy,
  type ImportDuplicate,
  type ImportField,
  type ImportProblem,
  type ImportReport,
} from '@shared/domain/asset-import';
import { AssetFields, type Asset } from '@shared/domain/assets';
import type { LocationKind, LocationTree } from '@shared/domain/locations';
import { AppError } from '@shared/errors';
import { canonicalIp } from '../assets/canonical-ip';
import type { ImportTable, TableRow } from './import-table';
import type { ImportRepo, RegisterMatch } from './import.repo';
import { LocationResolver, type LocationNames, type Resolution, type TreeNode } from './location-resolver';
import { parseDate, parseRackHeight, parseRackUnits, parseStatus, parseType, splitIps } from './value-parsers';

/** The report lists this many problems; the rest are counted. Nobody reads a thousand, but they show the pattern. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** Stands in for the id of a location the import will create, so the field rules can run before it exists. */
const PLANNED_ID = '00000000-0000-7000-8000-000000000000';

const TEXT_FIELDS = ['name', 'vendor', 'model', 'serialNumber', 'assetTag', 'owner', 'contact', 'version', 'patchLevel', 'notes'] as const;
const LOCATION_FIELDS: readonly LocationKind[] = ['client', 'site', 'room', 'rack'];
const PLACEMENT_FIELDS: readonly string[] = ['roomId', 'rackId', 'rackUStart', 'rackUHeight'];

type Fields = z.output<typeof AssetFields>;
type Reader = 'text' | 'type' | 'status' | 'date' | 'units' | 'height';
const READERS: Record<Exclude<Reader, 'text'>, (text: string) => { ok: true; value: unknown } | { ok: false; message: string }> = {
  type: parseType,
  status: parseStatus,
  date: parseDate,
  units: parseRackUnits,
  height: parseRackHeight,
};

/** How a field's cells are read; locations, addresses and custom fields are read on their own. */
function readerOf(field: string): Reader | null {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return 'text';
  if (field === 'type' || field === 'status') return field;
  if (field === 'purchaseDate' || field === 'warrantyEnd') return 'date';
  if (field === 'rackUStart') return 'units';
  if (field === 'rackUHeight') return 'height';
  return null;
}
type Report = (column: number | null, field: string | null, code: ImportProblem['code'], message: string) => void;
/** A row's cells as field values, before the schema sees them. */
type RowValues = Record<string, unknown> & { customFields?: Record<string, string>; managementIps?: string[] };

/** What an import reads from the register while it plans. */
export interface ImportRegister {
  tree: LocationTree;
  matches: Pick<ImportRepo, 'withTag' | 'withSerial' | 'withIp'>;
  /** A live asset, for merging a row into it. */
  asset(id: string): Asset | undefined;
  /** Live devices in a rack. */
  rackOccupants(rackId: string): { id: string; name: string; rack_u_start: number | null; rack_u_height: number | null }[];
}

export interface ImportSettings {
  mapping: readonly (ImportField | null)[];
  createLocations: boolean;
  duplicatePolicy: DuplicatePolicy;
}

/** What the commit does with one row. */
export interface RowPlan {
  line: number;
  action: 'create' | 'update' | 'skip' | 'stop';
  assetId: string | null;
  /** Create: every field; update: only the fields the row sets. The ids of room and rack are set from `room`/`rack` at commit. */
  fields: Partial<Fields>;
  room: TreeNode | null;
  rack: TreeNode | null;
}

export interface ImportPlan {
  report: ImportReport;
  rows: RowPlan[];
  newNodes: TreeNode[];
  /** Every problem found, of which the report lists the first MAX_REPORTED_PROBLEMS. */
  problemCount: number;
  columns: ColumnMap;
}

/** Which column (0-based) feeds which field. */
export interface ColumnMap {
  byField: Map<string, number>;
  ips: number[];
  custom: [string, number][];
  headers: readonly string[];
  mapping: readonly (ImportField | null)[];
}

/**
 * Plans an import without writing: every row mapped, parsed and checked by
 * the same schema as the API (AssetFields), then against the register and
 * against the rows above it. The preview shows this; the commit runs the same
 * planner row by row inside its transaction.
 */
export function planImport(table: ImportTable, settings: ImportSettings, register: ImportRegister): ImportPlan {
  const planner = new ImportPlanner(table.headers, settings, register);
  const rows = table.rows.map((row) => planner.plan(row));
  const report: ImportReport = {
    ...planner.findings(table.rows.length),
    wouldCreate: rows.filter((row) => row.action === 'create').length,
    wouldUpdate: rows.filter((row) => row.action === 'update').length,
    wouldSkip: rows.filter((row) => row.action === 'skip').length,
  };
  return { report, rows, newNodes: planner.resolver.newNodes(), problemCount: planner.problemCount, columns: planner.columns };
}

/** Checks the mapping itself: one entry per column at most, each field once (addresses may come from several columns), name and type present. */
export function columnMap(headers: readonly string[], mapping: readonly (ImportField | null)[]): ColumnMap {
  if (mapping.length > headers.length) {
    throw new AppError('api.invalid-input', `The mapping has ${mapping.length} entries but the file has ${headers.length} columns`, {
      details: { columns: headers.length, mapping: mapping.length },
    });
  }
  const byField = new Map<string, number>();
  const ips: number[] = [];
  const custom: [string, number][] = [];
  mapping.forEach((field, column) => {
    if (!field) return;
    if (field === 'managementIps') ips.push(column);
    else if (byField.has(field)) {
      throw new AppError('api.invalid-input', `"${field}" is mapped to columns ${(byField.get(field) as number) + 1} and ${column + 1}; map it once`, {
        details: { field, columns: [(byField.get(field) as number) + 1, column + 1] },
      });
    } else if (field.startsWith('custom:')) custom.push([field.slice('custom:'.length).trim(), column]);
    byField.set(field, byField.get(field) ?? column);
  });
  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => !byField.has(field));
  if (missing.length > 0) {
    throw new AppError('import.missing-columns', `Map a column to ${missing.join(' and ')}: every asset needs them`, { details: { missing, headers } });
  }
  return { byField, ips, custom, headers, mapping };
}

/** Plans rows one after another, remembering what earlier rows claimed (serials, tags, addresses, rack units). */
export class ImportPlanner {
  readonly resolver: LocationResolver;
  readonly columns: ColumnMap;
  readonly problems: ImportProblem[] = [];
  readonly duplicates: ImportDuplicate[] = [];
  problemCount = 0;
  rowsWithProblems = 0;
  private readonly seenSerial = new Map<string, number>();
  private readonly seenTag = new Map<string, number>();
  private readonly seenIp = new Map<string, number>();
  /** Register assets that rows above update, by asset id: two rows must not both update one asset. */
  private readonly updatedBy = new Map<string, number>();
  private readonly fileRanges = new Map<string, { start: number; top: number; line: number; name: string }[]>();
  private readonly occupants = new Map<string, ReturnType<ImportRegister['rackOccupants']>>();

  /** How each mapped column is read, worked out once for the file. */
  private readonly readers: [string, number, Reader][];
  /** Resolutions by the names a row gives: a file repeats the same few rooms and racks. */
  private readonly resolutions = new Map<string, Resolution>();

  /** Throws import.missing-columns (or api.invalid-input) when the mapping itself is unusable. */
  constructor(
    headers: readonly string[],
    private readonly settings: ImportSettings,
    private readonly register: ImportRegister,
  ) {
    const columns = columnMap(headers, settings.mapping);
    this.columns = columns;
    this.resolver = new LocationResolver(register.tree, settings.createLocations);
    this.readers = [...columns.byField].flatMap(([field, column]): [string, number, Reader][] => {
      const reader = readerOf(field);
      return reader ? [[field, column, reader]] : [];
    });
  }

  plan(row: TableRow): RowPlan {
    const problems: ImportProblem[] = [];
    const report: Report = (column, field, code, message) => problems.push(this.problem(row.line, column, field, code, message));
    const plan: RowPlan = { line: row.line, action: 'create', assetId: null, fields: {}, room: null, rack: null };

    const parsed = this.parseCells(row, report);
    const match = this.matchRegister(parsed.values, parsed.ipKeys, report);
    if (match) {
      this.duplicates.push({ row: row.line, assetId: match.asset.id, assetName: match.asset.name, matchedOn: match.on, value: match.value });
      plan.assetId = match.asset.id;
      plan.action = this.settings.duplicatePolicy;
      // A skipped row is not written, and a stopped import writes nothing: their cells do not matter.
      if (plan.action !== 'update') return this.finish(plan, []);
    }
    const before = problems.length;
    this.checkWithinFile(row.line, parsed.values, parsed.ipKeys, parsed.ipColumns, report);
    if (match && problems.length === before) {
      // Rows that share no value can still both describe one register asset (one by serial, one by address).
      const earlier = this.updatedBy.get(match.asset.id);
      if (earlier !== undefined) {
        report(this.matchColumn(match.on), match.on === 'managementIp' ? 'managementIps' : match.on, 'import.duplicate-in-file', `Row ${earlier} updates ${match.asset.name} already`);
      } else this.updatedBy.set(match.asset.id, row.line);
    }

    const location = this.resolveLocation(row, report);
    plan.room = location.room;
    plan.rack = location.rack;
    const current = plan.assetId ? this.currentFields(plan.assetId) : null;
    const change = this.changeOf(parsed.values, parsed.heightGiven, location, current);
    const candidate = current ? mergeLikeUpdate(current, change) : change;
    const result = AssetFields.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        // Already reported: a cell that could not be read, or a location that could not be found.
        if (parsed.failed.has(field) || (location.failed && PLACEMENT_FIELDS.includes(field))) continue;
        const column = this.columnForPath(issue.path, parsed.ipColumns);
        const required = (field === 'name' || field === 'type') && (column === null || (row.cells[column] ?? '') === '');
        report(
          column,
          column !== null ? (this.columns.mapping[column] ?? null) : field,
          required ? 'import.cell-required' : 'import.cell-invalid',
          required ? requiredMessage(field) : issueMessage(issue, candidate),
        );
      }
    } else {
      this.checkRack(row.line, result.data, location.rack, plan.assetId, report);
      plan.fields = current ? change : result.data;
    }
    return this.finish(plan, problems);
  }

  /** What the rows planned so far found, for the report or for refusing a commit. */
  findings(rowCount: number): Pick<ImportReport, 'rowCount' | 'valid' | 'problems' | 'problemsTruncated' | 'duplicates' | 'newLocations'> {
    return {
      rowCount,
      valid: rowCount - this.rowsWithProblems,
      problems: this.problems,
      problemsTruncated: this.problemCount > this.problems.length,
      duplicates: this.duplicates,
      newLocations: this.resolver.newNodes().map((node) => ({ kind: node.kind, path: node.path })),
    };
  }

  private finish(plan: RowPlan, problems: ImportProblem[]): RowPlan {
    if (problems.length === 0) return plan;
    this.rowsWithProblems += 1;
    problems.sort((a, b) => (a.column ?? Infinity) - (b.column ?? Infinity));
    for (const problem of problems) {
      this.problemCount += 1;
      if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(problem);
    }
    return plan;
  }

  /** Cells → field values; a cell that cannot be read is reported and left out. Empty cells are left out too (defaults, or kept on update). */
  private parseCells(row: TableRow, report: Report) {
    const values: RowValues = {};
    const failed = new Set<string>();
    let rangeHeight: number | undefined;
    let columnHeight: number | undefined;
    for (const [field, column, reader] of this.readers) {
      const text = row.cells[column] ?? '';
      if (text === '') continue;
      if (reader === 'text') {
        values[field] = text;
        continue;
      }
      const result = READERS[reader](text);
      if (!result.ok) {
        failed.add(field);
        report(column, field, 'import.cell-invalid', result.message);
      } else if (reader === 'units') {
        const units = result.value as { start: number; height: number | null };
        values.rackUStart = units.start;
        rangeHeight = units.height ?? undefined;
      } else if (reader === 'height') columnHeight = result.value as number;
      else values[field] = result.value;
    }
    // A height column wins over a range in the U column ("U10-U11").
    const height = columnHeight ?? rangeHeight;
    if (height !== undefined) values.rackUHeight = height;
    const ipColumns: number[] = [];
    const ipKeys: string[] = [];
    for (const column of this.columns.ips) {
      for (const ip of splitIps(row.cells[column] ?? '')) {
        (values.managementIps ??= []).push(ip);
        ipColumns.push(column);
        // The form asset_ips holds, to compare with the register and with other rows.
        ipKeys.push(canonicalIp(ip).toLowerCase());
      }
    }
    for (const [name, column] of this.columns.custom) {
      const text = row.cells[column] ?? '';
      if (text !== '') (values.customFields ??= {})[name] = text;
    }
    return { values, failed, ipColumns, ipKeys, heightGiven: height !== undefined };
  }

  /** The one live asset this row describes, by asset tag, serial number or a management address; several different ones is a problem. */
  private matchRegister(values: RowValues, ipKeys: string[], report: Report) {
    const found: { asset: RegisterMatch; on: ImportDuplicate['matchedOn']; value: string }[] = [];
    const tag = values.assetTag as string | undefined;
    const serial = values.serialNumber as string | undefined;
    if (tag) for (const asset of this.register.matches.withTag(tag)) found.push({ asset, on: 'assetTag', value: tag });
    if (serial) for (const asset of this.register.matches.withSerial(serial)) found.push({ asset, on: 'serialNumber', value: serial });
    ipKeys.forEach((key, i) => {
      for (const asset of this.register.matches.withIp(key)) found.push({ asset, on: 'managementIp', value: values.managementIps?.[i] ?? key });
    });
    if (found.length === 0) return null;
    const first = found[0] as (typeof found)[number];
    const other = found.find((f) => f.asset.id !== first.asset.id);
    if (other) {
      report(
        this.matchColumn(other.on),
        other.on === 'managementIp' ? 'managementIps' : other.on,
        'import.cell-invalid',
        `This row matches two assets in the register: ${first.asset.name} (${describe(first.on)} ${first.value}) and ${other.asset.name} (${describe(other.on)} ${other.value})`,
      );
    }
    return first;
  }

  private matchColumn(on: ImportDuplicate['matchedOn']): number | null {
    return on === 'managementIp' ? (this.columns.ips[0] ?? null) : (this.columns.byField.get(on) ?? null);
  }

  /** Two rows of one file must not claim the same serial number, asset tag or address. */
  private checkWithinFile(line: number, values: RowValues, ipKeys: string[], ipColumns: number[], report: Report): void {
    const claim = (seen: Map<string, number>, key: string, column: number | null, field: string, label: string) => {
      const earlier = seen.get(key);
      if (earlier !== undefined) report(column, field, 'import.duplicate-in-file', `Same ${label} as row ${earlier}`);
      else seen.set(key, line);
    };
    const serial = values.serialNumber as string | undefined;
    const tag = values.assetTag as string | undefined;
    if (serial) claim(this.seenSerial, serial, this.columns.byField.get('serialNumber') ?? null, 'serialNumber', `serial number ${serial}`);
    if (tag) claim(this.seenTag, tag.toLowerCase(), this.columns.byField.get('assetTag') ?? null, 'assetTag', `asset tag ${tag}`);
    ipKeys.forEach((key, i) => {
      // The same address twice in one row is merged, not a duplicate.
      if (ipKeys.indexOf(key) !== i) return;
      claim(this.seenIp, key, ipColumns[i] ?? null, 'managementIps', `management IP ${values.managementIps?.[i] ?? key}`);
    });
  }

  private resolveLocation(row: TableRow, report: Report) {
    const names: LocationNames = {};
    for (const kind of LOCATION_FIELDS) {
      const column = this.columns.byField.get(kind);
      const text = column === undefined ? '' : (row.cells[column] ?? '');
      if (text !== '') names[kind] = text;
    }
    const key = `${names.client ?? ''}\u0000${names.site ?? ''}\u0000${names.room ?? ''}\u0000${names.rack ?? ''}`.toLowerCase();
    let resolution = this.resolutions.get(key);
    if (!resolution) {
      resolution = this.resolver.resolve(names);
      this.resolutions.set(key, resolution);
    }
    if (!resolution.ok) {
      report(this.columns.byField.get(resolution.kind) ?? null, resolution.kind, resolution.code, resolution.message);
      return { room: null, rack: null, failed: true };
    }
    return { room: resolution.room, rack: resolution.rack, failed: false };
  }

  /** The fields the row sets, location included (a planned node as a placeholder id until the commit creates it). */
  private changeOf(values: RowValues, heightGiven: boolean, location: { room: TreeNode | null; rack: TreeNode | null }, current: Fields | null): Partial<Fields> {
    // The row's own values object, extended: it is made for this row and used once.
    const change: Record<string, unknown> = values;
    if (location.rack) {
      change.rackId = location.rack.id ?? PLANNED_ID;
      change.roomId = location.room?.id ?? PLANNED_ID;
    } else if (location.room) {
      change.roomId = location.room.id ?? PLANNED_ID;
    }
    // A single U ("U10") with no height anywhere: the device keeps its height, or is a 1 U device.
    if (change.rackUStart !== undefined && !heightGiven) change.rackUHeight = current?.rackUHeight ?? 1;
    return change as Partial<Fields>;
  }

  private checkRack(
    line: number,
    fields: Fields,
    rack: TreeNode | null,
    selfId: string | null,
    report: Report,
  ): void {
    if (!fields.rackId || fields.rackUStart === null || fields.rackUHeight === null) return;
    const start = fields.rackUStart;
    const top = start + fields.rackUHeight - 1;
    const column = this.columns.byField.get('rackUStart') ?? this.columns.byField.get('rack') ?? null;
    const heightU = rack ? rack.heightU : this.rackHeight(fields.rackId);
    if (heightU !== null && top > heightU) {
      report(column, 'rackUStart', 'import.cell-invalid', `U${start}–U${top} does not fit in a ${heightU} U rack`);
      return;
    }
    const key = rack?.key ?? fields.rackId;
    const overlaps = (s: number, t: number) => s <= top && start <= t;
    // A rack the import creates holds nothing yet; otherwise it is the row's rack, or the one the asset keeps.
    const taken = rack && rack.id === null ? [] : this.rackOccupants(rack?.id ?? fields.rackId);
    const inRegister = taken.filter((o) => o.id !== selfId && overlaps(o.rack_u_start as number, (o.rack_u_start as number) + (o.rack_u_height as number) - 1));
    const ranges = this.fileRanges.get(key) ?? [];
    const inFile = ranges.filter((r) => overlaps(r.start, r.top));
    if (inRegister.length > 0) {
      report(column, 'rackUStart', 'import.rack-range-taken', `U${start}–U${top} is taken by ${inRegister.map((o) => o.name).join(', ')}`);
    } else if (inFile.length > 0) {
      report(column, 'rackUStart', 'import.rack-range-taken', `U${start}–U${top} is also taken by row ${inFile.map((r) => `${r.line} (${r.name})`).join(', ')}`);
    }
    ranges.push({ start, top, line, name: fields.name });
    this.fileRanges.set(key, ranges);
  }

  private rackOccupants(rackId: string) {
    let list = this.occupants.get(rackId);
    if (!list) {
      list = this.register.rackOccupants(rackId);
      this.occupants.set(rackId, list);
    }
    return list;
  }

  private rackHeight(rackId: string): number | null {
    for (const client of this.register.tree.clients)
      for (const site of client.sites) for (const room of site.rooms) for (const rack of room.racks) if (rack.id === rackId) return rack.heightU;
    return null;
  }

  private currentFields(id: string): Fields {
    const asset = this.register.asset(id);
    if (!asset) throw new AppError('assets.not-found', `No asset with id ${id}`);
    return fieldsOf(asset);
  }

  private columnForPath(path: PropertyKey[], ipColumns: number[]): number | null {
    const [head, index] = path;
    const at = (field: string) => this.columns.byField.get(field);
    switch (head) {
      case 'managementIps':
        return typeof index === 'number' ? (ipColumns[index] ?? this.columns.ips[0] ?? null) : (this.columns.ips[0] ?? null);
      case 'customFields':
        return this.columns.custom.find(([name]) => name === index)?.[1] ?? null;
      case 'roomId':
        return at('room') ?? at('rack') ?? null;
      case 'rackId':
        return at('rack') ?? null;
      case 'rackUStart':
        return at('rackUStart') ?? at('rack') ?? null;
      case 'rackUHeight':
        return at('rackUHeight') ?? at('rackUStart') ?? at('rack') ?? null;
      default:
        return at(String(head)) ?? null;
    }
  }

  private problem(line: number, column: number | null, field: string | null, code: ImportProblem['code'], message: string): ImportProblem {
    return { row: line, column: column === null ? null : column + 1, header: column === null ? null : (this.columns.headers[column] ?? null), field, code, message };
  }
}

/** The editable fields of an asset as the API shows it. */
export function fieldsOf(asset: Asset): Fields {
  const { id: _id, createdAt: _c, updatedAt: _u, location: _l, warrantyEndingSoon: _w, ...fields } = asset;
  return fields;
}

/** What AssetsService.update does with a partial change, so the preview checks the asset as it will be. */
export function mergeLikeUpdate(current: Fields, change: Partial<Fields>): Fields {
  const merged: Fields = { ...current, ...change };
  if (change.customFields) merged.customFields = { ...current.customFields, ...change.customFields };
  if (change.roomId !== undefined && change.roomId !== current.roomId && change.rackId === undefined) {
    Object.assign(merged, { rackId: null, rackUStart: null, rackUHeight: null });
  }
  return merged;
}

function requiredMessage(field: string): string {
  return field === 'name' ? 'Name is required (设备名称)' : 'Type is required (类型): server, switch, 服务器, 交换机 …';
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.path[0] === 'managementIps' && typeof issue.path[1] === 'number') {
    const value = (input as { managementIps?: string[] }).managementIps?.[issue.path[1]];
    return `${issue.message}: ${value ?? ''}`;
  }
  return issue.message;
}

function describe(on: ImportDuplicate['matchedOn']): string {
  return { assetTag: 'asset tag', serialNumber: 'serial number', managementIp: 'management IP' }[on];
}
