/** The SLA engine: pure, shared by core, the renderer and reports. */
export { addCountedMs, countedMs, TWENTY_FOUR_SEVEN, validateCalendar } from './business-calendar';
export { DEFAULT_SLA_POLICY_FIELDS, DEFAULT_SLA_POLICY_ID } from './default-policy';
export { computeSla, SLA_STATE_URGENCY, worstState } from './sla-clock';
