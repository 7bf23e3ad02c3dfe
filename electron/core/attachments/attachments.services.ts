import type { ServiceDeps } from '../services';
import { AttachmentsService } from './attachments.service';

export function createAttachmentsServices(deps: ServiceDeps) {
  return new AttachmentsService({ store: deps.store, events: deps.events, dataDir: deps.dataDir, actor: deps.actor ?? (() => null) });
}

export type AttachmentsServices = ReturnType<typeof createAttachmentsServices>;
