import type { PlanSummary } from '@shared/domain/emergency-plans';

export interface SiteGroup {
  siteId: string | null;
  siteName: string | null;
  plans: PlanSummary[];
}

export interface ClientGroup {
  clientId: string;
  clientName: string;
  sites: SiteGroup[];
}

/** Plans in the order core sorts them (client, then plans for every site, then each site), cut into groups. */
export function groupPlans(plans: readonly PlanSummary[]): ClientGroup[] {
  const clients: ClientGroup[] = [];
  for (const plan of plans) {
    let client = clients.at(-1);
    if (client?.clientId !== plan.clientId) {
      client = { clientId: plan.clientId, clientName: plan.clientName, sites: [] };
      clients.push(client);
    }
    let site = client.sites.at(-1);
    if (!site || site.siteId !== plan.siteId) {
      site = { siteId: plan.siteId, siteName: plan.siteName, plans: [] };
      client.sites.push(site);
    }
    site.plans.push(plan);
  }
  return clients;
}
