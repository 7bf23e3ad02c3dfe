import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handWritten } from '../testing/samples';
import * as df from './df';
import * as free from './free';
import * as loadavg from './proc-loadavg';
import * as meminfo from './proc-meminfo';
import * as systemctl from './systemctl-failed';
import * as uptime from './uptime';

const sample = (...parts: string[]) => readFileSync(handWritten('linux', ...parts), 'utf8');

describe('linux uptime', () => {
  it.each([
    [' 10:14:02 up 12 days,  3:04,  2 users,  load average: 0.08, 0.03, 0.01', 12 * 86400 + 3 * 3600 + 4 * 60, 2, [0.08, 0.03, 0.01]],
    [' 10:14:02 up  3:04,  1 user,  load average: 1.20, 0.90, 0.75', 3 * 3600 + 4 * 60, 1, [1.2, 0.9, 0.75]],
    [' 10:14:02 up 5 min,  0 users,  load average: 0.00, 0.00, 0.00', 300, 0, [0, 0, 0]],
    [' 10:14:02 up 1 day, 20 min,  3 users,  load average: 2.15, 2.01, 1.98', 86400 + 1200, 3, [2.15, 2.01, 1.98]],
    ['10:14:02 up 40 days,  1:00,  load average: 0.10, 0.20, 0.30', 40 * 86400 + 3600, null, [0.1, 0.2, 0.3]],
    [' 10:14:02 up 2 days,  4:05,  1 user,  load average: 0,08, 0,03, 0,01', 2 * 86400 + 4 * 3600 + 5 * 60, 1, [0.08, 0.03, 0.01]],
  ] as const)('%s', (line, seconds, users, loads) => {
    const parsed = uptime.parse(line);
    expect(parsed).toMatchObject({ uptimeSeconds: seconds, users, load1: loads[0], load5: loads[1], load15: loads[2] });
  });

  it('gives metrics (hand-written sample, with a prompt around it)', () => {
    expect(uptime.metrics(uptime.parse(`admin@web-01:~$ uptime\n${sample('uptime', 'procps.txt')}admin@web-01:~$ `))).toEqual({
      'uptime.seconds': 12 * 86400 + 3 * 3600 + 4 * 60,
      'load.1m': 0.08,
      'load.5m': 0.03,
      'load.15m': 0.01,
      'users.count': 2,
    });
  });
});

describe('linux /proc/loadavg', () => {
  it('reads the five fields', () => {
    const parsed = loadavg.parse(sample('proc_loadavg', 'proc_loadavg.txt'));
    expect(parsed).toEqual({ load1: 0.52, load5: 0.58, load15: 0.59, runnable: 2, threads: 1183, lastPid: 40213 });
    expect(loadavg.metrics(parsed)).toEqual({ 'load.1m': 0.52, 'load.5m': 0.58, 'load.15m': 0.59, 'processes.runnable': 2, 'threads.count': 1183 });
  });
});

describe('linux df -P / -PT', () => {
  it('reads -P, mount points with spaces, and the fullest filesystem', () => {
    const parsed = df.parse(sample('df', 'df_P.txt'));
    expect(parsed.filesystems).toHaveLength(6);
    expect(parsed.filesystems[5]).toEqual({ filesystem: '/dev/sdb1', type: '', sizeBytes: 960303848 * 1024, usedBytes: 912288648 * 1024, availableBytes: 48015200 * 1024, usedPercent: 95, mountpoint: '/srv/backup data' });
    expect(df.metrics(parsed)).toEqual({ 'disk.count': 6, 'disk.max-used-percent': 95, 'disk.max-used-mount': '/srv/backup data', 'disk.min-available-bytes': 517028 * 1024 });
  });

  it('reads -PT', () => {
    const parsed = df.parse(sample('df', 'df_PT.txt'));
    expect(parsed.filesystems[2]).toMatchObject({ filesystem: '/dev/mapper/centos-root', type: 'xfs', usedPercent: 50, mountpoint: '/' });
    expect(df.metrics(parsed)).toMatchObject({ 'disk.max-used-percent': 92, 'disk.max-used-mount': '/home' });
  });

  it('reads 512-byte blocks and "-" capacity', () => {
    const parsed = df.parse('Filesystem 512-blocks Used Available Capacity Mounted on\n/dev/sda1 2000 1000 1000 50% /\nnone 0 0 0 - /sys/fs/bpf');
    expect(parsed.filesystems.map((f) => [f.sizeBytes, f.usedPercent])).toEqual([
      [1024000, 50],
      [0, null],
    ]);
  });

  it('refuses human-readable sizes', () => {
    expect(() => df.parse('Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda2        59G   47G  8.7G  85% /')).toThrow(expect.objectContaining({ code: 'check.parse-failed' }));
  });
});

describe('linux free -b and /proc/meminfo', () => {
  it('reads procps-ng free -b: used means not available', () => {
    const parsed = free.parse(sample('free', 'free_b.txt'));
    expect(parsed).toEqual({
      memories: [{ scope: '', totalBytes: 8201146368, usedBytes: 8201146368 - 5567890432, freeBytes: 1234567168, availableBytes: 5567890432, usedPercent: 32.1 }],
      swapTotalBytes: 2147479552,
      swapUsedBytes: 104857600,
    });
    expect(free.metrics(parsed)).toEqual({
      'memory.used-percent': 32.1,
      'memory.total-bytes': 8201146368,
      'memory.used-bytes': 8201146368 - 5567890432,
      'memory.available-bytes': 5567890432,
      'swap.used-percent': 4.9,
      'swap.used-bytes': 104857600,
    });
  });

  it('reads procps 3.3.9 free -b (buffers, cached, no available)', () => {
    const parsed = free.parse(sample('free', 'free_b_procps_3_3_9.txt'));
    expect(parsed.memories[0]).toMatchObject({ availableBytes: 137306112 + 282497024 + 2463854592, usedPercent: 28.2 });
    expect(free.metrics(parsed)).toMatchObject({ 'swap.used-percent': 0, 'swap.used-bytes': 0 });
  });

  it('reads /proc/meminfo with and without MemAvailable', () => {
    const parsed = meminfo.parse(sample('proc_meminfo', 'proc_meminfo.txt'));
    expect(parsed.memories[0]).toMatchObject({ totalBytes: 8008932 * 1024, availableBytes: 5213468 * 1024, usedPercent: 34.9 });
    expect(parsed.swapUsedBytes).toBe((2097148 - 1992292) * 1024);
    const old = meminfo.parse(sample('proc_meminfo', 'proc_meminfo_linux_3_10_no_memavailable.txt'));
    expect(old.memories[0]?.availableBytes).toBe((71052 + 60212 + 511816 + 62144) * 1024);
    expect(meminfo.metrics(old)).not.toHaveProperty('swap.used-percent');
  });
});

describe('linux systemctl --failed', () => {
  it('reads --plain --no-legend rows', () => {
    const parsed = systemctl.parse(sample('systemctl_failed', 'two_failed.txt'));
    expect(parsed.units).toEqual([
      { unit: 'nginx.service', load: 'loaded', active: 'failed', sub: 'failed', description: 'A high performance web server and a reverse proxy server' },
      { unit: 'postgresql@14-main.service', load: 'loaded', active: 'failed', sub: 'failed', description: 'PostgreSQL Cluster 14-main' },
    ]);
    expect(systemctl.metrics(parsed)).toEqual({ 'systemd.failed-count': 2, 'systemd.failed-units': 'nginx.service, postgresql@14-main.service' });
  });

  it('tolerates the legend and bullets of a plain "systemctl --failed"', () => {
    expect(systemctl.parse(sample('systemctl_failed', 'with_legend_and_bullets.txt')).units.map((u) => u.unit)).toEqual(['backup-nightly.timer', 'rsyslog.service']);
  });

  it('reads no output as no failed unit', () => {
    expect(systemctl.metrics(systemctl.parse(sample('systemctl_failed', 'none.txt')))).toEqual({ 'systemd.failed-count': 0, 'systemd.failed-units': '' });
    expect(systemctl.parse('0 loaded units listed. Pass --all to see loaded but inactive units, too.\nTo show all installed unit files use \'systemctl list-unit-files\'.').units).toEqual([]);
  });
});
