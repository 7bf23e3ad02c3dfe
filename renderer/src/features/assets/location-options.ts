import type { Client, LocationKind, LocationTree, Rack, Room, Site } from '@shared/domain/locations';

/** A machine room with the names above it, for pickers. */
export interface RoomOption {
  id: string;
  name: string;
  /** "Client / Site", shown as the group and searched. */
  parentPath: string;
  racks: Rack[];
}

export function roomOptions(tree: LocationTree): RoomOption[] {
  const options: RoomOption[] = [];
  for (const client of tree.clients) {
    for (const site of client.sites) {
      for (const room of site.rooms) options.push({ id: room.id, name: room.name, parentPath: `${client.name} / ${site.name}`, racks: room.racks });
    }
  }
  return options;
}

/** Any node of the tree, in tree order, for the location filter. */
export interface LocationNodeOption {
  kind: LocationKind;
  id: string;
  name: string;
  /** Every name from the client down to this node. */
  path: string;
  depth: number;
}

export function locationNodeOptions(tree: LocationTree): LocationNodeOption[] {
  const options: LocationNodeOption[] = [];
  for (const client of tree.clients) {
    options.push({ kind: 'client', id: client.id, name: client.name, path: client.name, depth: 0 });
    for (const site of client.sites) {
      const sitePath = `${client.name} / ${site.name}`;
      options.push({ kind: 'site', id: site.id, name: site.name, path: sitePath, depth: 1 });
      for (const room of site.rooms) {
        const roomPath = `${sitePath} / ${room.name}`;
        options.push({ kind: 'room', id: room.id, name: room.name, path: roomPath, depth: 2 });
        for (const rack of room.racks) options.push({ kind: 'rack', id: rack.id, name: rack.name, path: `${roomPath} / ${rack.name}`, depth: 3 });
      }
    }
  }
  return options;
}

export interface RackPlace {
  client: Client;
  site: Site;
  room: Room;
  rack: Rack;
}

/** Where a rack hangs in the tree, or null when it is not (or no longer) there. */
export function findRack(tree: LocationTree, rackId: string): RackPlace | null {
  for (const client of tree.clients) {
    for (const site of client.sites) {
      for (const room of site.rooms) {
        const rack = room.racks.find((candidate) => candidate.id === rackId);
        if (rack) return { client, site, room, rack };
      }
    }
  }
  return null;
}

/** Names of rooms and racks by id, to show ids in the change history as names. */
export function locationNames(tree: LocationTree): Map<string, string> {
  const names = new Map<string, string>();
  for (const option of locationNodeOptions(tree)) names.set(option.id, option.path);
  return names;
}
