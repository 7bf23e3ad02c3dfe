import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import QrCode2Icon from '@mui/icons-material/QrCode2';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { Button, ListItemText, Menu, MenuItem, Stack, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ASSET_SORT_FIELDS, AssetFilterInput } from '@shared/domain/assets';
import { ImportWizardDialog } from './ImportWizardDialog';
import { LabelsDialog } from './LabelsDialog';
import { useAssetExport } from './use-asset-export';

export interface AssetTransferActionsProps {
  filter: AssetFilterInput;
  sort: { field: (typeof ASSET_SORT_FIELDS)[number]; direction: 'asc' | 'desc' };
  selectedIds: string[];
}

/** Toolbar actions of the asset register: import a file, export the current list, print QR labels. */
export function AssetTransferActions(props: AssetTransferActionsProps) {
  const { filter, sort, selectedIds } = props;
  const { t } = useTranslation();
  const [importOpen, setImportOpen] = useState(false);
  const [labelsOpen, setLabelsOpen] = useState(false);
  const [exportAnchor, setExportAnchor] = useState<HTMLElement | null>(null);
  const { exporting, exportAssets } = useAssetExport();

  const runExport = (format: 'csv' | 'xlsx') => {
    setExportAnchor(null);
    void exportAssets({ filter, sort, format });
  };

  const nothingSelected = selectedIds.length === 0;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      <Button variant="outlined" startIcon={<FileUploadIcon />} onClick={() => setImportOpen(true)}>
        {t('assetImport.open')}
      </Button>
      <Button
        variant="outlined"
        startIcon={<FileDownloadIcon />}
        endIcon={<ArrowDropDownIcon />}
        disabled={exporting}
        aria-haspopup="menu"
        aria-expanded={exportAnchor ? 'true' : undefined}
        aria-controls={exportAnchor ? 'asset-export-menu' : undefined}
        onClick={(event) => setExportAnchor(event.currentTarget)}
      >
        {exporting ? t('assetExport.exporting') : t('assetExport.open')}
      </Button>
      <Menu id="asset-export-menu" anchorEl={exportAnchor} open={exportAnchor !== null} onClose={() => setExportAnchor(null)}>
        <MenuItem onClick={() => runExport('csv')}>
          <ListItemText primary={t('assetExport.csv')} secondary={t('assetExport.csvHint')} />
        </MenuItem>
        <MenuItem onClick={() => runExport('xlsx')}>
          <ListItemText primary={t('assetExport.xlsx')} secondary={t('assetExport.xlsxHint')} />
        </MenuItem>
      </Menu>
      <Tooltip title={nothingSelected ? t('labels.selectFirst') : t('labels.forSelection', { count: selectedIds.length })}>
        {/* A disabled button fires no events: the span keeps the tooltip reachable. */}
        <span>
          <Button variant="outlined" startIcon={<QrCode2Icon />} disabled={nothingSelected} onClick={() => setLabelsOpen(true)}>
            {t('labels.open')}
          </Button>
        </span>
      </Tooltip>
      {importOpen ? <ImportWizardDialog open onClose={() => setImportOpen(false)} /> : null}
      {labelsOpen ? <LabelsDialog open assetIds={selectedIds} onClose={() => setLabelsOpen(false)} /> : null}
    </Stack>
  );
}
