import type { Db } from '../store/database';

export interface SubnetRow {
  id: string;
  site_id: string;
  cidr: string;
  vlan: number | null;
  gateway: string | null;
  purpose: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** One management address of one live asset. */
export interface AddressRow {
  ip: string;
  asset_id: string;
  name: string;
}

/**
 * Reads for the IP plan. Subnets are synced and written through the write
 * path; asset addresses come from asset_ips, which triggers keep in step with
 * assets.management_ips for live assets.
 */
export class IpPlanRepo {
  constructor(private readonly db: Db) {}

  site(id: string): { id: string; deleted_at: number | null } | undefined {
    return this.db.prepare('SELECT id, deleted_at FROM sites WHERE id = ?').get(id) as { id: string; deleted_at: number | null } | undefined;
  }

  subnet(id: string): SubnetRow | undefined {
    return this.db.prepare('SELECT * FROM subnets WHERE id = ?').get(id) as SubnetRow | undefined;
  }

  liveSubnets(siteId: string): SubnetRow[] {
    return this.db.prepare('SELECT * FROM subnets WHERE site_id = ? AND deleted_at IS NULL').all(siteId) as SubnetRow[];
  }

  /**
   * Addresses of the live assets at a site. An asset is where its room is, or
   * its rack's room; software without a place of its own is where the host it
   * is installed on is.
   */
  siteAddresses(siteId: string): AddressRow[] {
    return this.db
      .prepare(
        `SELECT ai.ip, a.id AS asset_id, a.name
         FROM asset_ips ai
         JOIN assets a ON a.id = ai.asset_id AND a.deleted_at IS NULL
         LEFT JOIN racks ar ON ar.id = a.rack_id
         LEFT JOIN assets h ON h.id = a.installed_on_id
         LEFT JOIN racks hr ON hr.id = h.rack_id
         JOIN rooms r ON r.id = COALESCE(a.room_id, ar.room_id, h.room_id, hr.room_id)
         WHERE r.site_id = ?`,
      )
      .all(siteId) as AddressRow[];
  }

  /** Every management address of every live asset, wherever it is: duplicates are a register-wide question. */
  allAddresses(): AddressRow[] {
    return this.db
      .prepare('SELECT ai.ip, a.id AS asset_id, a.name FROM asset_ips ai JOIN assets a ON a.id = ai.asset_id AND a.deleted_at IS NULL')
      .all() as AddressRow[];
  }
}
