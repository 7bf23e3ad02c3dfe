import { warrantyCutoff } from '@shared/domain/assets';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '@shared/domain/incidents';
import { PRIORITIES, type Priority } from '@shared/domain/sla';
import { StatisticsScope, type IncidentFigures, type ServiceStatistics, type StatisticsScopeInput } from '@shared/domain/statistics';
import { IncidentSla, type SlaPolicySource } from '../incidents/incident-sla';
import type { LocalStore } from '../store/local-store';
import { roundFigures } from './round-figures';
import { slaFigures } from './sla-figures';
import { resolveScope, type ResolvedScope } from './statistics-scope';
import { StatisticsRepo, type IncidentTally } from './statistics.repo';

/** The assets with the most faults the dashboard and the report list. */
const TOP_FAULTY_ASSETS = 10;

/**
 * Every figure of a scope and period, from the local database: counts in
 * SQL, SLA timers from the incidents' SLA engine, schedule periods from the
 * rounds' period rules, warranty from the asset register's rule. The
 * dashboard, the consolidated views and the service report all call this.
 */
export class StatisticsService {
  private readonly repo: StatisticsRepo;

  constructor(
    private readonly store: LocalStore,
    private readonly policies: SlaPolicySource,
    private readonly now: () => number,
  ) {
    this.repo = new StatisticsRepo(store.db);
  }

  compute(scope: StatisticsScope): ServiceStatistics {
    const computedAt = this.now();
    // One transaction: every figure reads the same snapshot, and SQLite takes its lock once, not per query.
    return this.store.db.transaction(() => {
      const resolved = resolveScope(this.store.db, scope, computedAt);
      const rows = this.repo.incidentRows(resolved);
      const history = this.repo.slaEvents(resolved);
      const problems = this.repo.problems(resolved);
      const changes = this.repo.changes(resolved);
      return {
        scope,
        computedAt,
        devicesCovered: this.repo.devicesCovered(resolved),
        rounds: roundFigures(this.repo, resolved),
        incidents: this.incidentFigures(resolved),
        sla: slaFigures(new IncidentSla(this.policies, () => resolved.horizon), rows, history, resolved.horizon),
        consultations: problems.consultations,
        problems: problems.defects,
        changes: changes.created,
        changesImplemented: changes.implemented,
        availability: this.repo.availability(resolved).map((row) => ({ ...row, availability: row.checks === 0 ? null : row.ok / row.checks })),
        topFaultyAssets: this.repo.topFaultyAssets(resolved, TOP_FAULTY_ASSETS),
        warrantyEndingSoon: this.repo.warrantyEndingBy(resolved, warrantyCutoff(resolved.horizon)),
      };
    }).deferred();
  }

  engineers(): string[] {
    return this.repo.engineers();
  }

  private incidentFigures(resolved: ResolvedScope): IncidentFigures {
    const tally = this.repo.incidentTally(resolved);
    const sum = (pick: (row: IncidentTally) => number | null) => tally.reduce((total, row) => total + (pick(row) ?? 0), 0);
    const byCategory = Object.fromEntries(INCIDENT_CATEGORIES.map((category) => [category, 0])) as Record<IncidentCategory, number>;
    const byPriority = Object.fromEntries(PRIORITIES.map((priority) => [priority, 0])) as Record<Priority, number>;
    for (const row of tally) {
      // A value this version does not know (synced from a newer one) still counts in the total.
      if (row.category in byCategory) byCategory[row.category as IncidentCategory] += row.n;
      if (row.priority in byPriority) byPriority[row.priority as Priority] += row.n;
    }
    const total = sum((row) => row.n);
    const resolvedCount = sum((row) => row.resolved);
    const responded = sum((row) => row.responded);
    const months = this.repo.incidentsByMonth(resolved);
    return {
      total,
      byCategory,
      byPriority,
      byMonth: resolved.months.map(({ month }) => ({ month, count: months.get(month) ?? 0 })),
      open: total - resolvedCount,
      resolved: resolvedCount,
      systemDown: sum((row) => row.system_down),
      meanTimeToRespondMs: responded === 0 ? null : sum((row) => row.respond_ms) / responded,
      meanTimeToResolveMs: resolvedCount === 0 ? null : sum((row) => row.resolve_ms) / resolvedCount,
    };
  }
}

/**
 * The figures of one scope over a store, for callers outside the API (the
 * service report, benches): the scope as given by hand, defaults applied.
 */
export function computeServiceStatistics(deps: { store: LocalStore; policies: SlaPolicySource; now: () => number }, scope: StatisticsScopeInput): ServiceStatistics {
  return new StatisticsService(deps.store, deps.policies, deps.now).compute(StatisticsScope.parse(scope));
}
