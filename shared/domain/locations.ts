import { z } from 'zod';
import { EpochMs, Id } from './ids';

/** The location tree: client (客户/单位) → site (站点) → machine room (机房) → rack (机柜). */
export const LOCATION_KINDS = ['client', 'site', 'room', 'rack'] as const;
export const LocationKind = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKind>;

export const LocationName = z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters');

const LocationBase = z.object({
  id: Id,
  name: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});

export const DEFAULT_RACK_HEIGHT_U = 42;
/** Height in U of a rack: 1–60 (the common sizes are 42, 47 and 24). */
export const RackHeight = z.number().int().min(1, 'A rack is at least 1 U').max(60, 'A rack is at most 60 U');

export const Rack = LocationBase.extend({ roomId: Id, heightU: z.number().int() });
export type Rack = z.infer<typeof Rack>;

export const Room = LocationBase.extend({ siteId: Id, racks: z.array(Rack) });
export type Room = z.infer<typeof Room>;

export const Site = LocationBase.extend({ clientId: Id, rooms: z.array(Room) });
export type Site = z.infer<typeof Site>;

export const Client = LocationBase.extend({ sites: z.array(Site) });
export type Client = z.infer<typeof Client>;

export const LocationTree = z.object({ clients: z.array(Client) });
export type LocationTree = z.infer<typeof LocationTree>;

/** The parent a new node hangs under: none for a client, the client for a site, the site for a room, the room for a rack. */
export const NewLocation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client'), name: LocationName }),
  z.object({ kind: z.literal('site'), clientId: Id, name: LocationName }),
  z.object({ kind: z.literal('room'), siteId: Id, name: LocationName }),
  z.object({ kind: z.literal('rack'), roomId: Id, name: LocationName, heightU: RackHeight.default(DEFAULT_RACK_HEIGHT_U) }),
]);
export type NewLocation = z.infer<typeof NewLocation>;

export const LocationRef = z.object({ kind: LocationKind, id: Id });
export type LocationRef = z.infer<typeof LocationRef>;
