/** Synced entities whose change a rounds view shows (records.changed): templates, schedules, rounds, entries, amendments, and the incidents raised from entries. */
export const ROUND_ENTITIES = ['checklistTemplate', 'checklistTemplateVersion', 'roundSchedule', 'round', 'roundEntry', 'roundAmendment', 'incident'] as const;
