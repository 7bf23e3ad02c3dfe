import { SYSTEM_DOWN_DEFAULTS, type SlaPolicyFields } from '../domain/sla';

/**
 * The stored default policy always has this id, so two laptops that each save
 * the default before they sync write the same record instead of two defaults.
 */
export const DEFAULT_SLA_POLICY_ID = '00000000-0000-7000-8000-000000000001';

/**
 * What applies before anyone sets a policy: the plans' 5×8 staffed hotline in
 * China (Mon–Fri 09:00–18:00, Asia/Shanghai) with P1 counted around the clock.
 * Public holidays and make-up workdays (调休) change every year and are
 * announced late, so none are guessed here: the user enters them.
 */
export const DEFAULT_SLA_POLICY_FIELDS: SlaPolicyFields = deepFreeze({
  name: '默认 Default',
  clientId: null,
  calendar: {
    kind: 'business',
    timeZone: 'Asia/Shanghai',
    weekdays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '18:00',
    holidays: [],
    extraWorkdays: [],
  },
  targets: {
    P1: { responseMinutes: 30, resolutionMinutes: 4 * 60, allDay: true },
    P2: { responseMinutes: 60, resolutionMinutes: 8 * 60, allDay: false },
    P3: { responseMinutes: 4 * 60, resolutionMinutes: 24 * 60, allDay: false },
    P4: { responseMinutes: 8 * 60, resolutionMinutes: 72 * 60, allDay: false },
  },
  pauseWhilePending: true,
  atRiskPercent: 75,
  systemDown: { ...SYSTEM_DOWN_DEFAULTS },
});

/** Shared by every caller: frozen so that no one can change everyone's default by accident (copy it to edit). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
