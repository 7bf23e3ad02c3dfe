import type { Role } from '../domain/profile';

/**
 * What the server knows about each entity that travels: enough to place a
 * record in a client/site scope, to decide who may push it and who receives it,
 * and whether concurrent edits of it can conflict. Field names are the API
 * names the console's outbox carries (electron/core/store/synced-entities.ts;
 * tests/server/entity-catalogue.test.ts keeps both lists equal).
 *
 * - `reference` records (locations, assets, templates, policies, knowledge,
 *   plans) travel down to everyone whose scope holds them.
 * - `work` records (incidents, rounds, check results, ...) travel up; they come
 *   back down to supervisors and admins of the scope, and to the user who owns
 *   them (who created the record, or its parent record) on their other devices.
 * - `appendOnly` records are inserted once and afterwards only deleted or
 *   restored: an update is refused and they never produce a conflict.
 */
export type SyncEntityKind = 'reference' | 'work';

export interface SyncEntitySpec {
  kind: SyncEntityKind;
  fields: readonly string[];
  appendOnly?: boolean;
  /** Roles that may push it; the server still checks the scope of each record. */
  writers: readonly Role[];
  /** The record whose owner a child inherits (a work log belongs to whoever owns the incident). */
  parent?: { entity: string; field: string };
}

const everyone = ['engineer', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** Configuration that shapes everyone's work (SLA contracts, checklists, schedules, plans): supervisors and admins only. */
const leads = ['supervisor', 'admin'] as const satisfies readonly Role[];

const work = (fields: readonly string[], extra: Partial<SyncEntitySpec> = {}): SyncEntitySpec => ({ kind: 'work', fields, writers: everyone, ...extra });
const reference = (fields: readonly string[], extra: Partial<SyncEntitySpec> = {}): SyncEntitySpec => ({
  kind: 'reference',
  fields,
  writers: everyone,
  ...extra,
});

export const SYNC_ENTITIES = {
  client: reference(['name']),
  site: reference(['clientId', 'name']),
  room: reference(['siteId', 'name']),
  rack: reference(['roomId', 'name', 'heightU']),
  asset: reference([
    'type',
    'name',
    'vendor',
    'model',
    'serialNumber',
    'assetTag',
    'status',
    'owner',
    'contact',
    'purchaseDate',
    'warrantyEnd',
    'managementIps',
    'version',
    'patchLevel',
    'notes',
    'customFields',
    'roomId',
    'rackId',
    'rackUStart',
    'rackUHeight',
    'installedOnId',
  ]),
  subnet: reference(['siteId', 'cidr', 'vlan', 'gateway', 'purpose']),
  checkResult: work(
    [
      'runId',
      'assetId',
      'target',
      'kind',
      'profileId',
      'step',
      'method',
      'rawOutput',
      'parsed',
      'metrics',
      'units',
      'status',
      'errorCode',
      'errorMessage',
      'durationMs',
      'startedAt',
      'finishedAt',
    ],
    { appendOnly: true },
  ),
  configBackup: work(['assetId', 'fetchedAt', 'command', 'sha256', 'content', 'changed'], { appendOnly: true }),
  incident: work([
    'number',
    'title',
    'description',
    'category',
    'impact',
    'urgency',
    'priority',
    'priorityOverride',
    'priorityReason',
    'systemDown',
    'status',
    'pendingReason',
    'assetIds',
    'locationId',
    'reporterName',
    'reporterContact',
    'assignee',
    'reportedAt',
    'acknowledgedAt',
    'resolvedAt',
    'closedAt',
    'workaround',
    'workaroundAt',
    'resolution',
    'faultReport',
    'faultReportAt',
    'createdBy',
  ]),
  incidentWorkLog: work(['incidentId', 'at', 'author', 'text', 'minutesSpent'], { appendOnly: true, parent: { entity: 'incident', field: 'incidentId' } }),
  incidentEvidence: work(['incidentId', 'kind', 'targetId', 'label'], { appendOnly: true, parent: { entity: 'incident', field: 'incidentId' } }),
  incidentEvent: work(['incidentId', 'at', 'actor', 'kind', 'data'], { appendOnly: true, parent: { entity: 'incident', field: 'incidentId' } }),
  knowledgeArticle: reference(['title', 'body', 'language', 'tags', 'assetTypes', 'vendors', 'sourceType', 'sourceId', 'status', 'author']),
  emergencyPlan: reference(
    [
      'clientId',
      'siteId',
      'title',
      'scenario',
      'severity',
      'triggerConditions',
      'objective',
      'steps',
      'contacts',
      'callList',
      'strategies',
      'version',
      'reviewedAt',
      'language',
      'templateId',
    ],
    { writers: leads },
  ),
  problem: work([
    'type',
    'status',
    'title',
    'description',
    'reporter',
    'contact',
    'question',
    'answer',
    'assetIds',
    'analysisKind',
    'analysisNotes',
    'confirmationNotes',
    'resolution',
    'feedback',
    'feedbackTo',
    'convertedFromDefect',
    'reportedAt',
    'answeredAt',
    'createdBy',
  ]),
  problemStep: work(['problemId', 'step', 'actor', 'at', 'data'], { appendOnly: true, parent: { entity: 'problem', field: 'problemId' } }),
  problemIncident: work(['problemId', 'incidentId'], { parent: { entity: 'problem', field: 'problemId' } }),
  change: work([
    'title',
    'description',
    'assetIds',
    'plan',
    'riskLevel',
    'riskText',
    'rollbackPlan',
    'windowStart',
    'windowEnd',
    'requester',
    'implementer',
    'status',
    'submittedAt',
    'decision',
    'decidedBy',
    'decidedRole',
    'decidedAt',
    'decisionComment',
    'startedAt',
    'result',
    'resultAt',
    'cancelledAt',
    'cancelReason',
    'createdBy',
  ]),
  attachment: work(['ownerType', 'ownerId', 'fileName', 'mimeType', 'sizeBytes', 'sha256', 'thumbnailSha256', 'width', 'height', 'note'], {
    appendOnly: true,
  }),
  slaPolicy: reference(['name', 'clientId', 'calendar', 'targets', 'pauseWhilePending', 'atRiskPercent', 'systemDown'], { writers: leads }),
  checklistTemplate: reference(['builtinKey', 'name', 'language', 'version', 'versionId', 'archived'], { writers: leads }),
  checklistTemplateVersion: reference(['templateId', 'version', 'content'], { writers: leads, appendOnly: true }),
  roundSchedule: reference(['templateId', 'target', 'frequency', 'startDate', 'assignee', 'active'], { writers: leads }),
  round: work([
    'templateId',
    'templateVersionId',
    'scheduleId',
    'periodStart',
    'target',
    'roomId',
    'assets',
    'status',
    'startedBy',
    'startedAt',
    'signedBy',
    'signedAt',
    'signatureAttachmentId',
    'summary',
  ]),
  roundEntry: work(
    ['roundId', 'sectionKey', 'itemKey', 'assetId', 'itemLabel', 'value', 'outcome', 'filled', 'note', 'enteredBy', 'enteredAt', 'incidentId'],
    { parent: { entity: 'round', field: 'roundId' } },
  ),
  roundAmendment: work(['roundId', 'entryId', 'before', 'after', 'reason', 'amendedBy', 'at'], {
    appendOnly: true,
    parent: { entity: 'round', field: 'roundId' },
  }),
  /**
   * Made by the server when two devices edited one field concurrently (see
   * ConflictFields in messages.ts). Consoles push only its resolution.
   */
  conflict: work(['entity', 'entityId', 'fields', 'detectedAt', 'resolvedAt', 'resolvedBy', 'resolution']),
} as const satisfies Record<string, SyncEntitySpec>;

export type PushableEntityName = keyof typeof SYNC_ENTITIES;

/** Made by the server only (accounts), delivered down so consoles can offer assignees. */
export const SERVER_ONLY_ENTITIES = ['user'] as const;
export type SyncEntityName = PushableEntityName | (typeof SERVER_ONLY_ENTITIES)[number];

export const PUSHABLE_ENTITY_NAMES = Object.keys(SYNC_ENTITIES) as PushableEntityName[];

/** Kept by the console's write path for every row; they are fields like any other on the wire. */
export const BOOKKEEPING_FIELDS = ['createdAt', 'updatedAt', 'deletedAt'] as const;

/** The only fields of a conflict a console may change: it records how a person resolved it. */
export const CONFLICT_RESOLUTION_FIELDS = ['resolvedAt', 'resolvedBy', 'resolution', 'updatedAt'] as const;

export function isPushableEntity(name: string): name is PushableEntityName {
  return Object.hasOwn(SYNC_ENTITIES, name);
}

export function entitySpec(name: PushableEntityName): SyncEntitySpec {
  return SYNC_ENTITIES[name];
}

/** Where a file owned by an attachment row lives, by the attachment's ownerType. */
export const ATTACHMENT_OWNER_ENTITIES: Readonly<Record<string, PushableEntityName>> = {
  incident: 'incident',
  'work-log': 'incidentWorkLog',
  problem: 'problem',
  change: 'change',
  knowledge: 'knowledgeArticle',
  plan: 'emergencyPlan',
  'round-item': 'roundEntry',
};
