import { LinuxDf } from '../parsed-values';
import { type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'linux.df', dialect: 'linux', commands: ['df -P', 'df -PT', 'df -TP', 'df -Pk', 'df -kP', 'df -PTk', 'df -P -T'] };
export const schema = LinuxDf;

type Filesystem = LinuxDf['filesystems'][number];

/*
 * POSIX output (-P): one line per filesystem, never wrapped, sizes in
 * N-byte blocks named by the header ("1024-blocks"; "512-blocks" with
 * POSIXLY_CORRECT). -T adds a Type column after Filesystem. The mount point
 * is the rest of the line (it may contain spaces). Human-readable sizes (-h)
 * are refused: they cannot be read back exactly.
 */
const HEADER = /^Filesystem\s+(Type\s+)?(\d+)-blocks\s+Used\s+Avail(?:able)?\s+(?:Capacity|Use%)\s+Mounted on\s*$/i;

export function parse(text: string): LinuxDf {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l.trim()));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "Filesystem N-blocks Used Available Capacity Mounted on" header');
  const header = HEADER.exec((lines[headerIndex] as string).trim()) as RegExpExecArray;
  const withType = header[1] !== undefined;
  const blockSize = Number(header[2]);
  const row = withType
    ? /^(.+?)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+%|-)\s+(\/.*)$/
    : /^(.+?)\s+()(\d+)\s+(\d+)\s+(\d+)\s+(\d+%|-)\s+(\/.*)$/;
  const filesystems: Filesystem[] = [];
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '') continue;
    const m = row.exec(line.trim());
    if (!m) throw unexpectedLine(SPEC, line);
    filesystems.push({
      filesystem: m[1] as string,
      type: m[2] as string,
      sizeBytes: Number(m[3]) * blockSize,
      usedBytes: Number(m[4]) * blockSize,
      availableBytes: Number(m[5]) * blockSize,
      usedPercent: m[6] === '-' ? null : Number((m[6] as string).slice(0, -1)),
      mountpoint: m[7] as string,
    });
  }
  if (filesystems.length === 0) throw notThisCommand(SPEC, 'no filesystem listed');
  return { filesystems };
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'disk.max-used-percent', kind: 'number', unit: '%', description: 'Fullest filesystem (Capacity column).' },
  { name: 'disk.max-used-mount', kind: 'text', description: 'Its mount point.' },
  { name: 'disk.min-available-bytes', kind: 'number', unit: 'bytes', description: 'Least free space on a filesystem with a size.' },
  { name: 'disk.count', kind: 'number', unit: 'count', description: 'Filesystems listed.' },
];

export function metrics(parsed: LinuxDf): Metrics {
  const sized = parsed.filesystems.filter((f) => f.usedPercent !== null);
  const fullest = [...sized].sort((a, b) => (b.usedPercent as number) - (a.usedPercent as number))[0];
  const m: Metrics = { 'disk.count': parsed.filesystems.length };
  if (fullest) {
    m['disk.max-used-percent'] = fullest.usedPercent as number;
    m['disk.max-used-mount'] = fullest.mountpoint;
    m['disk.min-available-bytes'] = Math.min(...sized.map((f) => f.availableBytes));
  }
  return m;
}
