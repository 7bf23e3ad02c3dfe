import { z } from 'zod';
import { EmergencyPlan, PlanFields, PlanFieldsPatch, PlanFilter, PlanSummary, PlanTemplateId, PlanTemplateSummary } from '../domain/emergency-plans';
import { Id } from '../domain/ids';
import { method } from './define';

export const emergencyPlansContract = {
  /** Plans sorted by client, site (client-wide plans first) and title. */
  'plans.list': method({
    summary: 'Emergency plans, optionally of one client or site, matching a search.',
    input: PlanFilter,
    output: z.array(PlanSummary),
  }),
  'plans.get': method({
    summary: 'One emergency plan with its steps, contacts and call list.',
    input: z.object({ id: Id }),
    output: EmergencyPlan,
  }),
  /** Write a plan. At least one step; every contact has a phone number; the call list names contacts of the plan. */
  'plans.create': method({
    summary: 'Write an emergency plan for a client or one of its sites.',
    input: PlanFields,
    output: z.object({ id: Id }),
  }),
  /** Change some fields; the plan as a whole must still pass the rules of plans.create. */
  'plans.update': method({
    summary: 'Change fields of an emergency plan.',
    input: z.object({ id: Id, fields: PlanFieldsPatch }),
    output: z.object({ id: Id }),
  }),
  /** Delete a plan (a tombstone: restorable, synced). */
  'plans.delete': method({
    summary: 'Delete an emergency plan (restorable).',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  'plans.restore': method({
    summary: 'Restore a deleted emergency plan.',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  /** The templates shipped with Walkdown, in both languages. */
  'plans.templates': method({
    summary: 'The shipped emergency plan templates.',
    input: z.object({}),
    output: z.array(PlanTemplateSummary),
  }),
  /** A new plan for a client (or site) copied from a template; it starts unreviewed. */
  'plans.fromTemplate': method({
    summary: 'Create an emergency plan for a client or site from a shipped template.',
    input: z.object({ templateId: PlanTemplateId, clientId: Id, siteId: Id.nullable().optional() }),
    output: z.object({ id: Id }),
  }),
};
