import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database';

export interface RegisterMatch {
  id: string;
  name: string;
}

/**
 * The reads an import makes of the register for every row: who already has
 * this serial number, asset tag or management address. Statements are
 * prepared once per import, since a file has up to 100,000 rows.
 */
export class ImportRepo {
  private readonly byTag: Statement<[string]>;
  private readonly bySerial: Statement<[string]>;
  private readonly byIp: Statement<[string]>;

  constructor(db: Db) {
    // Same rule as the unique index assets_live_tag: live assets, tags compared without case.
    this.byTag = db.prepare("SELECT id, name FROM assets WHERE asset_tag = ? COLLATE NOCASE AND asset_tag != '' AND deleted_at IS NULL ORDER BY id");
    // `serial_number != ''` lets SQLite use the partial index assets_serial.
    this.bySerial = db.prepare("SELECT id, name FROM assets WHERE serial_number = ? AND serial_number != '' AND deleted_at IS NULL ORDER BY id");
    // asset_ips holds the canonical, lower-case address of live assets (kept by triggers).
    this.byIp = db.prepare('SELECT a.id, a.name FROM asset_ips i JOIN assets a ON a.id = i.asset_id WHERE i.ip = ? AND a.deleted_at IS NULL ORDER BY a.id');
  }

  withTag(tag: string): RegisterMatch[] {
    return this.byTag.all(tag) as RegisterMatch[];
  }

  withSerial(serial: string): RegisterMatch[] {
    return this.bySerial.all(serial) as RegisterMatch[];
  }

  /** `ip` in canonical lower-case form. */
  withIp(ip: string): RegisterMatch[] {
    return this.byIp.all(ip) as RegisterMatch[];
  }
}
