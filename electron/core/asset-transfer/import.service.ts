import type { ImportFile, ImportOptions, ImportProblem, ImportReport } from '@shared/domain/asset-import';
import type { Asset, AssetFields } from '@shared/domain/assets';
import { AppError } from '@shared/errors';
import { AssetsService } from '../assets/assets.service';
import { toAsset } from '../assets/assets.repo';
import { EventBus } from '../events/event-bus';
import { LocationsService } from '../locations/locations.service';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { readCsv } from './csv-reader';
import { decodeBase64, decodeText, detectFormat } from './file-decoding';
import { suggestMapping } from './header-aliases';
import type { ImportTable } from './import-table';
import { ImportStaging } from './import-staging';
import { ImportRepo } from './import.repo';
import { fieldsOf, ImportPlanner, MAX_REPORTED_PROBLEMS, mergeLikeUpdate, planImport, type ColumnMap, type ImportRegister, type RowPlan } from './import-validation';
import type { TreeNode } from './location-resolver';
import { readXlsx } from './xlsx-reader';

/** Rows shown in the preview of a parsed file. */
const SAMPLE_ROWS = 20;
/** Rows per write-path call in a commit: few savepoints, and each batch's objects short-lived. */
const WRITE_BATCH_ROWS = 1000;

export interface CommitResult {
  created: number;
  updated: number;
  skipped: number;
  locationsCreated: number;
}

/**
 * Imports client spreadsheets into the register: parse and stage, fix cells,
 * dry run, then all rows in one transaction or none.
 */
export class ImportService {
  private readonly staging: ImportStaging;
  private readonly assets: AssetsService;
  private readonly locations: LocationsService;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
    now: () => number,
  ) {
    this.staging = new ImportStaging(now);
    // The same rules over the same store. Their change events go to a bus nobody listens to: the import
    // announces its changes itself, once, after its transaction commits (a refused import announces nothing).
    const quiet = new EventBus();
    this.assets = new AssetsService(store, quiet, now);
    this.locations = new LocationsService(store, quiet);
  }

  async parse(input: { fileName: string; contentBase64: string }): Promise<ImportFile> {
    const bytes = decodeBase64(input.contentBase64);
    const format = detectFormat(bytes);
    let table: ImportTable;
    let encoding: ImportFile['encoding'] = null;
    if (format === 'xlsx') table = await readXlsx(bytes);
    else {
      const decoded = decodeText(bytes);
      encoding = decoded.encoding;
      table = readCsv(decoded.text);
    }
    const staged = this.staging.put({ fileName: input.fileName, format, encoding, table });
    return {
      importId: staged.importId,
      fileName: input.fileName,
      format,
      encoding,
      headers: table.headers,
      rowCount: table.rows.length,
      sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
      suggestedMapping: suggestMapping(table.headers),
    };
  }

  /** `row` is the file line (the header is on its own line), `column` 1-based, as the preview reports them. */
  editCell(input: { importId: string; row: number; column: number; value: string }): { importId: string } {
    const staged = this.staging.get(input.importId);
    const index = staged.rowByLine.get(input.row);
    if (index === undefined) {
      throw new AppError('api.invalid-input', `Row ${input.row} is not a data row of this file`, { details: { row: input.row, headerLine: staged.table.headerLine } });
    }
    if (input.column > staged.table.headers.length) {
      throw new AppError('api.invalid-input', `The file has ${staged.table.headers.length} columns`, { details: { column: input.column } });
    }
    (staged.table.rows[index] as { cells: string[] }).cells[input.column - 1] = input.value.trim();
    return { importId: input.importId };
  }

  preview(options: ImportOptions): ImportReport {
    // One read transaction: every row sees the same register, and SQLite takes its WAL read lock once rather than per lookup.
    const staged = this.staging.get(options.importId);
    return this.store.db.transaction(() => planImport(staged.table, options, this.register()).report)();
  }

  /**
   * All rows in one transaction, or none. Rows are planned, checked once more
   * by AssetsService.validate against the register as the rows before them
   * left it, and handed to the write path (row, outbox entry and audit line)
   * a thousand at a time: one savepoint per batch rather than per row, and
   * each row's objects die young instead of 100,000 plans waiting in memory.
   * The first problem stops the writing; planning goes on to report every
   * problem, then the transaction is rolled back.
   */
  commit(options: ImportOptions): CommitResult {
    const staged = this.staging.get(options.importId);
    const touched = new Set<string>();
    const result = this.assets.transaction(() => {
      // Assets this commit creates are not "already in the register" for the rows after them: those are duplicates within the file.
      const created = new Set<string>();
      const register = this.register({ ignore: created });
      const planner = new ImportPlanner(staged.table.headers, options, register);
      const locationIds = new Map<string, string>();
      const counts: CommitResult = { created: 0, updated: 0, skipped: 0, locationsCreated: 0 };
      let refused = false;
      let batch: Mutation[] = [];
      for (const tableRow of staged.table.rows) {
        const row = planner.plan(tableRow);
        refused ||= planner.problemCount > 0 || row.action === 'stop';
        if (refused) continue;
        if (row.action === 'skip') {
          counts.skipped += 1;
          continue;
        }
        const fields = withLocation(row, (node) => this.locationId(node, locationIds, touched));
        if (row.action === 'create') {
          const id = newId();
          batch.push({ entity: 'asset', op: 'insert', id, fields: this.validated(row, planner.columns, () => this.assets.validate(fields as AssetFields, null)) });
          created.add(id);
          counts.created += 1;
        } else {
          const id = row.assetId as string;
          const merged = mergeLikeUpdate(this.currentFields(id), fields);
          batch.push({ entity: 'asset', op: 'update', id, fields: this.validated(row, planner.columns, () => this.assets.validate(merged, id)) });
          counts.updated += 1;
        }
        if (batch.length >= WRITE_BATCH_ROWS) {
          this.store.writePath.write(batch);
          batch = [];
        }
      }
      refuseUnlessClean(planner, staged.table.rows.length, options);
      this.store.writePath.write(batch);
      counts.locationsCreated = locationIds.size;
      if (counts.created + counts.updated > 0) touched.add('asset');
      return counts;
    });
    this.staging.discard(staged.importId);
    // Announced only once committed: a refused import changed nothing anyone should reload.
    if (touched.size > 0) this.events.emit('records.changed', { entities: [...touched] });
    return result;
  }

  discard(input: { importId: string }): { importId: string } {
    this.staging.discard(input.importId);
    return { importId: input.importId };
  }

  private register(options: { ignore?: ReadonlySet<string> } = {}): ImportRegister {
    const ignore = options.ignore ?? new Set<string>();
    const repo = new ImportRepo(this.store.db);
    const live = <T extends { id: string }>(rows: T[]) => (ignore.size === 0 ? rows : rows.filter((row) => !ignore.has(row.id)));
    return {
      tree: this.locations.tree(),
      matches: {
        withTag: (tag) => live(repo.withTag(tag)),
        withSerial: (serial) => live(repo.withSerial(serial)),
        withIp: (ip) => live(repo.withIp(ip)),
      },
      asset: (id) => this.liveAsset(id),
      rackOccupants: (rackId) => live(this.assets.repo.rackOccupants(rackId)),
    };
  }

  private liveAsset(id: string): Asset | undefined {
    const row = this.assets.repo.get(id);
    // The warranty cut-off only sets warrantyEndingSoon, which an import does not read.
    return row && row.deleted_at === null ? toAsset(row, '9999-12-31') : undefined;
  }

  private currentFields(id: string): AssetFields {
    const asset = this.liveAsset(id);
    if (!asset) throw new AppError('assets.not-found', `No asset with id ${id}`);
    return fieldsOf(asset);
  }

  /** The id of a room or rack: stored, or created now (parents first) the first time a row needs it. */
  private locationId(node: TreeNode, created: Map<string, string>, touched: Set<string>): string {
    if (node.id) return node.id;
    const known = created.get(node.key);
    if (known) return known;
    const parentId = node.parent ? this.locationId(node.parent, created, touched) : '';
    const { id } =
      node.kind === 'client'
        ? this.locations.create({ kind: 'client', name: node.name })
        : node.kind === 'site'
          ? this.locations.create({ kind: 'site', clientId: parentId, name: node.name })
          : node.kind === 'room'
            ? this.locations.create({ kind: 'room', siteId: parentId, name: node.name })
            : this.locations.create({ kind: 'rack', roomId: parentId, name: node.name, heightU: node.heightU });
    created.set(node.key, id);
    touched.add(node.kind);
    return id;
  }

  /**
   * What the service refuses here, the plan missed (or the register changed
   * under it): the row is reported like any other problem, and everything rolls back.
   */
  private validated(row: RowPlan, columns: ColumnMap, validate: () => AssetFields): AssetFields {
    try {
      return validate();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = ((error.details as { field?: string; issues?: { path?: string }[] } | undefined)?.field ??
        (error.details as { issues?: { path?: string }[] } | undefined)?.issues?.[0]?.path) as string | undefined;
      const column = field ? columnOfField(columns, field) : null;
      const problem: ImportProblem = {
        row: row.line,
        column: column === null ? null : column + 1,
        header: column === null ? null : (columns.headers[column] ?? null),
        field: field ?? null,
        code: error.code === 'assets.rack-range-taken' ? 'import.rack-range-taken' : 'import.cell-invalid',
        message: error.message,
      };
      throw new AppError('import.invalid-rows', `Row ${row.line} cannot be imported: ${error.message}`, {
        details: { problems: [problem], problemsTruncated: false },
        cause: error,
      });
    }
  }
}

/** Any problem refuses the whole file; so do duplicates when the user chose to stop on them. */
function refuseUnlessClean(planner: ImportPlanner, rowCount: number, options: ImportOptions): void {
  const findings = planner.findings(rowCount);
  if (planner.problemCount > 0) {
    throw new AppError('import.invalid-rows', `${planner.problemCount} problem(s) in ${rowCount - findings.valid} row(s); nothing was imported`, {
      details: { problems: findings.problems, problemsTruncated: findings.problemsTruncated, problemCount: planner.problemCount },
    });
  }
  if (options.duplicatePolicy === 'stop' && findings.duplicates.length > 0) {
    throw new AppError('import.duplicates', `${findings.duplicates.length} row(s) match assets already in the register; choose to update or skip them`, {
      details: { duplicates: findings.duplicates.slice(0, MAX_REPORTED_PROBLEMS), count: findings.duplicates.length },
    });
  }
}

/** The row's fields with the ids of its room and rack (set on the plan's own object: it is used once). */
function withLocation(row: RowPlan, idOf: (node: TreeNode) => string): Partial<AssetFields> {
  const fields = row.fields;
  if (row.rack) {
    fields.rackId = idOf(row.rack);
    fields.roomId = idOf(row.rack.parent as TreeNode);
  } else if (row.room) {
    fields.roomId = idOf(row.room);
  }
  return fields;
}

function columnOfField(columns: ColumnMap, field: string): number | null {
  const byName: Record<string, string[]> = {
    roomId: ['room', 'rack'],
    rackId: ['rack'],
    rackUStart: ['rackUStart', 'rack'],
    rackUHeight: ['rackUHeight', 'rackUStart'],
    managementIps: ['managementIps'],
  };
  for (const candidate of byName[field] ?? [field]) {
    const column = columns.byField.get(candidate);
    if (column !== undefined) return column;
  }
  return null;
}
