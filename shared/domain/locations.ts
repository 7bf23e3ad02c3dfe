import { z } from 'zod';
import { EpochMs, Id } from './ids';

/** The location tree: client (客户/单位) → site (站点) → machine room (机房). Racks come with the asset inventory. */
export const LOCATION_KINDS = ['client', 'site', 'room'] as const;
export const LocationKind = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKind>;

export const LocationName = z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters');

const LocationBase = z.object({
  id: Id,
  name: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});

export const Room = LocationBase.extend({ siteId: Id });
export type Room = z.infer<typeof Room>;

export const Site = LocationBase.extend({ clientId: Id, rooms: z.array(Room) });
export type Site = z.infer<typeof Site>;

export const Client = LocationBase.extend({ sites: z.array(Site) });
export type Client = z.infer<typeof Client>;

export const LocationTree = z.object({ clients: z.array(Client) });
export type LocationTree = z.infer<typeof LocationTree>;

/** The parent a new node hangs under: none for a client, the client for a site, the site for a room. */
export const NewLocation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client'), name: LocationName }),
  z.object({ kind: z.literal('site'), clientId: Id, name: LocationName }),
  z.object({ kind: z.literal('room'), siteId: Id, name: LocationName }),
]);
export type NewLocation = z.infer<typeof NewLocation>;

export const LocationRef = z.object({ kind: LocationKind, id: Id });
export type LocationRef = z.infer<typeof LocationRef>;
