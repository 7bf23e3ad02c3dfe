import type { z } from 'zod';
import { assetTransferContract } from './asset-transfer.contract';
import { assetsContract } from './assets.contract';
import { checksContract } from './checks.contract';
import { credentialsContract } from './credentials.contract';
import { mergeContracts } from './define';
import { eventsContract } from './events.contract';
import { ipPlanContract } from './ip-plan.contract';
import { locationsContract } from './locations.contract';
import { systemContract } from './system.contract';
import { slaContract } from './sla.contract';
import { attachmentsContract } from './attachments.contract';
import { incidentsContract } from './incidents.contract';
import { problemsContract } from './problems.contract';
import { changesContract } from './changes.contract';
import { knowledgeContract } from './knowledge.contract';
import { emergencyPlansContract } from './emergency-plans.contract';
import { roundsContract } from './rounds.contract';
import { syncContract } from './sync.contract';
import { statisticsContract } from './statistics.contract';
import { recordsContract } from './records.contract';
import { exportsContract } from './exports.contract';
import { reportsContract } from './reports.contract';

/** Every method the renderer can call, declared once; core and both transports derive from it. */
export const apiContract = mergeContracts(systemContract, locationsContract, assetsContract, credentialsContract, ipPlanContract, assetTransferContract, checksContract,
  slaContract, attachmentsContract, incidentsContract, problemsContract, changesContract, knowledgeContract, emergencyPlansContract, roundsContract, syncContract,
  statisticsContract, recordsContract, exportsContract, reportsContract);
export type ApiContract = typeof apiContract;
export type MethodName = keyof ApiContract & string;
/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<ApiContract[M]['input']>;
/** What a caller gets back. */
export type MethodOutput<M extends MethodName> = z.output<ApiContract[M]['output']>;

export const apiEvents = eventsContract;
export type ApiEvents = typeof apiEvents;
export type EventName = keyof ApiEvents & string;
export type EventPayload<E extends EventName> = z.output<ApiEvents[E]['payload']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiEvents, name);
}

/** The surface preload exposes as `window.walkdown` and the web transport imitates. */
export interface WalkdownBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export { method, event, mergeContracts } from './define';
export type { MethodDef, EventDef, Contract } from './define';
