import type { slaContract } from '@shared/api/sla.contract';
import type { Handlers } from '../api/registry';
import type { SlaServices } from './sla.services';

export function slaHandlers(services: () => SlaServices): Handlers<typeof slaContract> {
  return {
    'sla.policies': () => services().policies.list(),
    'sla.savePolicy': (input) => services().policies.save(input),
    'sla.deletePolicy': ({ id }) => services().policies.delete(id),
    'sla.effectivePolicy': ({ clientId }) => services().policies.effectivePolicy(clientId),
  };
}
