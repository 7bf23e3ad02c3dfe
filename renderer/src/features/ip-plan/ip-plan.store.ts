import { create } from 'zustand';
import type { MethodInput } from '@shared/api';
import type { IpPlan } from '@shared/domain/ip-plan';
import { api } from '../../api';

interface IpPlanState {
  siteId: string | null;
  plan: IpPlan | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: unknown;
  load(siteId: string): Promise<void>;
  create(input: MethodInput<'subnets.create'>): Promise<void>;
  update(input: MethodInput<'subnets.update'>): Promise<void>;
  remove(id: string): Promise<void>;
}

// Our own write and the records.changed event it causes both reload; only the
// latest answer may land, or an older plan could replace a newer one.
let latestLoad = 0;

/** The IP plan of the site on screen. */
export const useIpPlan = create<IpPlanState>()((set, get) => ({
  siteId: null,
  plan: null,
  status: 'idle',
  loadError: null,
  async load(siteId) {
    const request = ++latestLoad;
    // Another site: drop the old plan at once rather than show it under the new name.
    if (get().siteId !== siteId) set({ siteId, plan: null, status: 'loading', loadError: null });
    else if (get().plan === null) set({ status: 'loading' });
    try {
      const plan = await api.call('ipPlan.get', { siteId });
      if (request === latestLoad) set({ plan, status: 'ready', loadError: null });
    } catch (error) {
      if (request === latestLoad) set({ status: 'failed', loadError: error });
    }
  },
  async create(input) {
    await api.call('subnets.create', input);
    await get().load(input.siteId);
  },
  async update(input) {
    await api.call('subnets.update', input);
    const siteId = get().siteId;
    if (siteId) await get().load(siteId);
  },
  async remove(id) {
    await api.call('subnets.delete', { id });
    const siteId = get().siteId;
    if (siteId) await get().load(siteId);
  },
}));

/** records.changed entities that change what the plan shows: subnets, and the addresses assets use. */
const PLAN_ENTITIES = new Set(['*', 'subnet', 'asset']);

export function touchesIpPlan(entities: readonly string[]): boolean {
  return entities.some((entity) => PLAN_ENTITIES.has(entity));
}
