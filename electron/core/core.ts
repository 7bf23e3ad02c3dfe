import { apiContract, isMethodName } from '@shared/api';
import { assetTransferContract } from '@shared/api/asset-transfer.contract';
import { credentialsContract } from '@shared/api/credentials.contract';
import { ipPlanContract } from '@shared/api/ip-plan.contract';
import { assetsContract } from '@shared/api/assets.contract';
import { checksContract } from '@shared/api/checks.contract';
import { locationsContract } from '@shared/api/locations.contract';
import { systemContract } from '@shared/api/system.contract';
import { slaContract } from '@shared/api/sla.contract';
import { attachmentsContract } from '@shared/api/attachments.contract';
import { incidentsContract } from '@shared/api/incidents.contract';
import { problemsContract } from '@shared/api/problems.contract';
import { changesContract } from '@shared/api/changes.contract';
import { knowledgeContract } from '@shared/api/knowledge.contract';
import { emergencyPlansContract } from '@shared/api/emergency-plans.contract';
import { roundsContract } from '@shared/api/rounds.contract';
import { syncContract } from '@shared/api/sync.contract';
import { statisticsContract } from '@shared/api/statistics.contract';
import { recordsContract } from '@shared/api/records.contract';
import { exportsContract } from '@shared/api/exports.contract';
import { reportsContract } from '@shared/api/reports.contract';
import type { Result } from '@shared/errors';
import { slaHandlers } from './sla/sla.handlers';
import { attachmentsHandlers } from './attachments/attachments.handlers';
import { incidentsHandlers } from './incidents/incidents.handlers';
import { problemsHandlers } from './problems/problems.handlers';
import { changesHandlers } from './changes/changes.handlers';
import { knowledgeHandlers } from './knowledge/knowledge.handlers';
import { emergencyPlansHandlers } from './emergency-plans/emergency-plans.handlers';
import { roundsHandlers } from './rounds/rounds.handlers';
import { syncHandlers } from './sync/sync.handlers';
import { statisticsHandlers } from './statistics/statistics.handlers';
import { recordsHandlers } from './records/records.handlers';
import { exportsHandlers } from './exports/exports.handlers';
import { reportsHandlers } from './reports/reports.handlers';
import { Registry } from './api/registry';
import { assetTransferHandlers } from './asset-transfer/asset-transfer.handlers';
import { assetsHandlers } from './assets/assets.handlers';
import { checksHandlers } from './checks/checks.handlers';
import { CoreState, type CoreStateOptions } from './core-state';
import { credentialsHandlers } from './credentials/credentials.handlers';
import { EventBus, type EventListener } from './events/event-bus';
import { ipPlanHandlers } from './ip-plan/ip-plan.handlers';
import { locationsHandlers } from './locations/locations.handlers';
import { systemHandlers } from './system/system.handlers';

export type CoreOptions = CoreStateOptions;

/** The backend as either transport sees it. */
export interface Core {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: EventListener): () => void;
  describe: Registry['describe'];
  /** The input size a method declares it accepts, if it raises the default. */
  maxInputBytes(method: string): number | undefined;
  close(): void;
  /** Resolves once the store is open (or recovery mode is entered). */
  ready: Promise<void>;
}

/**
 * Builds core: one registry holding every domain's handlers, over one store.
 * Returns at once; calls wait until the store is open.
 */
export function createCore(options: CoreOptions): Core {
  const events = new EventBus();
  const state = new CoreState(options, events);
  const registry = new Registry(apiContract)
    .register(systemContract, systemHandlers(state))
    .register(locationsContract, locationsHandlers(() => state.services().locations))
    .register(assetsContract, assetsHandlers(() => state.services().assets))
    .register(credentialsContract, credentialsHandlers(() => state.services().credentials))
    .register(ipPlanContract, ipPlanHandlers(() => state.services().ipPlan))
    .register(assetTransferContract, assetTransferHandlers(() => state.services().assetTransfer))
    .register(checksContract, checksHandlers(() => state.services().checks))
    .register(slaContract, slaHandlers(() => state.services().sla))
    .register(attachmentsContract, attachmentsHandlers(() => state.services().attachments))
    .register(incidentsContract, incidentsHandlers(() => state.services().incidents))
    .register(problemsContract, problemsHandlers(() => state.services().problems))
    .register(changesContract, changesHandlers(() => state.services().changes))
    .register(knowledgeContract, knowledgeHandlers(() => state.services().knowledge))
    .register(emergencyPlansContract, emergencyPlansHandlers(() => state.services().emergencyPlans))
    .register(roundsContract, roundsHandlers(() => state.services().rounds))
    .register(syncContract, syncHandlers(() => state.services().sync))
    .register(statisticsContract, statisticsHandlers(() => state.services().statistics))
    .register(recordsContract, recordsHandlers(() => state.services().records))
    .register(exportsContract, exportsHandlers(() => state.services().exports))
    .register(reportsContract, reportsHandlers(() => state.services().reports))
    .assertComplete();
  const ready = state.open();
  return {
    ready,
    call: async (method, input) => {
      await ready;
      return registry.call(method, input);
    },
    onEvent: (listener) => events.on(listener),
    describe: () => registry.describe(),
    maxInputBytes: (method) => (isMethodName(method) ? (apiContract[method] as { maxInputBytes?: number }).maxInputBytes : undefined),
    close: () => state.close(),
  };
}
