import type { Migration } from './migration';

/**
 * Check results carry the unit of each metric (`units`, JSON: metric name →
 * unit code), so a reader no longer guesses it from the name. Results stored
 * before get theirs from the metric catalogue as it stood at this schema
 * version (below, frozen: migrations never read code that keeps changing).
 * Derived data, so the backfill goes round the write path: no outbox entry,
 * no audit line, updated_at unchanged.
 */
export const UNITS_AT_SCHEMA_12: Readonly<Record<string, readonly string[]>> = {
  count: [
    'alarms.active-count', 'alarms.count', 'alarms.critical-count', 'alarms.major-count', 'cards.abnormal-count', 'cards.count', 'cards.offline-count',
    'cpu.count', 'disk.count', 'fan.count', 'fan.failed-count', 'input.line-bads', 'interfaces.admin-down-count', 'interfaces.count',
    'interfaces.discard-count', 'interfaces.down-count', 'interfaces.err-disabled-count', 'interfaces.error-count', 'interfaces.half-duplex-count',
    'interfaces.input-errors', 'interfaces.output-errors', 'interfaces.up-count', 'inventory.count', 'inventory.unavailable-count', 'ping.received',
    'processes.count', 'processes.runnable', 'psu.absent-count', 'psu.count', 'psu.failed-count', 'sensor.count', 'sensor.failed-count',
    'sensor.unavailable-count', 'stack.member-count', 'systemd.failed-count', 'temperature.alarm-count', 'temperature.not-ok-count',
    'temperature.sensor-count', 'threads.count', 'users.count',
  ],
  '%': [
    'battery.charge-percent', 'cpu.busiest-percent', 'cpu.interrupt-percent', 'cpu.max-percent', 'cpu.percent', 'cpu.percent-1m', 'cpu.percent-5m',
    'cpu.top-process-percent', 'disk.max-used-percent', 'fan.min-speed-percent', 'interfaces.max-in-util-percent', 'interfaces.max-out-util-percent',
    'interfaces.max-util-percent', 'memory.used-percent', 'output.load-percent', 'ping.loss-percent', 'swap.used-percent',
  ],
  min: ['battery.runtime-minutes'],
  s: ['battery.seconds-on-battery', 'uptime.seconds'],
  '°C': ['battery.temperature', 'temperature.max', 'temperature.min-margin'],
  V: ['battery.voltage', 'input.voltage', 'input.voltage-max', 'output.voltage'],
  bytes: ['disk.min-available-bytes', 'memory.available-bytes', 'memory.total-bytes', 'memory.used-bytes', 'swap.used-bytes'],
  rpm: ['fan.min-rpm'],
  ms: ['http.latency-ms', 'http.total-ms', 'ping.rtt-avg-ms', 'ping.rtt-max-ms', 'ping.rtt-min-ms', 'tcp.connect-ms'],
  Hz: ['input.frequency'],
  d: ['tls.days-left'],
};

export const m0012: Migration = {
  version: 12,
  name: 'check result units',
  up(db) {
    db.exec(`ALTER TABLE check_results ADD COLUMN units TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(units))`);
    db.exec('CREATE TEMP TABLE metric_units_12 (name TEXT PRIMARY KEY, unit TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO metric_units_12 (name, unit) VALUES (?, ?)');
    for (const [unit, names] of Object.entries(UNITS_AT_SCHEMA_12)) for (const name of names) insert.run(name, unit);
    db.exec(`
      UPDATE check_results SET units = (
        SELECT json_group_object(m.key, u.unit) FROM json_each(check_results.metrics) m JOIN metric_units_12 u ON u.name = m.key
      )
      WHERE metrics != '{}';
      DROP TABLE metric_units_12;
    `);
  },
};
