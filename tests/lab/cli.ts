/**
 * Start and stop a lab by hand, for debugging (as root):
 *
 *   npx tsx tests/lab/cli.ts up [--hosts 3] [--fleet 200] [--fleet-ssh] [--fanout]
 *                               [--no-snmp] [--no-ssh] [--no-snmpsim] [--no-vendor-cli]
 *                               [--fixtures DIR] [--foreground] [--json]
 *   npx tsx tests/lab/cli.ts status
 *   npx tsx tests/lab/cli.ts down [RUN_ID ...]     (no id: every lab started by `up`, and stale ones)
 *   npx tsx tests/lab/cli.ts purge-user            (remove the wdlab user and /var/lib/walkdown-lab)
 *
 * `up` leaves the daemons running and exits (the run is recorded with keep, so
 * test runs never take it for stale); `up --foreground` stays until Ctrl-C and
 * cleans up then, like a test would.
 */
import { existsSync, rmSync } from 'node:fs';
import { LAB_USER, MAX_STARTUPS_FANOUT, startLab, type Lab, type LabOptions } from './lab';
import { run } from './proc';
import { cleanStale, isStale, ownerAlive, readRecords, teardown, withLock } from './registry';

function usage(): never {
  console.error('usage: cli.ts up [options] | status | down [RUN_ID ...] | purge-user   (see the top of tests/lab/cli.ts)');
  process.exit(2);
}

function parseUp(args: string[]): { options: LabOptions; foreground: boolean; json: boolean } {
  const options: LabOptions = { hosts: 3, snmp: true, ssh: true, snmpsim: true, vendorCli: true };
  let foreground = false;
  let json = false;
  let fleetSize = 0;
  let fleetSsh = false;
  let fanout = false;
  let fixtures: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) usage();
      return next;
    };
    switch (arg) {
      case '--hosts':
        options.hosts = Number(value());
        break;
      case '--fleet':
        fleetSize = Number(value());
        break;
      case '--fleet-ssh':
        fleetSsh = true;
        break;
      case '--fanout':
        fanout = true;
        break;
      case '--no-snmp':
        options.snmp = false;
        break;
      case '--no-ssh':
        options.ssh = false;
        break;
      case '--no-snmpsim':
        options.snmpsim = false;
        break;
      case '--no-vendor-cli':
        options.vendorCli = false;
        break;
      case '--fixtures':
        fixtures = value();
        break;
      case '--foreground':
        foreground = true;
        break;
      case '--json':
        json = true;
        break;
      default:
        usage();
    }
  }
  if (fanout && options.ssh !== false) options.ssh = { maxStartups: MAX_STARTUPS_FANOUT };
  if (fleetSize > 0) options.fleet = { size: fleetSize, ssh: fleetSsh };
  if (options.vendorCli && fixtures) options.vendorCli = { fixturesDir: fixtures };
  options.keep = !foreground;
  options.log = (message) => console.error(message);
  return { options, foreground, json };
}

function summary(lab: Lab): string {
  const lines = [`Walkdown lab ${lab.runId}: ${lab.subnet} on bridge ${lab.bridge} (this machine is ${lab.gateway})`];
  for (const host of lab.hosts) {
    lines.push(`  ${host.name.padEnd(4)} ${host.address.padEnd(14)} ${[host.snmp ? `snmpd sysName=${host.sysName}` : '', host.ssh ? `sshd ${host.hostKeys?.ed25519.fingerprint ?? ''}` : ''].filter(Boolean).join('  ')}`);
  }
  lines.push(`  dead ${lab.deadAddress.padEnd(14)} nothing answers here`);
  if (lab.vendorCli) {
    for (const device of Object.values(lab.vendorCli.devices)) {
      lines.push(`  cli  ${device.address.padEnd(14)} ${device.platform} (${device.behaviour.prompt})`);
    }
  }
  if (lab.snmpsim) lines.push(`  sim  ${lab.snmpsim.address.padEnd(14)} snmpsim, communities: ${Object.keys(lab.snmpsim.recordings).join(', ')}`);
  if (lab.fleet) lines.push(`  fleet ${lab.fleet.addresses[0]} .. ${lab.fleet.addresses.at(-1)} (${lab.fleet.addresses.length} addresses${lab.fleet.ssh ? ', sshd' : ''})`);
  lines.push(
    `SNMP: v2c community ${lab.snmp.community}; v3: ${lab.snmp.v3Users.map((u) => `${u.name} ${u.authProtocol}${u.privProtocol ? `/${u.privProtocol}` : ''}`).join(', ')}`,
    `  e.g. snmpget -m "" -v2c -c public ${lab.hosts[0]?.address ?? lab.fleet?.addresses[0] ?? ''} 1.3.6.1.2.1.1.5.0`,
  );
  if (lab.ssh.password) {
    lines.push(
      `SSH: user ${lab.ssh.username}, password ${lab.ssh.password}, key ${lab.ssh.privateKeyPath}`,
      `  e.g. ssh -F /dev/null -i ${lab.ssh.privateKeyPath} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null ${lab.ssh.username}@${lab.hosts[0]?.address ?? lab.vendorCli?.devices.cisco_ios.address ?? ''}`,
    );
  }
  lines.push(`Files: ${lab.workDir}`);
  return lines.join('\n');
}

async function up(args: string[]): Promise<void> {
  const { options, foreground, json } = parseUp(args);
  const lab = await startLab(options);
  console.log(json ? JSON.stringify(lab, null, 2) : summary(lab));
  if (!foreground) {
    console.log(`Stop it with: npx tsx tests/lab/cli.ts down ${lab.runId}`);
    return;
  }
  // The lab's own signal hooks tear it down on Ctrl-C / SIGTERM.
  console.log(`READY ${lab.runId} (Ctrl-C stops it)`);
  setInterval(() => {}, 1 << 30);
}

async function status(): Promise<void> {
  const records = readRecords();
  if (records.length === 0) {
    console.log('no walkdown labs');
    return;
  }
  for (const record of records) {
    const state = record.keep ? 'kept (cli up)' : ownerAlive(record) ? `owned by pid ${record.ownerPid}` : 'STALE';
    console.log(`${record.runId}  10.77.${record.octet}.0/24  ${state}  since ${record.createdAt}  ${record.processes.length} daemons`);
    if (record.info) console.log(`  ${JSON.stringify(record.info)}`);
  }
}

async function down(ids: string[]): Promise<void> {
  await withLock(() => {
    const records = readRecords();
    const targets = ids.length > 0 ? records.filter((record) => ids.includes(record.runId)) : records.filter((record) => record.keep || isStale(record));
    const unknown = ids.filter((id) => !records.some((record) => record.runId === id));
    if (unknown.length > 0) console.error(`no such lab: ${unknown.join(' ')}`);
    for (const record of targets) {
      if (!record.keep && ownerAlive(record)) {
        console.error(`${record.runId} belongs to running pid ${record.ownerPid}; stopping it anyway`);
      }
      const problems = teardown(record);
      console.log(`${record.runId} down${problems.length > 0 ? ` (${problems.join('; ')})` : ''}`);
    }
    cleanStale((message) => console.log(message));
  });
}

async function purgeUser(): Promise<void> {
  if (readRecords().length > 0) {
    console.error('labs are still recorded; run `down` first');
    process.exit(1);
  }
  if ((await run('getent', ['passwd', LAB_USER])).code === 0) await run('userdel', [LAB_USER]);
  if (existsSync('/var/lib/walkdown-lab')) rmSync('/var/lib/walkdown-lab', { recursive: true, force: true });
  console.log(`removed user ${LAB_USER} and /var/lib/walkdown-lab`);
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { up, status, down, 'purge-user': purgeUser };
const handler = command ? commands[command] : undefined;
if (!handler) usage();
handler(rest).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
