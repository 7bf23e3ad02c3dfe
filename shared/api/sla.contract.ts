import { z } from 'zod';
import { Id } from '../domain/ids';
import { SlaPolicy, SlaPolicyFields } from '../domain/sla';
import { method } from './define';

export const slaContract = {
  /**
   * Every policy: the default first (the built-in one, id DEFAULT_SLA_POLICY_ID,
   * until someone saves it), then the clients' contracts, oldest first.
   */
  'sla.policies': method({
    summary: 'SLA policies: the default, then one per client contract.',
    input: z.object({}),
    output: z.array(SlaPolicy),
  }),
  /**
   * Create (no id) or change a policy. One policy per client; the default
   * (clientId null) stays the default. Refused: `sla.duplicate-client`,
   * `sla.default-required`, `sla.invalid-calendar`, `sla.policy-not-found`.
   */
  'sla.savePolicy': method({
    summary: "Create or change a client's SLA policy, or the default.",
    input: z.object({ id: Id.optional(), fields: SlaPolicyFields }),
    output: SlaPolicy,
  }),
  /** Delete a client's policy (a tombstone); its incidents fall back to the default. The default cannot be deleted. */
  'sla.deletePolicy': method({
    summary: "Delete a client's SLA policy (the default cannot be deleted).",
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  /** The policy that applies to a client's incidents: its own, else the default. */
  'sla.effectivePolicy': method({
    summary: "The SLA policy that applies to a client's incidents (its own, else the default).",
    input: z.object({ clientId: Id.nullable() }),
    output: SlaPolicy,
  }),
};
