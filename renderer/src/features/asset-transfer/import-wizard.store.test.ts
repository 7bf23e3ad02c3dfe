import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportFile, ImportReport } from '@shared/domain/asset-import';
import { ApiClientError } from '../../api/api-client-error';

const call = vi.fn();
// The app-wide client picks a transport from `window`; the store only needs `call`.
vi.mock('../../api', async () => {
  const errors = await import('../../api/api-client-error');
  return { api: { call: (...args: unknown[]) => call(...args) }, ApiClientError: errors.ApiClientError, isApiClientError: errors.isApiClientError };
});

const { createImportWizardStore } = await import('./import-wizard.store');

const parsed: ImportFile = {
  importId: 'imp-1',
  fileName: '资产.csv',
  format: 'csv',
  encoding: 'gb18030',
  headers: ['设备名称', '设备类型', 'IP地址'],
  rowCount: 2,
  sample: [
    ['服务器-1', '服务器', '10.0.0.1'],
    ['服务器-2', '服务器', '10.0.0.999'],
  ],
  suggestedMapping: ['name', 'type', 'managementIps'],
};

const report = (problems: ImportReport['problems']): ImportReport => ({
  rowCount: 2,
  valid: 2 - new Set(problems.map((problem) => problem.row)).size,
  problems,
  problemsTruncated: false,
  duplicates: [],
  newLocations: [],
  wouldCreate: 2,
  wouldUpdate: 0,
  wouldSkip: 0,
});
const badIp = { row: 3, column: 3, header: 'IP地址', field: 'managementIps', code: 'import.cell-invalid', message: 'Not an IPv4 or IPv6 address: 10.0.0.999' };

function file(size = 64): File {
  return new File([new Uint8Array(size).fill(65)], '资产.csv', { type: 'text/csv' });
}

describe('import wizard store', () => {
  beforeEach(() => call.mockReset());

  it('refuses a file over the limit without reading or sending it', async () => {
    const store = createImportWizardStore();
    const huge = { name: 'big.csv', size: 65 * 1024 * 1024, arrayBuffer: vi.fn() } as unknown as File;
    await store.getState().chooseFile(huge);
    expect(store.getState().fileProblem).toMatchObject({ key: 'tooLarge' });
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    expect(call).not.toHaveBeenCalled();
  });

  it('parses, keeps the suggested mapping and refuses to preview without the required fields', async () => {
    call.mockResolvedValueOnce(parsed);
    const store = createImportWizardStore();
    await store.getState().chooseFile(file(3));
    expect(call).toHaveBeenCalledWith('imports.parse', { fileName: '资产.csv', contentBase64: 'QUFB' });
    expect(store.getState()).toMatchObject({ step: 'mapping', mapping: ['name', 'type', 'managementIps'] });

    store.getState().setMapping(0, null);
    await store.getState().toPreview();
    expect(store.getState()).toMatchObject({ step: 'mapping', mappingAttempted: true });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('fixes a cell, runs the dry run again and commits', async () => {
    call.mockResolvedValueOnce(parsed).mockResolvedValueOnce(report([badIp]));
    const store = createImportWizardStore();
    await store.getState().chooseFile(file());
    await store.getState().toPreview();
    expect(store.getState().report?.problems).toHaveLength(1);

    call.mockResolvedValueOnce({ importId: 'imp-1' }).mockResolvedValueOnce(report([]));
    expect(await store.getState().fixCell(3, 3, ' 10.0.0.99 ')).toBe(true);
    expect(call).toHaveBeenCalledWith('imports.editCell', { importId: 'imp-1', row: 3, column: 3, value: ' 10.0.0.99 ' });
    expect(call).toHaveBeenLastCalledWith('imports.preview', { importId: 'imp-1', mapping: ['name', 'type', 'managementIps'], createLocations: false, duplicatePolicy: 'stop' });
    expect(store.getState().edits).toEqual({ '3:3': '10.0.0.99' });
    expect(store.getState().report?.problems).toEqual([]);

    call.mockResolvedValueOnce({ created: 2, updated: 0, skipped: 0, locationsCreated: 0 });
    expect(await store.getState().commit()).toEqual({ created: 2, updated: 0, skipped: 0, locationsCreated: 0 });
    // A committed file is gone from core: nothing to discard.
    await store.getState().discard();
    expect(call).not.toHaveBeenCalledWith('imports.discard', expect.anything());
  });

  it('shows the problems of a refused commit and discards on cancel', async () => {
    call.mockResolvedValueOnce(parsed).mockResolvedValueOnce(report([badIp]));
    const store = createImportWizardStore();
    await store.getState().chooseFile(file());
    await store.getState().setDuplicatePolicy('skip');

    call.mockRejectedValueOnce(new ApiClientError({ code: 'import.invalid-rows', message: '1 problem', retryable: false, details: { problems: [badIp] } }));
    expect(await store.getState().commit()).toBeNull();
    expect(store.getState().commitProblems).toEqual([badIp]);
    expect(store.getState().step).toBe('preview');

    call.mockResolvedValueOnce({ importId: 'imp-1' });
    await store.getState().discard();
    expect(call).toHaveBeenLastCalledWith('imports.discard', { importId: 'imp-1' });
  });
});
