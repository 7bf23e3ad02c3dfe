import type { emergencyPlansContract } from '@shared/api/emergency-plans.contract';
import type { Handlers } from '../api/registry';
import type { EmergencyPlansServices } from './emergency-plans.services';

export function emergencyPlansHandlers(service: () => EmergencyPlansServices): Handlers<typeof emergencyPlansContract> {
  return {
    'plans.list': (input) => service().list(input),
    'plans.get': (input) => service().get(input.id),
    'plans.create': (input) => service().create(input),
    'plans.update': (input) => service().update(input.id, input.fields),
    'plans.delete': (input) => service().delete(input.id),
    'plans.restore': (input) => service().restore(input.id),
    'plans.templates': () => service().templateList(),
    'plans.fromTemplate': (input) => service().fromTemplate(input.templateId, input.clientId, input.siteId ?? null),
  };
}
