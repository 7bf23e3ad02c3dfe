import type { Db } from '../database';

/**
 * One numbered schema step. Migrations are append-only: once shipped, a step is
 * never edited; a fix is a new step. Each has a test that starts from the
 * previous version with data in it.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
