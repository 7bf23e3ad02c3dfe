import { m0001 } from './0001-device-outbox-audit';
import { m0002 } from './0002-location-tree';
import { m0003 } from './0003-asset-inventory';
import { m0004 } from './0004-device-checks';
import { m0005 } from './0005-short-term-search';
import type { Migration } from './migration';

/** Every schema step in order. Append only. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005];

export const LATEST_SCHEMA_VERSION = migrations.length;
export type { Migration } from './migration';
