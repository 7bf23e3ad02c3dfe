import { z } from 'zod';
import { Asset, AssetFields, AssetFieldsPatch, AssetFilter, AssetSort, RackElevation } from '../domain/assets';
import { Id } from '../domain/ids';
import { RackHeight } from '../domain/locations';
import { method } from './define';

/** A page of the asset list: the table asks for the rows it is about to show. */
/** Searches stop counting here: past it the count says "10,000+" and the user narrows the search. */
export const SEARCH_COUNT_CAP = 10_000;

export const AssetPage = z.object({
  total: z.number().int(),
  /** True when a search matched more than SEARCH_COUNT_CAP assets and `total` is that cap. */
  totalCapped: z.boolean(),
  offset: z.number().int(),
  rows: z.array(Asset),
});

export const assetsContract = {
  /** One window of the filtered, sorted asset list and the total count, for a virtualised table. */
  'assets.list': method({
    summary: 'A page of assets matching a filter (search, type, status, vendor, location), sorted.',
    input: z.object({
      filter: AssetFilter.default(AssetFilter.parse({})),
      sort: AssetSort.default(AssetSort.parse({})),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: AssetPage,
  }),
  /** One asset with its location, the software installed on it and the hardware it runs on. */
  'assets.get': method({
    summary: 'One asset with location, installed software and host.',
    input: z.object({ id: Id }),
    output: z.object({ asset: Asset, installedSoftware: z.array(Asset), host: Asset.nullable() }),
  }),
  /** Register an asset. Asset tags are unique; a rack range must be free. */
  'assets.create': method({
    summary: 'Register an asset.',
    input: AssetFields,
    output: z.object({ id: Id }),
  }),
  /** Change some fields of an asset; the others keep their values. */
  'assets.update': method({
    summary: 'Change fields of an asset.',
    input: z.object({ id: Id, fields: AssetFieldsPatch }),
    output: z.object({ id: Id }),
  }),
  /** Delete an asset (a tombstone: restorable, synced). Hardware with software installed is refused. */
  'assets.delete': method({
    summary: 'Delete an asset (restorable).',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  'assets.restore': method({
    summary: 'Restore a deleted asset.',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  /** The vendors in use, for the filter. */
  'assets.vendors': method({
    summary: 'Distinct vendors of live assets, sorted.',
    input: z.object({}),
    output: z.array(z.string()),
  }),
  /**
   * Quick open (Ctrl+K) and scanners: an exact asset tag or serial first, then
   * search matches. `exact` tells the UI it may open the asset at once.
   */
  'assets.quickOpen': method({
    summary: 'Find assets for quick open: exact tag or serial first, then search matches.',
    input: z.object({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ exact: Asset.nullable(), matches: z.array(Asset) }),
  }),
  /** Change a rack's height; refused when a placed device would no longer fit. */
  'racks.resize': method({
    summary: "Change a rack's height in U.",
    input: z.object({ id: Id, heightU: RackHeight }),
    output: z.object({ id: Id }),
  }),
  /** A rack seen from the front: occupied and free U. */
  'racks.elevation': method({
    summary: 'The front of a rack: which asset occupies which U.',
    input: z.object({ rackId: Id }),
    output: RackElevation,
  }),
};
