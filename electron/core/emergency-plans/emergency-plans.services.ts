import { DEFAULT_RESOURCES_DIR, type ServiceDeps } from '../services';
import { EmergencyPlansService } from './emergency-plans.service';
import { PlanTemplateCatalog } from './plan-templates';

/** Emergency plans over the open store, with the templates shipped under resources/emergency-plans. */
export function createEmergencyPlansServices(deps: ServiceDeps) {
  return new EmergencyPlansService(deps.store, deps.events, new PlanTemplateCatalog(deps.resourcesDir ?? DEFAULT_RESOURCES_DIR));
}

export type EmergencyPlansServices = ReturnType<typeof createEmergencyPlansServices>;
