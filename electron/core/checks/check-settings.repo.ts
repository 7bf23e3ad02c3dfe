import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * How this laptop checks an asset, as stored (asset_check_settings, local).
 * NULL in address / ssh_profile / snmp_profiles means "the default from the
 * asset's type, vendor and management IPs"; '' in ssh_profile and '[]' in
 * snmp_profiles mean "none, chosen by a person".
 */
export interface CheckSettingsRow {
  asset_id: string;
  address: string | null;
  ssh_profile: string | null;
  snmp_profiles: string | null;
  tcp_ports: string;
  http_urls: string;
  legacy_algorithms: string;
  updated_at: number;
}

export class CheckSettingsRepo {
  constructor(private readonly db: Db) {}

  get(assetId: string): CheckSettingsRow | undefined {
    return statement(this.db, 'SELECT * FROM asset_check_settings WHERE asset_id = ?').get(assetId) as CheckSettingsRow | undefined;
  }

  upsert(row: CheckSettingsRow): void {
    statement(
      this.db,
      `INSERT INTO asset_check_settings (asset_id, address, ssh_profile, snmp_profiles, tcp_ports, http_urls, legacy_algorithms, updated_at)
       VALUES (@asset_id, @address, @ssh_profile, @snmp_profiles, @tcp_ports, @http_urls, @legacy_algorithms, @updated_at)
       ON CONFLICT (asset_id) DO UPDATE SET address = excluded.address, ssh_profile = excluded.ssh_profile, snmp_profiles = excluded.snmp_profiles,
         tcp_ports = excluded.tcp_ports, http_urls = excluded.http_urls, legacy_algorithms = excluded.legacy_algorithms, updated_at = excluded.updated_at`,
    ).run(row);
  }
}
