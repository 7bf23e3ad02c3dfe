import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { FileFormat, TextEncoding } from './file-decoding';
import type { ImportTable } from './import-table';

export interface StagedImport {
  importId: string;
  fileName: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  table: ImportTable;
  /** Last parse, edit or preview: the hour runs from here. */
  usedAt: number;
  /** Data row index by file line, for editing a cell. */
  rowByLine: Map<number, number>;
}

/** Unused for this long, a staged file is dropped: long enough to fix a sheet in Excel and come back, short enough not to hold a forgotten 60 MB file all day. */
export const STAGING_TTL_MS = 60 * 60 * 1000;
/** A file is held in memory until it is committed or discarded: a few at once, the oldest dropped first. */
export const MAX_STAGED_IMPORTS = 4;

/**
 * Files between parse and commit, in core's memory only: nothing staged is
 * written to disk, so a parsed client sheet leaves no copy behind.
 */
export class ImportStaging {
  private readonly staged = new Map<string, StagedImport>();

  constructor(private readonly now: () => number) {}

  put(file: Omit<StagedImport, 'importId' | 'usedAt' | 'rowByLine'>): StagedImport {
    this.expire();
    while (this.staged.size >= MAX_STAGED_IMPORTS) {
      const oldest = this.staged.keys().next().value as string;
      this.staged.delete(oldest);
    }
    const entry: StagedImport = {
      ...file,
      importId: randomUUID(),
      usedAt: this.now(),
      rowByLine: new Map(file.table.rows.map((row, index) => [row.line, index])),
    };
    this.staged.set(entry.importId, entry);
    return entry;
  }

  get(importId: string): StagedImport {
    this.expire();
    const entry = this.staged.get(importId);
    if (!entry) throw new AppError('import.not-found', 'This import is no longer staged (an hour unused, or committed or discarded); choose the file again');
    // Every use restarts the hour and makes it the last to be dropped.
    entry.usedAt = this.now();
    this.staged.delete(importId);
    this.staged.set(importId, entry);
    return entry;
  }

  discard(importId: string): void {
    this.staged.delete(importId);
  }

  private expire(): void {
    const cutoff = this.now() - STAGING_TTL_MS;
    for (const [id, entry] of this.staged) if (entry.usedAt < cutoff) this.staged.delete(id);
  }
}
