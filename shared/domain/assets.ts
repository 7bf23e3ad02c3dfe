import { z } from 'zod';
import { EpochMs, Id } from './ids';

/** Hardware sits in rooms and racks; software is installed on hardware (信息资产统计). */
export const HARDWARE_TYPES = [
  'server',
  'switch',
  'router',
  'firewall',
  'storage',
  'ups',
  'pdu',
  'air-conditioner',
  'environment-sensor',
  'pc',
  'other',
] as const;
export const SOFTWARE_TYPES = ['os', 'database', 'middleware', 'application'] as const;
export const ASSET_TYPES = [...HARDWARE_TYPES, ...SOFTWARE_TYPES] as const;
export const AssetType = z.enum(ASSET_TYPES);
export type AssetType = z.infer<typeof AssetType>;

export function isSoftwareType(type: AssetType): boolean {
  return (SOFTWARE_TYPES as readonly string[]).includes(type);
}

export const ASSET_STATUSES = ['in-use', 'spare', 'faulty', 'retired'] as const;
export const AssetStatus = z.enum(ASSET_STATUSES);
export type AssetStatus = z.infer<typeof AssetStatus>;

/** An IPv4 or IPv6 address as typed (no prefix length). */
export const IpAddress = z.union([z.ipv4(), z.ipv6()], { error: 'Not an IPv4 or IPv6 address' });

/** A calendar date (purchase, warranty end): no time zone, so it is stored as the text the user chose. */
export const IsoDate = z.iso.date({ error: 'Not a date in the form YYYY-MM-DD' });

export const MAX_RACK_UNITS = 60;
/** Warranty ending within this many days is flagged. */
export const WARRANTY_WARNING_DAYS = 90;

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/**
 * The editable fields of an asset, validated the same way at the API edge and
 * in imports. Rack placement: the device occupies U rackUStart … rackUStart +
 * rackUHeight − 1, counted from the bottom of the rack as rack labels are.
 */
export const AssetFieldsObject = z.object({
  type: AssetType,
  name: z.string().trim().min(1, 'Name is required').max(200, 'At most 200 characters'),
  vendor: text(100).default(''),
  model: text(100).default(''),
  serialNumber: text(100).default(''),
  assetTag: text(100).default(''),
  status: AssetStatus.default('in-use'),
  owner: text(100).default(''),
  contact: text(200).default(''),
  purchaseDate: IsoDate.nullable().default(null),
  warrantyEnd: IsoDate.nullable().default(null),
  managementIps: z.array(IpAddress).max(16, 'At most 16 addresses').default([]),
  version: text(100).default(''),
  patchLevel: text(100).default(''),
  notes: text(10_000).default(''),
  customFields: z
    .record(z.string().trim().min(1).max(60), z.string().max(1000))
    .refine((fields) => Object.keys(fields).length <= 50, 'At most 50 custom fields')
    .default({}),
  roomId: Id.nullable().default(null),
  rackId: Id.nullable().default(null),
  rackUStart: z.number().int().min(1).max(MAX_RACK_UNITS).nullable().default(null),
  rackUHeight: z.number().int().min(1).max(MAX_RACK_UNITS).nullable().default(null),
  /** Software only: the hardware asset it runs on. */
  installedOnId: Id.nullable().default(null),
});

type AssetFieldsShape = z.output<typeof AssetFieldsObject>;

/**
 * A change to some fields. Built without the defaults: zod's `.partial()` would
 * still fill them in, and an update of one field would reset all the others.
 */
export const AssetFieldsPatch = z
  .object(
    Object.fromEntries(
      Object.entries(AssetFieldsObject.shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema]),
    ) as { [K in keyof typeof AssetFieldsObject.shape]: (typeof AssetFieldsObject.shape)[K] extends z.ZodDefault<infer Inner> ? Inner : (typeof AssetFieldsObject.shape)[K] },
  )
  .partial();
export type AssetFieldsPatch = z.output<typeof AssetFieldsPatch>;

/** Rules across fields, shared by create, update and import. Returns [field, message] pairs. */
export function assetFieldProblems(fields: Partial<AssetFieldsShape>): [keyof AssetFieldsShape, string][] {
  const problems: [keyof AssetFieldsShape, string][] = [];
  const software = fields.type ? isSoftwareType(fields.type) : false;
  if (software && (fields.rackId || fields.roomId)) problems.push(['roomId', 'Software has no location of its own: it is installed on hardware']);
  if (!software && fields.installedOnId) problems.push(['installedOnId', 'Only software is installed on another asset']);
  const placed = [fields.rackId, fields.rackUStart, fields.rackUHeight].filter((v) => v !== null && v !== undefined).length;
  if (placed !== 0 && placed !== 3) problems.push(['rackUStart', 'A rack placement needs the rack, the first U and the height in U']);
  if (fields.rackUStart && fields.rackUHeight && fields.rackUStart + fields.rackUHeight - 1 > MAX_RACK_UNITS) {
    problems.push(['rackUHeight', `A rack has at most ${MAX_RACK_UNITS} U`]);
  }
  if (fields.purchaseDate && fields.warrantyEnd && fields.warrantyEnd < fields.purchaseDate) {
    problems.push(['warrantyEnd', 'The warranty cannot end before the purchase']);
  }
  return problems;
}

export const AssetFields = AssetFieldsObject.superRefine((fields, ctx) => {
  for (const [path, message] of assetFieldProblems(fields)) ctx.addIssue({ code: 'custom', path: [path], message });
});
export type AssetFields = z.output<typeof AssetFields>;
export type AssetFieldsInput = z.input<typeof AssetFields>;

/** Where an asset sits, as names for display (ids for links). */
export const AssetLocation = z.object({
  clientId: Id.nullable(),
  clientName: z.string().nullable(),
  siteId: Id.nullable(),
  siteName: z.string().nullable(),
  roomId: Id.nullable(),
  roomName: z.string().nullable(),
  rackId: Id.nullable(),
  rackName: z.string().nullable(),
});
export type AssetLocation = z.infer<typeof AssetLocation>;

export const Asset = AssetFieldsObject.extend({
  id: Id,
  createdAt: EpochMs,
  updatedAt: EpochMs,
  location: AssetLocation,
  /** The warranty or contract ends within WARRANTY_WARNING_DAYS (or has ended). */
  warrantyEndingSoon: z.boolean(),
});
export type Asset = z.infer<typeof Asset>;

/** Filters shared by the list, the export and the label sheet. */
export const AssetFilter = z.object({
  /** Free text: name, IP, serial, model, tag, vendor, notes. Chinese substrings match. */
  query: z.string().trim().max(200).default(''),
  types: z.array(AssetType).default([]),
  statuses: z.array(AssetStatus).default([]),
  vendors: z.array(z.string().max(100)).default([]),
  /** Any node of the location tree: everything under it. */
  location: z.object({ kind: z.enum(['client', 'site', 'room', 'rack']), id: Id }).nullable().default(null),
  warrantyEndingSoon: z.boolean().default(false),
});
export type AssetFilter = z.output<typeof AssetFilter>;
export type AssetFilterInput = z.input<typeof AssetFilter>;

export const ASSET_SORT_FIELDS = ['name', 'type', 'vendor', 'model', 'status', 'assetTag', 'warrantyEnd', 'updatedAt'] as const;
export const AssetSort = z.object({ field: z.enum(ASSET_SORT_FIELDS).default('name'), direction: z.enum(['asc', 'desc']).default('asc') });

/** A rack seen from the front: who occupies which U. */
export const RackElevation = z.object({
  rack: z.object({ id: Id, name: z.string(), heightU: z.number().int(), roomId: Id, roomName: z.string() }),
  occupants: z.array(
    z.object({ assetId: Id, name: z.string(), type: AssetType, status: AssetStatus, uStart: z.number().int(), uHeight: z.number().int() }),
  ),
  freeU: z.number().int(),
});
export type RackElevation = z.infer<typeof RackElevation>;

/**
 * The last warranty end date that is flagged on `nowMs`: today (the laptop's
 * calendar) plus WARRANTY_WARNING_DAYS, as YYYY-MM-DD so it compares with the
 * stored dates as text.
 */
export function warrantyCutoff(nowMs: number): string {
  const date = new Date(nowMs);
  date.setDate(date.getDate() + WARRANTY_WARNING_DAYS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
