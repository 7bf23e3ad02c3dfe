import type { CheckResult, CheckResultSummary, CheckRun } from '@shared/domain/checks';
import { AppError } from '@shared/errors';
import type { Db } from '../store/database';
import { CheckResultsRepo, type ResultQuery } from './check-results.repo';
import { CheckRunsRepo } from './check-runs.repo';

/** Reading the evidence: results, one result with its raw output, latest values and history per metric, runs. */
export class CheckResultsService {
  private readonly results: CheckResultsRepo;
  private readonly runs: CheckRunsRepo;

  constructor(db: Db) {
    this.results = new CheckResultsRepo(db);
    this.runs = new CheckRunsRepo(db);
  }

  list(query: ResultQuery): CheckResultSummary[] {
    return this.results.results(query);
  }

  get(id: string): CheckResult {
    const result = this.results.result(id);
    if (!result) throw new AppError('check.not-found', `No check result ${id}`, { details: { id } });
    return result;
  }

  latest(assetId: string) {
    return this.results.latest(assetId);
  }

  history(assetId: string, metric: string, since: number | undefined, limit: number): { at: number; value: number }[] {
    return this.results.history(assetId, metric, since, limit);
  }

  recentRuns(limit: number): CheckRun[] {
    return this.runs.recent(limit);
  }
}
