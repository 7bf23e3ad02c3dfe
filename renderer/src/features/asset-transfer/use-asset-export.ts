import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ASSET_SORT_FIELDS, AssetFilterInput } from '@shared/domain/assets';
import { languageFromLocale } from '@shared/domain/profile';
import { api } from '../../api';
import { notify, reportError } from '../../app/errors/report-error';
import { downloadFile } from './download-file';

export interface ExportRequest {
  filter: AssetFilterInput;
  sort: { field: (typeof ASSET_SORT_FIELDS)[number]; direction: 'asc' | 'desc' };
  format: 'csv' | 'xlsx';
}

/** Exports the list as the user sees it (filter, sort, UI language) and saves the file. */
export function useAssetExport() {
  const { t, i18n } = useTranslation();
  const [exporting, setExporting] = useState(false);

  async function exportAssets(request: ExportRequest): Promise<void> {
    if (exporting) return;
    setExporting(true);
    try {
      const file = await api.call('assets.export', {
        filter: request.filter,
        sort: request.sort,
        format: request.format,
        language: languageFromLocale(i18n.language),
      });
      downloadFile(file);
      notify(t('assetExport.done', { fileName: file.fileName, count: file.rows }));
    } catch (error) {
      reportError(error);
    } finally {
      setExporting(false);
    }
  }

  return { exporting, exportAssets };
}
