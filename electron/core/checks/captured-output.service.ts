import type { CheckResult } from '@shared/domain/checks';
import type { Profile } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import type { AssetsRepo } from '../assets/assets.repo';
import type { EventBus } from '../events/event-bus';
import type { LocalStore } from '../store/local-store';
import { resultError } from './check-failure';
import type { ProfileCatalog } from './check-profiles';
import { cleanTerminalOutput, OUTPUT_PARSERS, parseOutput } from './parsers';
import { ResultRecorder } from './result-recorder';

/**
 * Output an engineer captured without Walkdown's SSH (over a console cable,
 * from a colleague's email, a TFTP'd log) parsed by the same parsers as a
 * live check and kept as evidence the same way: a result of kind
 * 'captured', target 'captured', method 'pasted', attributed to the profile
 * and step that use the parser (so the UI labels it like a live step).
 *
 * Text the parser refuses is still stored, with status error and
 * check.parse-failed, and that result is returned rather than an error:
 * the paste is evidence an engineer went to some trouble for, and the
 * stored text can be read, or parsed again once a parser learns the layout.
 */
export class CapturedOutputService {
  private readonly recorder: ResultRecorder;

  constructor(
    store: LocalStore,
    private readonly assets: AssetsRepo,
    private readonly profiles: ProfileCatalog,
    private readonly events: EventBus,
    private readonly now: () => number,
    private readonly actor: () => Profile | null,
  ) {
    this.recorder = new ResultRecorder(store);
  }

  /** The parsers an engineer can choose from, with the command each reads and the metrics it gives. */
  parsers(): { id: string; dialect: string; command: string; metrics: string[] }[] {
    return [...OUTPUT_PARSERS.values()].map((p) => ({ id: p.id, dialect: p.dialect, command: p.commands[0] ?? '', metrics: p.metricSpecs.map((m) => m.name) }));
  }

  parse(input: { assetId: string | null; parserId: string; text: string }): CheckResult {
    if (!this.actor()) throw new AppError('profile.required', 'Set your name and role before storing evidence');
    if (!OUTPUT_PARSERS.has(input.parserId)) {
      throw new AppError('api.invalid-input', `No output parser "${input.parserId}"`, { details: { issues: [{ path: 'parserId', message: 'unknown parser' }] } });
    }
    if (input.assetId !== null) {
      const asset = this.assets.get(input.assetId);
      if (!asset || asset.deleted_at !== null) throw new AppError('assets.not-found', `Asset ${input.assetId} not found`, { details: { id: input.assetId } });
    }
    const { profileId, step } = this.stepOf(input.parserId);
    const startedAt = this.now();
    const began = performance.now();
    let outcome: { parsed: unknown; metrics: Record<string, number | string>; error: { code: string; message: string } | null };
    try {
      outcome = { ...parseOutput(input.parserId, cleanTerminalOutput(input.text)), error: null };
    } catch (error) {
      const failure = resultError(error);
      outcome = { parsed: null, metrics: {}, error: { code: 'check.parse-failed', message: failure.message } };
    }
    const result = this.recorder.record({
      runId: null,
      assetId: input.assetId,
      target: 'captured',
      kind: 'captured',
      profileId,
      step,
      method: 'pasted',
      rawOutput: input.text,
      ...outcome,
      durationMs: performance.now() - began,
      startedAt,
      finishedAt: this.now(),
    });
    this.events.emit('records.changed', { entities: ['checkResult'] });
    return result;
  }

  /** The profile step that reads with this parser (huawei-vrp / version), else the parser itself. */
  private stepOf(parserId: string): { profileId: string; step: string } {
    for (const profile of this.profiles.get().all) {
      if (profile.kind !== 'ssh') continue;
      const step = profile.steps.find((s) => s.parser === parserId);
      if (step) return { profileId: profile.id, step: step.id };
    }
    return { profileId: 'captured', step: parserId };
  }
}
