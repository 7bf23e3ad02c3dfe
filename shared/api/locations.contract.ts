import { z } from 'zod';
import { LocationName, LocationRef, LocationTree, NewLocation } from '../domain/locations';
import { Id } from '../domain/ids';
import { method } from './define';

export const locationsContract = {
  /** The whole client → site → room tree, sorted by name, without deleted nodes. */
  'locations.tree': method({
    summary: 'The client → site → machine room → rack tree, sorted by name.',
    input: z.object({}),
    output: LocationTree,
  }),
  /** Create a client, a site under a client, a room under a site or a rack in a room. Sibling names are unique (case-insensitive). */
  'locations.create': method({
    summary: 'Create a client, a site under a client, a machine room under a site, or a rack in a room.',
    input: NewLocation,
    output: z.object({ id: Id }),
  }),
  /** Rename a node; the new name must be unique among its siblings. */
  'locations.rename': method({
    summary: 'Rename a client, site, machine room or rack.',
    input: LocationRef.extend({ name: LocationName }),
    output: z.object({ id: Id }),
  }),
  /** Delete a node that has nothing under it (a tombstone, so it can be restored and synced). */
  'locations.delete': method({
    summary: 'Delete an empty client, site, machine room or rack (restorable).',
    input: LocationRef,
    output: z.object({ id: Id }),
  }),
  /** Undo a delete. */
  'locations.restore': method({
    summary: 'Restore a deleted client, site, machine room or rack.',
    input: LocationRef,
    output: z.object({ id: Id }),
  }),
};
