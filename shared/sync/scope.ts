import type { Role } from '../domain/profile';
import type { SyncEntityKind } from './entities';
import type { Placement } from './placement';

/** The clients and sites a user works for. `all` is the whole organisation (admins, usually). */
export interface UserScope {
  all: boolean;
  clientIds: readonly string[];
  siteIds: readonly string[];
}

/** A scope with the clients of its sites looked up: a site's people may read client-level records of that client. */
export interface ResolvedScope extends UserScope {
  siteClientIds: readonly string[];
}

/**
 * Whether a user may receive a record placed here. Organisation-wide records
 * (no client) are readable by everyone; client-level records (a client, its SLA
 * policy, a client-wide plan) are readable by those who work at one of its sites.
 */
export function canRead(scope: ResolvedScope, placement: Placement): boolean {
  if (canWrite(scope, placement)) return true;
  return placement.siteId === null && placement.clientId !== null && scope.siteClientIds.includes(placement.clientId);
}

/**
 * Whether a user may push a record placed here: the record must be in one of
 * their clients or sites, or organisation-wide. Client-level records are
 * read-only for people scoped to single sites.
 */
export function canWrite(scope: UserScope, placement: Placement): boolean {
  if (scope.all) return true;
  if (placement.clientId === null && placement.siteId === null) return true;
  if (placement.siteId !== null && scope.siteIds.includes(placement.siteId)) return true;
  return placement.clientId !== null && scope.clientIds.includes(placement.clientId);
}

/**
 * Work records go back down only to supervisors and admins and to the people
 * whose work they are; reference records go to everyone in scope.
 */
export function receivesRecord(
  user: { id: string; role: Role },
  record: { kind: SyncEntityKind; ownerUserId: string | null; peerUserId: string | null },
): boolean {
  if (record.kind === 'reference' || user.role !== 'engineer') return true;
  return record.ownerUserId === user.id || record.peerUserId === user.id;
}

/**
 * Whether `inner` reaches no further than `outer`: a supervisor may only issue
 * enrolment codes for people whose scope lies inside their own, or they could
 * widen their own reach by enrolling a device as someone else.
 */
export function scopeContains(outer: ResolvedScope, inner: UserScope, sitesOfOuterClients: readonly string[]): boolean {
  if (outer.all) return true;
  if (inner.all) return false;
  return (
    inner.clientIds.every((id) => outer.clientIds.includes(id)) &&
    inner.siteIds.every((id) => outer.siteIds.includes(id) || sitesOfOuterClients.includes(id))
  );
}
