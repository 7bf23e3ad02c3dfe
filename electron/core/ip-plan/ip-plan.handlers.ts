import type { ipPlanContract } from '@shared/api/ip-plan.contract';
import type { Handlers } from '../api/registry';
import type { IpPlanService } from './ip-plan.service';

export function ipPlanHandlers(service: () => IpPlanService): Handlers<typeof ipPlanContract> {
  return {
    'ipPlan.get': (input) => service().get(input),
    'subnets.create': (input) => service().create(input),
    'subnets.update': (input) => service().update(input),
    'subnets.delete': (input) => service().delete(input),
  };
}
