import type { Client, LocationKind, Room, Site } from '@shared/domain/locations';

/** Which dialog the Locations page has open, and for which node. */
export type LocationDialogState =
  | { type: 'create'; kind: 'client' }
  | { type: 'create'; kind: 'site'; parent: Client }
  | { type: 'create'; kind: 'room'; parent: Site }
  | { type: 'create'; kind: 'rack'; parent: Room }
  | { type: 'rename'; kind: LocationKind; id: string; name: string }
  | { type: 'delete'; kind: LocationKind; id: string; name: string };
