import type { PlannedStep } from '../check-plan';
import { JobFailure, resultError } from '../check-failure';
import { cleanTerminalOutput, parseOutput } from '../parsers';
import type { SshProfile } from '../profiles/profile-loader';
import { enableSecretOf, openSsh } from '../ssh-session';
import { CheckError, type SshConnection } from '../transports';
import type { JobContext, StepDraft } from './job-context';

/**
 * One SSH session runs every step of the asset's profile: in an interactive
 * shell for network gear (prompt found, paging off, each command up to the
 * next prompt) or on one exec channel per command for Linux (with the
 * profile's env, e.g. LC_ALL=C). Each step is parsed and stored as soon as
 * its output is in. A failed login throws as it is (the runner may retry
 * it: nothing was done yet); a failure after that stores the step it hit
 * and ends the job with a JobFailure that is never retried, so the runner
 * stores the steps not reached with the same error.
 */
export async function runSsh(
  ctx: JobContext,
  steps: readonly PlannedStep[],
  work: { address: string; credentialId: string; profile: SshProfile; legacyAlgorithms: readonly string[] },
  signal: AbortSignal,
): Promise<void> {
  const { profile } = work;
  const connection = await openSsh(ctx, work, signal);
  const stepOf = (index: number): PlannedStep | undefined => {
    const id = profile.steps[index]?.id;
    return steps.find((s) => s.step === id);
  };
  try {
    if (profile.mode === 'shell') await runShell(ctx, connection, profile, enableSecretOf(ctx.credential(work.credentialId)), stepOf, signal);
    else await runExec(ctx, connection, profile, stepOf, signal);
  } finally {
    await connection.close();
  }
}

async function runShell(
  ctx: JobContext,
  connection: SshConnection,
  profile: SshProfile,
  enableSecret: string | undefined,
  stepOf: (index: number) => PlannedStep | undefined,
  signal: AbortSignal,
): Promise<void> {
  let startedAt = ctx.now();
  try {
    await connection.shell(
      profile.steps.map((s) => s.command),
      {
        dialect: profile.dialect,
        disablePaging: profile.pagingOff !== undefined,
        // Cisco: privileged EXEC when the login lands at `name>` and the credential has the secret (other CLIs never ask).
        ...(enableSecret === undefined ? {} : { enableSecret }),
        commandTimeoutMs: ctx.tuning.sshCommandTimeoutMs,
        onOutput: (output, index) => {
          const step = stepOf(index);
          const parser = profile.steps[index]?.parser;
          if (step && parser) ctx.record(step, parsedDraft(parser, output.output, cleanTerminalOutput(output.raw), 'shell', output.durationMs, startedAt, ctx.now()));
          startedAt = ctx.now();
        },
      },
      signal,
    );
  } catch (error) {
    // A command that never came back: store what it printed so far with the error.
    const index = error instanceof CheckError && typeof (error.details as { commandIndex?: unknown })?.commandIndex === 'number' ? ((error.details as { commandIndex: number }).commandIndex) : null;
    const step = index === null ? undefined : stepOf(index);
    if (step && !signal.aborted) {
      const partial = String((error as CheckError & { details: { partialOutput?: unknown } }).details.partialOutput ?? '');
      ctx.record(step, { method: 'shell', rawOutput: cleanTerminalOutput(partial), parsed: null, metrics: {}, error: resultError(error), durationMs: ctx.now() - startedAt, startedAt, finishedAt: ctx.now() });
    }
    throw new JobFailure(error, false);
  }
}

async function runExec(ctx: JobContext, connection: SshConnection, profile: SshProfile, stepOf: (index: number) => PlannedStep | undefined, signal: AbortSignal): Promise<void> {
  for (const [index, profileStep] of profile.steps.entries()) {
    const step = stepOf(index);
    if (!step) continue;
    const startedAt = ctx.now();
    try {
      const result = await connection.exec(profileStep.command, { env: profile.env, timeoutMs: ctx.tuning.sshCommandTimeoutMs }, signal);
      const raw = result.stderr === '' ? result.stdout : `${result.stdout}${result.stdout.endsWith('\n') || result.stdout === '' ? '' : '\n'}[stderr]\n${result.stderr}`;
      // A command that failed without printing anything (not installed, no systemd) must not read as "nothing to report":
      // its complaint on stderr is what the parser judges then.
      const failedSilently = result.exitCode !== 0 && result.stdout.trim() === '';
      const draft =
        failedSilently && result.stderr.trim() === ''
          ? { ...parsedDraft(profileStep.parser, '', raw, 'exec', result.durationMs, startedAt, ctx.now()), parsed: null, metrics: {}, error: { code: 'check.parse-failed', message: `"${profileStep.command}" printed nothing` } }
          : parsedDraft(profileStep.parser, failedSilently ? result.stderr : result.stdout, raw, 'exec', result.durationMs, startedAt, ctx.now());
      if (draft.error && result.exitCode !== 0) draft.error.message += result.exitCode === null ? ` (ended by ${result.exitSignal ?? 'a signal'})` : ` (exit status ${result.exitCode})`;
      ctx.record(step, draft);
    } catch (error) {
      if (!signal.aborted) {
        const partial = error instanceof CheckError ? String((error.details as { partialOutput?: unknown } | undefined)?.partialOutput ?? '') : '';
        ctx.record(step, { method: 'exec', rawOutput: partial, parsed: null, metrics: {}, error: resultError(error), durationMs: ctx.now() - startedAt, startedAt, finishedAt: ctx.now() });
      }
      throw new JobFailure(error, false);
    }
  }
}

/** The output parsed by the step's parser: values and metrics, or check.parse-failed with the text kept as evidence. */
function parsedDraft(parserId: string, output: string, rawOutput: string, method: string, durationMs: number, startedAt: number, finishedAt: number): StepDraft {
  try {
    const { parsed, metrics } = parseOutput(parserId, output);
    return { method, rawOutput, parsed, metrics, error: null, durationMs, startedAt, finishedAt };
  } catch (error) {
    const failure = resultError(error);
    // A parser that throws something other than ParseError broke its own schema: still the text is kept, as a parse failure.
    const code = failure.code === 'internal.error' ? 'check.parse-failed' : failure.code;
    return { method, rawOutput, parsed: null, metrics: {}, error: { code, message: failure.message }, durationMs, startedAt, finishedAt };
  }
}
