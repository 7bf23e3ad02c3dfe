import { ROLES, type Role } from '@shared/domain/profile';

/** The audit log stores the role as text (it outlives role renames), so check before translating. */
export function isKnownRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
