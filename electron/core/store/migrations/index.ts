import { m0001 } from './0001-device-outbox-audit';
import { m0002 } from './0002-location-tree';
import { m0003 } from './0003-asset-inventory';
import { m0004 } from './0004-device-checks';
import { m0005 } from './0005-short-term-search';
import { m0006 } from './0006-incidents';
import { m0007 } from './0007-sla-policies';
import { m0008 } from './0008-attachments';
import { m0009 } from './0009-problems-and-changes';
import { m0010 } from './0010-knowledge-base';
import { m0011 } from './0011-emergency-plans';
import { m0012 } from './0012-check-result-units';
import { m0013 } from './0013-rounds';
import { m0014 } from './0014-sync-state';
import { m0015 } from './0015-service-reports';
import type { Migration } from './migration';

/** Every schema step in order. Append only. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015];

export const LATEST_SCHEMA_VERSION = migrations.length;
export type { Migration } from './migration';
