import { z } from 'zod';
import { EpochMs, Id } from './ids';
import { IpAddress } from './assets';

/** A subnet in CIDR notation, IPv4 or IPv6, e.g. 10.1.20.0/24 or 2001:db8::/64. */
export const Cidr = z.union([z.cidrv4(), z.cidrv6()], { error: 'Not a subnet in CIDR notation, e.g. 10.1.20.0/24' });

export const SubnetFields = z.object({
  siteId: Id,
  cidr: Cidr,
  vlan: z.number().int().min(1).max(4094).nullable().default(null),
  gateway: IpAddress.nullable().default(null),
  purpose: z.string().trim().max(200).default(''),
});
export type SubnetFields = z.output<typeof SubnetFields>;

/** A change to some fields of a subnet; no defaults, so unnamed fields keep their values. */
export const SubnetPatch = z
  .object({
    cidr: Cidr,
    vlan: z.number().int().min(1).max(4094).nullable(),
    gateway: IpAddress.nullable(),
    purpose: z.string().trim().max(200),
  })
  .partial();

export const Subnet = SubnetFields.extend({ id: Id, createdAt: EpochMs, updatedAt: EpochMs });
export type Subnet = z.infer<typeof Subnet>;

export const IpConflict = z.object({
  ip: z.string(),
  kind: z.enum(['duplicate', 'outside-subnets']),
  assets: z.array(z.object({ id: Id, name: z.string() })),
});
export type IpConflict = z.infer<typeof IpConflict>;

/** The IP plan of one site (网络IP地址统计): each subnet with the addresses in use, and what is wrong. */
export const IpPlan = z.object({
  siteId: Id,
  subnets: z.array(
    Subnet.extend({
      /** Usable host addresses (IPv4: without network and broadcast; IPv6 capped for display). */
      size: z.number(),
      used: z.array(z.object({ ip: z.string(), assets: z.array(z.object({ id: Id, name: z.string() })) })),
      free: z.number(),
    }),
  ),
  conflicts: z.array(IpConflict),
});
export type IpPlan = z.infer<typeof IpPlan>;
