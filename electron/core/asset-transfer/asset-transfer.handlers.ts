import type { assetTransferContract } from '@shared/api/asset-transfer.contract';
import type { Handlers } from '../api/registry';
import type { LabelsService } from '../labels/labels.service';
import type { AssetExporter } from './asset-export';
import type { ImportService } from './import.service';

export interface AssetTransferServices {
  imports: ImportService;
  exporter: AssetExporter;
  labels: LabelsService;
}

export function assetTransferHandlers(services: () => AssetTransferServices): Handlers<typeof assetTransferContract> {
  return {
    'imports.parse': (input) => services().imports.parse(input),
    'imports.editCell': (input) => services().imports.editCell(input),
    'imports.preview': (input) => services().imports.preview(input),
    'imports.commit': (input) => services().imports.commit(input),
    'imports.discard': (input) => services().imports.discard(input),
    'assets.export': (input) => services().exporter.export(input),
    'labels.pdf': (input) => services().labels.pdf(input),
  };
}
