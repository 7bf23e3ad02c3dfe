import type { z } from 'zod';
import { IpAddress } from '@shared/domain/assets';
import { Cidr, SubnetFields, type SubnetPatch } from '@shared/domain/ip-plan';

/** The dialog's fields as typed. */
export interface SubnetDraft {
  cidr: string;
  vlan: string;
  gateway: string;
  purpose: string;
}

export type SubnetFieldName = keyof SubnetDraft;
export type SubnetProblem = 'cidrRequired' | 'cidrInvalid' | 'vlanInvalid' | 'gatewayInvalid' | 'purposeTooLong';

export interface SubnetValues {
  cidr: string;
  vlan: number | null;
  gateway: string | null;
  purpose: string;
}

const VLAN = SubnetFields.shape.vlan.unwrap();
const PURPOSE = SubnetFields.shape.purpose.unwrap();
export const PURPOSE_MAX = PURPOSE.maxLength ?? 200;
export const VLAN_MIN = VLAN.unwrap().minValue ?? 1;
export const VLAN_MAX = VLAN.unwrap().maxValue ?? 4094;

export function emptyDraft(): SubnetDraft {
  return { cidr: '', vlan: '', gateway: '', purpose: '' };
}

export function draftOf(subnet: { cidr: string; vlan: number | null; gateway: string | null; purpose: string }): SubnetDraft {
  return { cidr: subnet.cidr, vlan: subnet.vlan === null ? '' : String(subnet.vlan), gateway: subnet.gateway ?? '', purpose: subnet.purpose };
}

/**
 * Checks the draft with the shared schemas core uses, so the dialog cannot
 * accept what core refuses for its form (whether the gateway lies inside the
 * subnet and overlaps with other subnets are core's to say).
 */
export function checkSubnetDraft(draft: SubnetDraft): { values: SubnetValues | null; problems: Partial<Record<SubnetFieldName, SubnetProblem>> } {
  const problems: Partial<Record<SubnetFieldName, SubnetProblem>> = {};
  const cidrText = draft.cidr.trim();
  const cidr = Cidr.safeParse(cidrText);
  if (cidrText === '') problems.cidr = 'cidrRequired';
  else if (!cidr.success) problems.cidr = 'cidrInvalid';

  const vlanText = draft.vlan.trim();
  let vlan: number | null = null;
  if (vlanText !== '') {
    const parsed = /^\d+$/.test(vlanText) ? VLAN.safeParse(Number(vlanText)) : null;
    if (parsed?.success) vlan = parsed.data;
    else problems.vlan = 'vlanInvalid';
  }

  const gatewayText = draft.gateway.trim();
  let gateway: string | null = null;
  if (gatewayText !== '') {
    const parsed = IpAddress.safeParse(gatewayText);
    if (parsed.success) gateway = parsed.data;
    else problems.gateway = 'gatewayInvalid';
  }

  const purpose = PURPOSE.safeParse(draft.purpose);
  if (!purpose.success) problems.purpose = 'purposeTooLong';

  if (Object.keys(problems).length > 0 || !purpose.success) return { values: null, problems };
  return { values: { cidr: cidrText, vlan, gateway, purpose: purpose.data }, problems };
}

/** Only what changed, so an edit of the purpose cannot overwrite a VLAN someone else just set. */
export function subnetPatch(before: SubnetValues, after: SubnetValues): z.input<typeof SubnetPatch> {
  const patch: z.input<typeof SubnetPatch> = {};
  if (after.cidr !== before.cidr) patch.cidr = after.cidr;
  if (after.vlan !== before.vlan) patch.vlan = after.vlan;
  if (after.gateway !== before.gateway) patch.gateway = after.gateway;
  if (after.purpose !== before.purpose) patch.purpose = after.purpose;
  return patch;
}
