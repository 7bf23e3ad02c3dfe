import { createStore } from 'zustand/vanilla';
import type { MethodOutput } from '@shared/api';
import type { DuplicatePolicy, ImportField, ImportFile, ImportOptions, ImportProblem, ImportReport } from '@shared/domain/asset-import';
import { api, isApiClientError } from '../../api';
import { checkMapping, normalizeMapping } from './import-mapping';
import { importFileProblem, readFileAsBase64, type ImportFileProblem } from './read-file';

export type ImportStep = 'file' | 'mapping' | 'preview';
export type ImportBusy = 'reading' | 'parsing' | 'previewing' | 'editing' | 'committing' | null;
export type CommitResult = MethodOutput<'imports.commit'>;

export interface ImportWizardState {
  step: ImportStep;
  busy: ImportBusy;
  /** A refusal before the file reached core (too large, wrong type). */
  fileProblem: ImportFileProblem | null;
  /** The last failed call, shown in the step that made it. */
  error: unknown;
  file: ImportFile | null;
  mapping: (ImportField | null)[];
  /** The user tried to go on with a mapping that cannot work: show what is wrong. */
  mappingAttempted: boolean;
  createLocations: boolean;
  duplicatePolicy: DuplicatePolicy;
  report: ImportReport | null;
  /** Problems from a refused commit (they may differ from the last preview if the register changed). */
  commitProblems: ImportProblem[] | null;
  /** Cells the user fixed, by "row:column", so the grid shows the new text. */
  edits: Record<string, string>;
  result: CommitResult | null;

  chooseFile(file: File): Promise<void>;
  setMapping(column: number, field: ImportField | null): void;
  toPreview(): Promise<void>;
  back(): void;
  setCreateLocations(value: boolean): Promise<void>;
  setDuplicatePolicy(value: DuplicatePolicy): Promise<void>;
  /** Saves one cell in the staged file and runs the preview again; resolves false when core refused the edit. */
  fixCell(row: number, column: number, value: string): Promise<boolean>;
  commit(): Promise<CommitResult | null>;
  /** Forgets the staged file in core (Cancel, closing, choosing another file). */
  discard(): Promise<void>;
  /** Back to the first step with nothing staged: core dropped the file (an hour unused), or the user starts over. */
  restart(): Promise<void>;
}

const initial = {
  step: 'file' as ImportStep,
  busy: null as ImportBusy,
  fileProblem: null,
  error: null,
  file: null,
  mapping: [],
  mappingAttempted: false,
  createLocations: false,
  duplicatePolicy: 'stop' as DuplicatePolicy,
  report: null,
  commitProblems: null,
  edits: {},
  result: null,
};

/** Core no longer holds the file (an hour unused, or dropped for newer ones): the wizard offers to start over. */
export function isStagingLost(error: unknown): boolean {
  return isApiClientError(error) && error.code === 'import.not-found';
}

/** Problems core attached to an `import.invalid-rows` refusal. */
export function problemsOf(error: unknown): ImportProblem[] | null {
  if (!isApiClientError(error) || error.code !== 'import.invalid-rows') return null;
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as ImportProblem[]) : null;
}

/**
 * One run of the import wizard: file → mapping → dry run → commit. Each
 * dialog makes its own store, so two entry points never share a half-done import.
 */
export function createImportWizardStore() {
  return createStore<ImportWizardState>()((set, get) => {
    const options = (): ImportOptions => {
      const { file, mapping, createLocations, duplicatePolicy } = get();
      return { importId: file?.importId ?? '', mapping: normalizeMapping(mapping), createLocations, duplicatePolicy };
    };

    const runPreview = async (busy: ImportBusy = 'previewing'): Promise<boolean> => {
      set({ busy, error: null });
      try {
        const report = await api.call('imports.preview', options());
        set({ report, busy: null, step: 'preview', commitProblems: null });
        return true;
      } catch (error) {
        set({ busy: null, error });
        return false;
      }
    };

    return {
      ...initial,

      async chooseFile(picked) {
        if (get().busy) return;
        const problem = importFileProblem(picked);
        if (problem) {
          set({ fileProblem: problem, error: null });
          return;
        }
        await get().discard();
        set({ ...initial, busy: 'reading' });
        try {
          const contentBase64 = await readFileAsBase64(picked);
          set({ busy: 'parsing' });
          const file = await api.call('imports.parse', { fileName: picked.name, contentBase64 });
          set({ file, mapping: [...file.suggestedMapping], busy: null, step: 'mapping' });
        } catch (error) {
          set({ busy: null, error });
        }
      },

      setMapping(column, field) {
        const mapping = [...get().mapping];
        mapping[column] = field;
        // A new mapping makes the last dry run meaningless.
        set({ mapping, report: null, error: null });
      },

      async toPreview() {
        set({ mappingAttempted: true });
        if (!checkMapping(get().mapping).ok || get().busy) return;
        await runPreview();
      },

      back() {
        const { step } = get();
        set({ step: step === 'preview' ? 'mapping' : 'file', error: null, commitProblems: null });
      },

      async setCreateLocations(value) {
        set({ createLocations: value });
        await runPreview();
      },

      async setDuplicatePolicy(value) {
        set({ duplicatePolicy: value });
        await runPreview();
      },

      async fixCell(row, column, value) {
        const { file } = get();
        if (!file) return false;
        set({ busy: 'editing', error: null });
        try {
          await api.call('imports.editCell', { importId: file.importId, row, column, value });
        } catch (error) {
          set({ busy: null, error });
          return false;
        }
        set((state) => ({ edits: { ...state.edits, [`${row}:${column}`]: value.trim() } }));
        return runPreview('editing');
      },

      async commit() {
        if (get().busy) return null;
        set({ busy: 'committing', error: null, commitProblems: null });
        try {
          const result = await api.call('imports.commit', options());
          // Core forgets a committed file: nothing left to discard.
          set({ ...initial, result });
          return result;
        } catch (error) {
          set({ busy: null, error, commitProblems: problemsOf(error) });
          return null;
        }
      },

      async restart() {
        await get().discard();
        set({ ...initial });
      },

      async discard() {
        const { file, result } = get();
        if (!file || result) return;
        set({ file: null });
        try {
          await api.call('imports.discard', { importId: file.importId });
        } catch {
          // Core drops staged files after an hour anyway; nothing the user can do about it.
        }
      },
    };
  });
}

export type ImportWizardStore = ReturnType<typeof createImportWizardStore>;
