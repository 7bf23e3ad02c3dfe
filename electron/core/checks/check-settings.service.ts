import type { z } from 'zod';
import type { checksContract } from '@shared/api/checks.contract';
import type { CheckSettings } from '@shared/domain/checks';
import { AppError } from '@shared/errors';
import type { AssetRow, AssetsRepo } from '../assets/assets.repo';
import type { EventBus } from '../events/event-bus';
import type { Db } from '../store/database';
import type { ProfileCatalog } from './check-profiles';
import { CheckSettingsRepo, type CheckSettingsRow } from './check-settings.repo';
import { defaultProfilesFor } from './profiles/profile-loader';
import { checkAddress, LEGACY_ALGORITHMS } from './transports';

export type CheckSettingsChange = z.output<(typeof checksContract)['checks.settings.update']['input']>['fields'];

/**
 * How each asset is checked. What nobody set comes from the asset itself:
 * the address from its first management IP, the profiles from its type and
 * vendor (profiles/default-profiles.ts); `defaults` says which values are
 * such defaults, so the UI can show them as suggestions.
 *
 * Update semantics (checks.settings.update): a field left out is unchanged;
 * null resets it to its default; sshProfile '' and snmpProfiles [] mean
 * "none" chosen by a person (a server that must not be logged into), which
 * the default never overrides again.
 */
export class CheckSettingsService {
  private readonly repo: CheckSettingsRepo;

  constructor(
    db: Db,
    private readonly assets: AssetsRepo,
    private readonly profiles: ProfileCatalog,
    private readonly events: EventBus,
    private readonly now: () => number,
  ) {
    this.repo = new CheckSettingsRepo(db);
  }

  get(assetId: string): CheckSettings {
    return this.forAsset(this.liveAsset(assetId));
  }

  /** The settings of an asset row the caller already has (a sweep reads many). */
  forAsset(asset: AssetRow): CheckSettings {
    const row = this.repo.get(asset.id);
    const defaults = defaultProfilesFor({ type: asset.type, vendor: asset.vendor, model: asset.model });
    const managementIps = JSON.parse(asset.management_ips) as string[];
    const address = row?.address ?? null;
    const sshProfile = row?.ssh_profile ?? null;
    const storedSnmp = row?.snmp_profiles ? (JSON.parse(row.snmp_profiles) as string[]) : null;
    return {
      assetId: asset.id,
      address: address ?? managementIps[0] ?? null,
      sshProfile: sshProfile === null ? defaults.sshProfile : sshProfile === '' ? null : sshProfile,
      snmpProfiles: storedSnmp ?? defaults.snmpProfiles,
      tcpPorts: row ? (JSON.parse(row.tcp_ports) as number[]) : [],
      httpUrls: row ? (JSON.parse(row.http_urls) as string[]) : [],
      legacyAlgorithms: row ? (JSON.parse(row.legacy_algorithms) as string[]) : [],
      defaults: { address: address === null, sshProfile: sshProfile === null, snmpProfiles: storedSnmp === null },
    };
  }

  update(assetId: string, fields: CheckSettingsChange): CheckSettings {
    const asset = this.liveAsset(assetId);
    const profiles = this.profiles.get();
    const current = this.repo.get(assetId);
    const next: CheckSettingsRow = current
      ? { ...current }
      : { asset_id: assetId, address: null, ssh_profile: null, snmp_profiles: null, tcp_ports: '[]', http_urls: '[]', legacy_algorithms: '[]', updated_at: 0 };

    if (fields.address !== undefined) next.address = fields.address === null || fields.address === '' ? null : checkAddress(fields.address);
    if (fields.sshProfile !== undefined) {
      if (fields.sshProfile !== null && fields.sshProfile !== '' && !profiles.ssh(fields.sshProfile)) invalid('sshProfile', `No SSH profile "${fields.sshProfile}"`);
      next.ssh_profile = fields.sshProfile;
    }
    if (fields.snmpProfiles !== undefined) {
      const unknown = (fields.snmpProfiles ?? []).filter((id) => !profiles.snmp(id));
      if (unknown.length > 0) invalid('snmpProfiles', `No SNMP profile ${unknown.map((id) => `"${id}"`).join(', ')}`);
      next.snmp_profiles = fields.snmpProfiles === null ? null : JSON.stringify(unique(fields.snmpProfiles));
    }
    if (fields.tcpPorts !== undefined) next.tcp_ports = JSON.stringify(unique(fields.tcpPorts ?? []));
    if (fields.httpUrls !== undefined) next.http_urls = JSON.stringify(unique(fields.httpUrls ?? []));
    if (fields.legacyAlgorithms !== undefined) {
      const unknown = (fields.legacyAlgorithms ?? []).filter((name) => !LEGACY_ALGORITHMS.includes(name));
      if (unknown.length > 0) invalid('legacyAlgorithms', `Unknown SSH algorithm ${unknown.join(', ')} (known: ${LEGACY_ALGORITHMS.join(', ')})`);
      next.legacy_algorithms = JSON.stringify(unique(fields.legacyAlgorithms ?? []));
    }
    next.updated_at = this.now();
    this.repo.upsert(next);
    this.events.emit('records.changed', { entities: ['checkSettings'] });
    return this.forAsset(asset);
  }

  private liveAsset(id: string): AssetRow {
    const row = this.assets.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('assets.not-found', `Asset ${id} not found`, { details: { id } });
    return row;
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function invalid(field: string, message: string): never {
  throw new AppError('api.invalid-input', message, { details: { issues: [{ path: `fields.${field}`, message }] } });
}
