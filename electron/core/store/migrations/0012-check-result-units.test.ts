import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0012: check result units', () => {
  it('stores each metric\'s unit beside the metrics of the results already there', () => {
    const db = memoryDatabase(11);
    const insert = db.prepare(
      `INSERT INTO check_results (id, run_id, asset_id, target, kind, profile_id, step, method, raw_output, parsed, metrics, status, error_code, error_message,
                                  duration_ms, started_at, finished_at, created_at, updated_at)
       VALUES (?, NULL, NULL, '10.0.0.1', ?, ?, ?, NULL, '', NULL, ?, 'ok', NULL, NULL, 5, 1, 2, 3, 4)`,
    );
    insert.run('r1', 'ssh', 'huawei-vrp', 'cpu', JSON.stringify({ 'cpu.percent': 12, 'cpu.percent-5m': 9, 'memory.total-bytes': 1024, 'software.version': 'V200R011', 'load.1m': 0.5 }));
    insert.run('r2', 'ping', 'ping', 'ping', JSON.stringify({ 'ping.received': 3, 'ping.rtt-avg-ms': 0.2 }));
    insert.run('r3', 'ssh', 'linux', 'uptime', '{}');
    insert.run('r4', 'http', 'http', 'https://x', JSON.stringify({ 'http.status': 200, 'tls.days-left': 40, 'some.future-metric': 1 }));

    runMigrations(db, migrations.slice(0, 12));
    expect(schemaVersion(db)).toBe(12);

    const units = (id: string) => JSON.parse((db.prepare('SELECT units FROM check_results WHERE id = ?').get(id) as { units: string }).units) as unknown;
    // Text and unitless numbers (a load average, an HTTP status) get none; a name the catalogue did not know, none either.
    expect(units('r1')).toEqual({ 'cpu.percent': '%', 'cpu.percent-5m': '%', 'memory.total-bytes': 'bytes' });
    expect(units('r2')).toEqual({ 'ping.received': 'count', 'ping.rtt-avg-ms': 'ms' });
    expect(units('r3')).toEqual({});
    expect(units('r4')).toEqual({ 'tls.days-left': 'd' });
    // Derived data: the rows are not edited, nothing goes to the outbox or the audit log.
    expect(db.prepare('SELECT DISTINCT updated_at FROM check_results').all()).toEqual([{ updated_at: 4 }]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT name FROM sqlite_temp_master WHERE name = 'metric_units_12'").all()).toEqual([]);

    // New rows default to no units; the column holds JSON only.
    insert.run('r5', 'tcp', 'tcp', '22', JSON.stringify({ 'tcp.connect-ms': 1 }));
    expect(units('r5')).toEqual({});
    expect(() => db.prepare("UPDATE check_results SET units = 'not json' WHERE id = 'r5'").run()).toThrow(/CHECK constraint/);
  });
});
