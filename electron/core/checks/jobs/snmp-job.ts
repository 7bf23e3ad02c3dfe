import type { PlannedStep } from '../check-plan';
import { CONNECTIVITY_CODES, resultError, type ResultError } from '../check-failure';
import type { SnmpProfile } from '../profiles/profile-loader';
import { getSnmpParser, parseSnmp, type SnmpProfileParser } from '../snmp-profiles';
import { toParserVarbind, varbindLines } from '../snmp-varbinds';
import { snmpGet, snmpWalk, type SnmpCredential, type SnmpOptions, type SnmpVarbind } from '../transports';
import { pause, type JobContext } from './job-context';

/**
 * Every SNMP profile step of one asset, in order, over the run's session
 * pool (SNMPv3 discovery once per device per run). Each step is one sample
 * (or two, `intervalMs` apart, for rates) of its parser's OIDs, parsed and
 * stored with the varbinds as raw output. When the device does not answer
 * SNMP at all (timeout, wrong credential), the later steps are not asked:
 * they are stored with the same error at once, so a dead device costs one
 * timeout, not one per profile. SNMP retries per request inside the
 * transport, so the job itself is not retried.
 */
export async function runSnmp(ctx: JobContext, steps: readonly PlannedStep[], address: string, credentialId: string, profiles: readonly SnmpProfile[], signal: AbortSignal): Promise<void> {
  const credential = ctx.credential(credentialId);
  if (credential.kind !== 'snmp-community' && credential.kind !== 'snmp-v3') throw new Error(`Credential ${credentialId} is not an SNMP credential`);
  const options: SnmpOptions = { sessions: ctx.snmpSessions, timeoutMs: ctx.tuning.snmpTimeoutMs, retries: ctx.tuning.snmpRetries };
  const method = credential.kind === 'snmp-v3' ? 'snmp-v3' : `snmp-${credential.settings.version}`;
  let blocked: ResultError | null = null;

  for (const profile of profiles) {
    for (const profileStep of profile.steps) {
      const step = steps.find((s) => s.profileId === profile.id && s.step === profileStep.id);
      if (!step) continue;
      const startedAt = ctx.now();
      const began = performance.now();
      if (blocked) {
        ctx.record(step, { method, rawOutput: '', parsed: null, metrics: {}, error: { code: blocked.code, message: `Not asked: ${blocked.message}` }, durationMs: 0, startedAt, finishedAt: startedAt });
        continue;
      }
      const parser = getSnmpParser(profileStep.parser);
      if (!parser) throw new Error(`Unknown SNMP parser ${profileStep.parser}`);
      const samples: SnmpVarbind[][] = [];
      const times: number[] = [];
      try {
        const count = parser.samples?.count ?? 1;
        for (let i = 0; i < count; i += 1) {
          if (i > 0) await pause(ctx.tuning.snmpSampleIntervalMs ?? parser.samples?.intervalMs ?? 0, signal);
          samples.push(await takeSample(parser, address, credential, options, signal));
          times.push(ctx.now());
        }
        const { parsed, metrics } = parseSnmp(parser.id, samples.map((sample) => sample.map(toParserVarbind)), times);
        ctx.record(step, { method, rawOutput: sampleText(samples, times), parsed, metrics, error: null, durationMs: performance.now() - began, startedAt, finishedAt: ctx.now() });
      } catch (error) {
        const failure = resultError(error);
        // A cancelled run stores nothing more; the runner deals with it.
        if (failure.code === 'check.cancelled' || signal.aborted) throw error;
        ctx.record(step, { method, rawOutput: sampleText(samples, times), parsed: null, metrics: {}, error: failure, durationMs: performance.now() - began, startedAt, finishedAt: ctx.now() });
        if (CONNECTIVITY_CODES.has(failure.code)) blocked = failure;
      }
    }
  }
}

/** One sample as the parser contract wants it: the `get` OIDs in order, then every walked subtree. */
async function takeSample(parser: SnmpProfileParser, address: string, credential: SnmpCredential, options: SnmpOptions, signal: AbortSignal): Promise<SnmpVarbind[]> {
  const varbinds: SnmpVarbind[] = [];
  if (parser.oids.get && parser.oids.get.length > 0) varbinds.push(...(await snmpGet({ address }, credential, parser.oids.get, options, signal)).varbinds);
  for (const root of parser.oids.walk ?? []) varbinds.push(...(await snmpWalk({ address }, credential, root, options, signal)).varbinds);
  return varbinds;
}

function sampleText(samples: readonly SnmpVarbind[][], times: readonly number[]): string {
  if (samples.length <= 1) return varbindLines(samples[0] ?? []);
  return samples.map((sample, i) => `# sample ${i + 1} at ${new Date(times[i] ?? 0).toISOString()}\n${varbindLines(sample)}`).join('\n\n');
}
