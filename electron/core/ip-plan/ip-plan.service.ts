import type { z } from 'zod';
import type { ipPlanContract } from '@shared/api/ip-plan.contract';
import type { IpConflict, IpPlan, Subnet } from '@shared/domain/ip-plan';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import {
  cappedNumber,
  compareAddresses,
  compareCidrs,
  contains,
  isUsableHost,
  overlaps,
  parseAddress,
  parseCidr,
  usableCount,
  type Address,
  type Cidr,
} from './ip-address';
import { IpPlanRepo, type AddressRow, type SubnetRow } from './ip-plan.repo';

type Input<M extends keyof typeof ipPlanContract> = z.output<(typeof ipPlanContract)[M]['input']>;
type AssetRef = { id: string; name: string };

const ENTITIES = ['subnet'];

/**
 * The IP plan of a site (网络IP地址统计): its subnets, which addresses its
 * assets use in each, how many are free, and what is wrong (one address on two
 * assets; an address outside every subnet of the site).
 *
 * Subnets are synced, so they are written through the write path. Addresses
 * are compared in canonical form (ipaddr.js), not as typed: 2001:DB8::1 and
 * 2001:db8:0::1 are one address, and so are ::ffff:10.0.0.1 and 10.0.0.1.
 */
export class IpPlanService {
  private readonly repo: IpPlanRepo;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
  ) {
    this.repo = new IpPlanRepo(store.db);
  }

  get(input: { siteId: string }): IpPlan {
    const site = this.repo.site(input.siteId);
    if (!site || site.deleted_at !== null) throw new AppError('locations.not-found', `No site with id ${input.siteId}`);

    const subnets = this.repo
      .liveSubnets(input.siteId)
      .map((row) => ({ row, cidr: storedCidr(row) }))
      .sort((a, b) => compareCidrs(a.cidr, b.cidr));
    const here = groupByAddress(this.repo.siteAddresses(input.siteId));

    const planned = subnets.map(({ row, cidr }) => {
      const used = [...here.values()].filter((entry) => contains(cidr, entry.address)).sort((a, b) => compareAddresses(a.address, b.address));
      const taken = new Set(used.filter((entry) => isUsableHost(cidr, entry.address)).map((entry) => entry.address.text));
      const gateway = row.gateway ? parseAddress(row.gateway) : null;
      if (gateway && isUsableHost(cidr, gateway)) taken.add(gateway.text);
      return {
        ...toSubnet(row),
        size: cappedNumber(usableCount(cidr)),
        used: used.map((entry) => ({ ip: entry.address.text, assets: entry.assets })),
        free: cappedNumber(usableCount(cidr) - BigInt(taken.size)),
      };
    });

    return { siteId: input.siteId, subnets: planned, conflicts: [...this.duplicates(here), ...outside(here, subnets.map((s) => s.cidr))] };
  }

  create(input: Input<'subnets.create'>): { id: string } {
    const cidr = requireCidr(input.cidr);
    const gateway = input.gateway === null ? null : requireAddress(input.gateway);
    assertGatewayInside(cidr, gateway);
    const id = newId();
    const fields = { siteId: input.siteId, cidr: cidr.text, vlan: input.vlan, gateway: gateway?.text ?? null, purpose: input.purpose };
    this.store.writePath.write([{ entity: 'subnet', op: 'insert', id, fields }], () => {
      this.assertSiteLive(input.siteId);
      this.assertNoOverlap(input.siteId, cidr);
    });
    this.changed();
    return { id };
  }

  /** Changes the fields given; a field left out keeps its value (null clears vlan or gateway). */
  update(input: Input<'subnets.update'>): { id: string } {
    const given = input.fields;
    const cidr = given.cidr === undefined ? undefined : requireCidr(given.cidr);
    const gateway = given.gateway === undefined ? undefined : given.gateway === null ? null : requireAddress(given.gateway);
    const fields: Record<string, unknown> = {};
    if (cidr) fields['cidr'] = cidr.text;
    if (gateway !== undefined) fields['gateway'] = gateway?.text ?? null;
    if (given.vlan !== undefined) fields['vlan'] = given.vlan;
    if (given.purpose !== undefined) fields['purpose'] = given.purpose;
    this.store.writePath.write([{ entity: 'subnet', op: 'update', id: input.id, fields }], () => {
      const row = this.liveSubnet(input.id);
      this.assertSiteLive(row.site_id);
      const nextCidr = cidr ?? storedCidr(row);
      const nextGateway = gateway !== undefined ? gateway : row.gateway ? parseAddress(row.gateway) : null;
      assertGatewayInside(nextCidr, nextGateway);
      if (cidr) this.assertNoOverlap(row.site_id, cidr, row.id);
    });
    this.changed();
    return { id: input.id };
  }

  delete(input: { id: string }): { id: string } {
    this.store.writePath.write([{ entity: 'subnet', op: 'delete', id: input.id }], () => {
      this.liveSubnet(input.id);
    });
    this.changed();
    return { id: input.id };
  }

  /**
   * Addresses this site's assets use that any other live asset in the register
   * uses too, wherever it is (another site, or no place yet): each with every
   * asset that uses it. Duplicates touching only other sites belong to their
   * own plans.
   */
  private duplicates(here: Map<string, AddressEntry>): IpConflict[] {
    if (here.size === 0) return [];
    const everywhere = groupByAddress(this.repo.allAddresses().filter((row) => here.has(parseAddress(row.ip)?.text ?? '')));
    return [...everywhere.values()]
      .filter((entry) => entry.assets.length > 1)
      .sort((a, b) => compareAddresses(a.address, b.address))
      .map((entry) => ({ ip: entry.address.text, kind: 'duplicate', assets: entry.assets }));
  }

  private liveSubnet(id: string): SubnetRow {
    const row = this.repo.subnet(id);
    if (!row || row.deleted_at !== null) throw new AppError('subnets.not-found', `No subnet with id ${id}`);
    return row;
  }

  private assertSiteLive(siteId: string): void {
    const site = this.repo.site(siteId);
    if (!site || site.deleted_at !== null) throw new AppError('locations.parent-not-found', `No site with id ${siteId}`);
  }

  private assertNoOverlap(siteId: string, cidr: Cidr, exceptId?: string): void {
    const clash = this.repo.liveSubnets(siteId).find((row) => row.id !== exceptId && overlaps(storedCidr(row), cidr));
    if (clash) {
      throw new AppError('subnets.overlap', `${cidr.text} overlaps ${clash.cidr} at this site`, { details: { field: 'cidr', subnetId: clash.id, cidr: clash.cidr } });
    }
  }

  private changed(): void {
    this.events.emit('records.changed', { entities: ENTITIES });
  }
}

interface AddressEntry {
  address: Address;
  assets: AssetRef[];
}

/** Rows by canonical address, each asset once, assets sorted by name. Text that is no address (never written by the API) is skipped. */
function groupByAddress(rows: AddressRow[]): Map<string, AddressEntry> {
  const entries = new Map<string, AddressEntry>();
  for (const row of rows) {
    const address = parseAddress(row.ip);
    if (!address) continue;
    let entry = entries.get(address.text);
    if (!entry) {
      entry = { address, assets: [] };
      entries.set(address.text, entry);
    }
    if (!entry.assets.some((asset) => asset.id === row.asset_id)) entry.assets.push({ id: row.asset_id, name: row.name });
  }
  for (const entry of entries.values()) entry.assets.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return entries;
}

function outside(here: Map<string, AddressEntry>, subnets: Cidr[]): IpConflict[] {
  return [...here.values()]
    .filter((entry) => !subnets.some((cidr) => contains(cidr, entry.address)))
    .sort((a, b) => compareAddresses(a.address, b.address))
    .map((entry) => ({ ip: entry.address.text, kind: 'outside-subnets', assets: entry.assets }));
}

/** The gateway must be a host address of the subnet: inside it, and not the IPv4 network or broadcast address. */
function assertGatewayInside(cidr: Cidr, gateway: Address | null): void {
  if (gateway && !isUsableHost(cidr, gateway)) {
    throw new AppError('subnets.gateway-outside', `The gateway ${gateway.text} is not a host address of ${cidr.text}`, { details: { field: 'gateway' } });
  }
}

function requireCidr(text: string): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw new AppError('api.invalid-input', `Not a subnet in CIDR notation: ${text}`, { details: { issues: [{ path: 'cidr', message: 'Not a subnet in CIDR notation' }] } });
  return cidr;
}

function requireAddress(text: string): Address {
  const address = parseAddress(text);
  if (!address) throw new AppError('api.invalid-input', `Not an IP address: ${text}`, { details: { issues: [{ path: 'gateway', message: 'Not an IPv4 or IPv6 address' }] } });
  return address;
}

/** Stored CIDRs were normalised on the way in; one that no longer parses is a damaged row. */
function storedCidr(row: SubnetRow): Cidr {
  const cidr = parseCidr(row.cidr);
  if (!cidr) throw new AppError('store.corrupt', `Subnet ${row.id} holds an invalid CIDR`);
  return cidr;
}

function toSubnet(row: SubnetRow): Subnet {
  return {
    id: row.id,
    siteId: row.site_id,
    cidr: row.cidr,
    vlan: row.vlan,
    gateway: row.gateway,
    purpose: row.purpose,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
