import { isIP } from 'node:net';
import type { CheckSettings, RunnableCheckKind } from '@shared/domain/checks';
import type { CredentialKind } from '@shared/domain/credentials';
import type { CheckProfiles, SnmpProfile, SshProfile } from './profiles/profile-loader';

/*
 * What checking one asset means, decided before anything touches the network:
 * a list of jobs, each run by one queue slot, each producing one result per
 * step.
 *
 *   ping   one job: ICMP echo to the address                     (profile 'ping', step 'ping');
 *          a run sends all its pings as one sweep job (splitPings)
 *   tcp    one job per port in the settings                      (profile 'tcp', step '<port>')
 *   http   one job per URL in the settings (needs no address)    (profile 'http', step '<url>')
 *   snmp   one job for all SNMP profiles of the asset, in order, sharing the run's
 *          session (and its SNMPv3 engine discovery)             (profile '<id>', step '<step id>')
 *   ssh    one job: one SSH session runs every step of the profile, in a shell
 *          or on exec channels as the profile says              (profile '<id>', step '<step id>')
 *
 * Where a job cannot run, it is planned as an immediate error with one result
 * per step: no address → check.no-address (everything but http); no credential
 * of a matching kind attached → check.no-credential. With several matching
 * credentials the first by name is used (credentials.list order).
 */

export interface PlanAsset {
  id: string;
  name: string;
}

export interface PlanCredential {
  id: string;
  kind: CredentialKind;
}

export interface PlannedStep {
  profileId: string;
  step: string;
  target: string;
}

export type PlannedWork =
  | { type: 'ping'; address: string }
  | { type: 'tcp'; address: string; port: number }
  | { type: 'http'; url: string }
  | { type: 'snmp'; address: string; credentialId: string; profiles: SnmpProfile[] }
  | { type: 'ssh'; address: string; credentialId: string; profile: SshProfile; legacyAlgorithms: string[] }
  | { type: 'unavailable'; code: 'check.no-address' | 'check.no-credential'; message: string };

export interface PlannedJob {
  asset: PlanAsset;
  kind: RunnableCheckKind;
  /** What the per-host limit counts: the address (or the URL's host). */
  host: string;
  steps: PlannedStep[];
  work: PlannedWork;
}

export interface PlanInput {
  asset: PlanAsset;
  settings: CheckSettings;
  kinds: readonly RunnableCheckKind[];
  /** The asset's credentials without their secrets (credentials.list). */
  credentials: readonly PlanCredential[];
  profiles: CheckProfiles;
}

const SNMP_KINDS: ReadonlySet<CredentialKind> = new Set(['snmp-community', 'snmp-v3']);
const SSH_KINDS: ReadonlySet<CredentialKind> = new Set(['ssh-password', 'ssh-key']);

export function planChecks(input: PlanInput): PlannedJob[] {
  const { asset, settings, profiles } = input;
  const kinds = new Set(input.kinds);
  const address = settings.address;
  const jobs: PlannedJob[] = [];
  const noAddress: PlannedWork = { type: 'unavailable', code: 'check.no-address', message: `${asset.name} has no address to check (no management IP and none set)` };
  const host = address ?? asset.id;

  if (kinds.has('ping')) {
    jobs.push({ asset, kind: 'ping', host, steps: [{ profileId: 'ping', step: 'ping', target: address ?? '' }], work: address ? { type: 'ping', address } : noAddress });
  }
  if (kinds.has('tcp')) {
    for (const port of settings.tcpPorts) {
      const target = address ? hostPort(address, port) : `:${port}`;
      jobs.push({ asset, kind: 'tcp', host, steps: [{ profileId: 'tcp', step: String(port), target }], work: address ? { type: 'tcp', address, port } : noAddress });
    }
  }
  if (kinds.has('http')) {
    for (const url of settings.httpUrls) {
      jobs.push({ asset, kind: 'http', host: urlHost(url) ?? host, steps: [{ profileId: 'http', step: url, target: url }], work: { type: 'http', url } });
    }
  }
  if (kinds.has('snmp')) {
    const snmpProfiles = settings.snmpProfiles.map((id) => profiles.snmp(id)).filter((p): p is SnmpProfile => p !== undefined);
    if (snmpProfiles.length > 0) {
      const steps = snmpProfiles.flatMap((p) => p.steps.map((s) => ({ profileId: p.id, step: s.id, target: address ?? '' })));
      const credential = input.credentials.find((c) => SNMP_KINDS.has(c.kind));
      const work: PlannedWork = !address
        ? noAddress
        : !credential
          ? { type: 'unavailable', code: 'check.no-credential', message: `${asset.name} has no SNMP credential (community or v3 user) attached` }
          : { type: 'snmp', address, credentialId: credential.id, profiles: snmpProfiles };
      jobs.push({ asset, kind: 'snmp', host, steps, work });
    }
  }
  if (kinds.has('ssh') && settings.sshProfile !== null) {
    const profile = profiles.ssh(settings.sshProfile);
    if (profile) {
      const steps = profile.steps.map((s) => ({ profileId: profile.id, step: s.id, target: address ?? '' }));
      const credential = input.credentials.find((c) => SSH_KINDS.has(c.kind));
      const work: PlannedWork = !address
        ? noAddress
        : !credential
          ? { type: 'unavailable', code: 'check.no-credential', message: `${asset.name} has no SSH credential (password or key) attached` }
          : { type: 'ssh', address, credentialId: credential.id, profile, legacyAlgorithms: settings.legacyAlgorithms };
      jobs.push({ asset, kind: 'ssh', host, steps, work });
    }
  }
  return jobs;
}

/** A planned ping that has an address to ping. */
export type PingJob = PlannedJob & { work: { type: 'ping'; address: string } };

/**
 * A run's pings go out together: one queue job, one fping process per chunk
 * (check-runner.ts), not one process per asset. Pings without an address
 * stay in `rest` (they are stored as check.no-address at once).
 */
export function splitPings(jobs: readonly PlannedJob[]): { pings: PingJob[]; rest: PlannedJob[] } {
  const pings: PingJob[] = [];
  const rest: PlannedJob[] = [];
  for (const job of jobs) {
    if (job.work.type === 'ping') pings.push(job as PingJob);
    else rest.push(job);
  }
  return { pings, rest };
}

/** `address:port`, with brackets around an IPv6 address. */
export function hostPort(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

function urlHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '') || null;
  } catch {
    return null;
  }
}
