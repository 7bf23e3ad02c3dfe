import { DEFAULT_RACK_HEIGHT_U, LOCATION_KINDS, type LocationKind, type LocationTree } from '@shared/domain/locations';

/** A node of the location tree as an import sees it: one that exists, or one the import will create. */
export interface TreeNode {
  kind: LocationKind;
  name: string;
  /** The stored id, or null for a node the import creates. */
  id: string | null;
  /** Unique within the import: the stored id, or `new:` and the path. */
  key: string;
  parent: TreeNode | null;
  path: string[];
  heightU: number;
  children: TreeNode[];
}

export type LocationNames = Partial<Record<LocationKind, string>>;

export type Resolution =
  | { ok: true; room: TreeNode | null; rack: TreeNode | null }
  | { ok: false; kind: LocationKind; code: 'import.location-missing' | 'import.cell-invalid'; message: string };

const LABEL: Record<LocationKind, string> = { client: 'client (客户)', site: 'site (站点)', room: 'machine room (机房)', rack: 'rack (机柜)' };

/**
 * Finds the room and rack a row names, by name (without case) down the tree
 * client → site → room → rack. Levels the file does not name match anything,
 * so a sheet with only 机房 and 机柜 columns works while the names are
 * unambiguous. New nodes are planned only when every level above them is
 * named: a room is never created under a site the user did not name.
 */
export class LocationResolver {
  private readonly root: TreeNode;
  private readonly created: TreeNode[] = [];

  constructor(
    tree: LocationTree,
    private readonly createLocations: boolean,
  ) {
    this.root = { kind: 'client', name: '', id: null, key: 'root', parent: null, path: [], heightU: 0, children: [] };
    for (const client of tree.clients) {
      const c = this.existing(this.root, 'client', client.id, client.name);
      for (const site of client.sites) {
        const s = this.existing(c, 'site', site.id, site.name);
        for (const room of site.rooms) {
          const r = this.existing(s, 'room', room.id, room.name);
          for (const rack of room.racks) this.existing(r, 'rack', rack.id, rack.name, rack.heightU);
        }
      }
    }
  }

  resolve(names: LocationNames): Resolution {
    const deepest: LocationKind | null = names.rack ? 'rack' : names.room ? 'room' : null;
    // Client and site alone place nothing: an asset sits in a room.
    if (!deepest) return { ok: true, room: null, rack: null };
    let current: TreeNode[] = [this.root];
    let allNamed = true;
    for (const kind of LOCATION_KINDS) {
      const name = names[kind];
      const children = current.flatMap((node) => node.children);
      if (!name) {
        allNamed = false;
        current = children;
      } else {
        const matched = children.filter((node) => sameName(node.name, name));
        if (matched.length > 0) current = matched;
        else {
          const missing = this.missing(kind, name, current, allNamed);
          if ('ok' in missing) return missing;
          current = [missing];
        }
      }
      if (kind === deepest) break;
    }
    if (current.length !== 1) {
      return {
        ok: false,
        kind: deepest,
        code: 'import.cell-invalid',
        message: `${current.length} ${LABEL[deepest]} nodes are named "${names[deepest]}"; add the site and client columns to say which`,
      };
    }
    const node = current[0] as TreeNode;
    return deepest === 'rack' ? { ok: true, room: node.parent, rack: node } : { ok: true, room: node, rack: null };
  }

  /** Nodes to create, parents before children. */
  newNodes(): TreeNode[] {
    return [...this.created];
  }

  private missing(kind: LocationKind, name: string, parents: TreeNode[], allNamed: boolean): TreeNode | Extract<Resolution, { ok: false }> {
    const where = parents.length === 1 && parents[0] !== this.root ? ` in ${(parents[0] as TreeNode).path.join(' / ')}` : '';
    if (!this.createLocations) {
      return { ok: false, kind, code: 'import.location-missing', message: `No ${LABEL[kind]} named "${name}"${where}; create it first or let the import create missing locations` };
    }
    if (!allNamed || parents.length !== 1) {
      return {
        ok: false,
        kind,
        code: 'import.location-missing',
        message: `No ${LABEL[kind]} named "${name}"${where}; to create it, the file must name every level above it (client, site, room)`,
      };
    }
    const parent = parents[0] as TreeNode;
    const path = [...parent.path, name.trim()];
    const node: TreeNode = {
      kind,
      name: name.trim(),
      id: null,
      key: `new:${path.map((part) => part.toLowerCase()).join('\u0000')}`,
      parent: parent === this.root ? null : parent,
      path,
      heightU: kind === 'rack' ? DEFAULT_RACK_HEIGHT_U : 0,
      children: [],
    };
    parent.children.push(node);
    this.created.push(node);
    return node;
  }

  private existing(parent: TreeNode, kind: LocationKind, id: string, name: string, heightU = 0): TreeNode {
    const node: TreeNode = { kind, name, id, key: id, parent: parent === this.root ? null : parent, path: [...parent.path, name], heightU, children: [] };
    parent.children.push(node);
    return node;
  }
}

/** Names compare without case and surrounding spaces, as sibling names are unique (COLLATE NOCASE). */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
