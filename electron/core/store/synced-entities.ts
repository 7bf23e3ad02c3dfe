/**
 * The tables that travel to the server, and which of their fields the write
 * path may set. The write path builds SQL only from these names, never from
 * caller input, so nothing outside this list can be written through it.
 */
export interface SyncedEntity {
  table: string;
  /** API field name → column name. id, created_at, updated_at and deleted_at are managed by the write path. */
  fields: Readonly<Record<string, string>>;
  /** Fields stored as JSON text (arrays, objects). */
  json?: readonly string[];
  /**
   * Fields kept out of the audit line: bulky evidence (raw output, a whole
   * configuration) that the row itself already holds and that never changes.
   */
  auditOmit?: readonly string[];
}

export const syncedEntities = {
  client: { table: 'clients', fields: { name: 'name' } },
  site: { table: 'sites', fields: { clientId: 'client_id', name: 'name' } },
  room: { table: 'rooms', fields: { siteId: 'site_id', name: 'name' } },
  rack: { table: 'racks', fields: { roomId: 'room_id', name: 'name', heightU: 'height_u' } },
  asset: {
    table: 'assets',
    fields: {
      type: 'type',
      name: 'name',
      vendor: 'vendor',
      model: 'model',
      serialNumber: 'serial_number',
      assetTag: 'asset_tag',
      status: 'status',
      owner: 'owner',
      contact: 'contact',
      purchaseDate: 'purchase_date',
      warrantyEnd: 'warranty_end',
      managementIps: 'management_ips',
      version: 'version',
      patchLevel: 'patch_level',
      notes: 'notes',
      customFields: 'custom_fields',
      roomId: 'room_id',
      rackId: 'rack_id',
      rackUStart: 'rack_u_start',
      rackUHeight: 'rack_u_height',
      installedOnId: 'installed_on_id',
    },
    json: ['managementIps', 'customFields'],
  },
  subnet: { table: 'subnets', fields: { siteId: 'site_id', cidr: 'cidr', vlan: 'vlan', gateway: 'gateway', purpose: 'purpose' } },
  /** Device check evidence: append-only (inserted once, never updated), so it never conflicts. */
  checkResult: {
    table: 'check_results',
    fields: {
      runId: 'run_id',
      assetId: 'asset_id',
      target: 'target',
      kind: 'kind',
      profileId: 'profile_id',
      step: 'step',
      method: 'method',
      rawOutput: 'raw_output',
      parsed: 'parsed',
      metrics: 'metrics',
      units: 'units',
      status: 'status',
      errorCode: 'error_code',
      errorMessage: 'error_message',
      durationMs: 'duration_ms',
      startedAt: 'started_at',
      finishedAt: 'finished_at',
    },
    json: ['parsed', 'metrics', 'units'],
    auditOmit: ['rawOutput', 'parsed', 'metrics', 'units'],
  },
  /** One fetched running configuration: append-only, like check results. `changed` is 0 or 1. */
  configBackup: {
    table: 'config_backups',
    fields: { assetId: 'asset_id', fetchedAt: 'fetched_at', command: 'command', sha256: 'sha256', content: 'content', changed: 'changed' },
    auditOmit: ['content'],
  },
  /** Incidents (migration 0006). The record is mutable; work log, evidence links and history (events) are append-only. */
  incident: {
    table: 'incidents',
    fields: {
      number: 'number',
      title: 'title',
      description: 'description',
      category: 'category',
      impact: 'impact',
      urgency: 'urgency',
      priority: 'priority',
      priorityOverride: 'priority_override',
      priorityReason: 'priority_reason',
      systemDown: 'system_down',
      status: 'status',
      pendingReason: 'pending_reason',
      assetIds: 'asset_ids',
      locationId: 'location_id',
      reporterName: 'reporter_name',
      reporterContact: 'reporter_contact',
      assignee: 'assignee',
      reportedAt: 'reported_at',
      acknowledgedAt: 'acknowledged_at',
      resolvedAt: 'resolved_at',
      closedAt: 'closed_at',
      workaround: 'workaround',
      workaroundAt: 'workaround_at',
      resolution: 'resolution',
      faultReport: 'fault_report',
      faultReportAt: 'fault_report_at',
      createdBy: 'created_by',
    },
    json: ['assetIds', 'resolution', 'faultReport'],
  },
  incidentWorkLog: {
    table: 'incident_work_log',
    fields: { incidentId: 'incident_id', at: 'at', author: 'author', text: 'text', minutesSpent: 'minutes_spent' },
  },
  incidentEvidence: { table: 'incident_evidence', fields: { incidentId: 'incident_id', kind: 'kind', targetId: 'target_id', label: 'label' } },
  /** The history behind the timeline and the SLA clocks; `at` is the time recorded on the laptop. */
  incidentEvent: { table: 'incident_events', fields: { incidentId: 'incident_id', at: 'at', actor: 'actor', kind: 'kind', data: 'data' }, json: ['data'] },
  /** A knowledge-base article (Markdown body); tags, asset types and vendors are JSON arrays. */
  knowledgeArticle: {
    table: 'knowledge_articles',
    fields: {
      title: 'title',
      body: 'body',
      language: 'language',
      tags: 'tags',
      assetTypes: 'asset_types',
      vendors: 'vendors',
      sourceType: 'source_type',
      sourceId: 'source_id',
      status: 'status',
      author: 'author',
    },
    json: ['tags', 'assetTypes', 'vendors'],
  },
  /** An emergency plan (应急预案): read and written whole, its lists as JSON. */
  emergencyPlan: {
    table: 'emergency_plans',
    fields: {
      clientId: 'client_id',
      siteId: 'site_id',
      title: 'title',
      scenario: 'scenario',
      severity: 'severity',
      triggerConditions: 'trigger_conditions',
      objective: 'objective',
      steps: 'steps',
      contacts: 'contacts',
      callList: 'call_list',
      strategies: 'strategies',
      version: 'version',
      reviewedAt: 'reviewed_at',
      language: 'language',
      templateId: 'template_id',
    },
    json: ['steps', 'contacts', 'callList'],
  },
  /** A problem record (问题记录): consultation or defect; its steps are rows of problemStep. */
  problem: {
    table: 'problems',
    fields: {
      type: 'type',
      status: 'status',
      title: 'title',
      description: 'description',
      reporter: 'reporter',
      contact: 'contact',
      question: 'question',
      answer: 'answer',
      assetIds: 'asset_ids',
      analysisKind: 'analysis_kind',
      analysisNotes: 'analysis_notes',
      confirmationNotes: 'confirmation_notes',
      resolution: 'resolution',
      feedback: 'feedback',
      feedbackTo: 'feedback_to',
      convertedFromDefect: 'converted_from_defect',
      reportedAt: 'reported_at',
      answeredAt: 'answered_at',
      createdBy: 'created_by',
    },
    json: ['assetIds'],
  },
  /** One step taken on a problem (who, when, what): append-only, so it never conflicts. */
  problemStep: { table: 'problem_steps', fields: { problemId: 'problem_id', step: 'step', actor: 'actor', at: 'at', data: 'data' }, json: ['data'] },
  /** An incident linked to a problem. The id is derived from the pair; unlinking is a tombstone, linking again restores it. */
  problemIncident: { table: 'problem_incidents', fields: { problemId: 'problem_id', incidentId: 'incident_id' } },
  /** A change (变更) with its plan, window, approval and result. */
  change: {
    table: 'changes',
    fields: {
      title: 'title',
      description: 'description',
      assetIds: 'asset_ids',
      plan: 'plan',
      riskLevel: 'risk_level',
      riskText: 'risk_text',
      rollbackPlan: 'rollback_plan',
      windowStart: 'window_start',
      windowEnd: 'window_end',
      requester: 'requester',
      implementer: 'implementer',
      status: 'status',
      submittedAt: 'submitted_at',
      decision: 'decision',
      decidedBy: 'decided_by',
      decidedRole: 'decided_role',
      decidedAt: 'decided_at',
      decisionComment: 'decision_comment',
      startedAt: 'started_at',
      result: 'result',
      resultAt: 'result_at',
      cancelledAt: 'cancelled_at',
      cancelReason: 'cancel_reason',
      createdBy: 'created_by',
    },
    json: ['assetIds'],
  },
  /**
   * Attachment metadata: inserted once, then only deleted or restored. The file
   * itself is not a field: it lives in the blob store under `sha256`, and blob
   * transfer is the sync issue's (attachments/attachments.service.ts).
   */
  attachment: {
    table: 'attachments',
    fields: {
      ownerType: 'owner_type',
      ownerId: 'owner_id',
      fileName: 'file_name',
      mimeType: 'mime_type',
      sizeBytes: 'size_bytes',
      sha256: 'sha256',
      thumbnailSha256: 'thumbnail_sha256',
      width: 'width',
      height: 'height',
      note: 'note',
    },
  },
  /** A client's SLA contract (or the default, clientId null). `pauseWhilePending` is 0 or 1. */
  slaPolicy: {
    table: 'sla_policies',
    fields: {
      name: 'name',
      clientId: 'client_id',
      calendar: 'calendar',
      targets: 'targets',
      pauseWhilePending: 'pause_while_pending',
      atRiskPercent: 'at_risk_percent',
      systemDown: 'system_down',
    },
    json: ['calendar', 'targets', 'systemDown'],
  },
  /** Rounds (migration 0013). The template row is mutable; each version's content is an append-only JSON snapshot. `archived` is 0 or 1. */
  checklistTemplate: {
    table: 'checklist_templates',
    fields: { builtinKey: 'builtin_key', name: 'name', language: 'language', version: 'version', versionId: 'version_id', archived: 'archived' },
  },
  checklistTemplateVersion: {
    table: 'checklist_template_versions',
    fields: { templateId: 'template_id', version: 'version', content: 'content' },
    json: ['content'],
    auditOmit: ['content'],
  },
  /** `active` is 0 or 1; deleting a schedule is a tombstone. */
  roundSchedule: {
    table: 'round_schedules',
    fields: { templateId: 'template_id', target: 'target', frequency: 'frequency', startDate: 'start_date', assignee: 'assignee', active: 'active' },
    json: ['target'],
  },
  round: {
    table: 'rounds',
    fields: {
      templateId: 'template_id',
      templateVersionId: 'template_version_id',
      scheduleId: 'schedule_id',
      periodStart: 'period_start',
      target: 'target',
      roomId: 'room_id',
      assets: 'assets',
      status: 'status',
      startedBy: 'started_by',
      startedAt: 'started_at',
      signedBy: 'signed_by',
      signedAt: 'signed_at',
      signatureAttachmentId: 'signature_attachment_id',
      summary: 'summary',
    },
    json: ['target', 'assets'],
  },
  /** One item's entry (per asset for per-asset items); `filled` is 0 or 1. */
  roundEntry: {
    table: 'round_entries',
    fields: {
      roundId: 'round_id',
      sectionKey: 'section_key',
      itemKey: 'item_key',
      assetId: 'asset_id',
      itemLabel: 'item_label',
      value: 'value',
      outcome: 'outcome',
      filled: 'filled',
      note: 'note',
      enteredBy: 'entered_by',
      enteredAt: 'entered_at',
      incidentId: 'incident_id',
    },
    json: ['value'],
  },
  /** A correction of a signed round's entry: append-only. */
  roundAmendment: {
    table: 'round_amendments',
    fields: { roundId: 'round_id', entryId: 'entry_id', before: 'before_value', after: 'after_value', reason: 'reason', amendedBy: 'amended_by', at: 'at' },
    json: ['before', 'after'],
  },
  /**
   * A conflict the sync server found between two devices' edits of one record
   * (migration 0014; shape in shared/sync/messages.ts ConflictFields). It
   * arrives by pull; a console writes only how a person resolved it.
   */
  conflict: {
    table: 'sync_conflicts',
    fields: {
      entity: 'entity',
      entityId: 'entity_id',
      fields: 'fields',
      detectedAt: 'detected_at',
      resolvedAt: 'resolved_at',
      resolvedBy: 'resolved_by',
      resolution: 'resolution',
    },
    json: ['fields'],
  },
} as const satisfies Record<string, SyncedEntity>;

export type SyncedEntityName = keyof typeof syncedEntities;
