import { z } from 'zod';
import { Id } from '../domain/ids';
import { IpPlan, SubnetFields, SubnetPatch } from '../domain/ip-plan';
import { method } from './define';

export const ipPlanContract = {
  /** The subnets of a site with used and free addresses, and conflicts. */
  'ipPlan.get': method({
    summary: 'Subnets of a site with the addresses assets use, free counts and conflicts.',
    input: z.object({ siteId: Id }),
    output: IpPlan,
  }),
  'subnets.create': method({
    summary: 'Add a subnet to a site. Subnets of one site may not overlap.',
    input: SubnetFields,
    output: z.object({ id: Id }),
  }),
  'subnets.update': method({
    summary: 'Change a subnet.',
    input: z.object({ id: Id, fields: SubnetPatch }),
    output: z.object({ id: Id }),
  }),
  'subnets.delete': method({
    summary: 'Delete a subnet.',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
};
