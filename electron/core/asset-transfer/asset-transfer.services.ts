import type { EventBus } from '../events/event-bus';
import { LabelsService } from '../labels/labels.service';
import type { LocalStore } from '../store/local-store';
import { AssetExporter } from './asset-export';
import type { AssetTransferServices } from './asset-transfer.handlers';
import { ImportService } from './import.service';

/** Import, export and label sheets over one store: one entry in the service container. */
export function createAssetTransferServices(deps: { store: LocalStore; events: EventBus; now: () => number }): AssetTransferServices {
  return {
    imports: new ImportService(deps.store, deps.events, deps.now),
    exporter: new AssetExporter(deps.store, deps.now),
    labels: new LabelsService(deps.store, deps.now),
  };
}
