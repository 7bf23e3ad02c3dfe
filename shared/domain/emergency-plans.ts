import { z } from 'zod';
import { IsoDate } from './assets';
import { EpochMs, Id } from './ids';
import { Language } from './profile';

/**
 * Emergency plans (应急预案): the runbook an engineer opens when a machine
 * room loses power or the core switch goes down. The service plans give the
 * shape: when to start (启动条件), the flow as ordered steps (应急基本流程,
 * 应急处理过程), the emergency team and whom to call (成立应急小组), and the
 * strategies per kind of event (突发事件应急策略, 预防措施).
 */

export const PLAN_SCENARIOS = [
  'power-failure',
  'air-conditioning-failure',
  'fire',
  'water-leak',
  'network-failure',
  'server-failure',
  'storage-failure',
  'database-failure',
  'ransomware',
  'security-breach',
  'other',
] as const;
export const PlanScenario = z.enum(PLAN_SCENARIOS);
export type PlanScenario = z.infer<typeof PlanScenario>;

/** The four response levels Chinese plans use: Ⅰ 特别重大, Ⅱ 重大, Ⅲ 较大, Ⅳ 一般. */
export const PLAN_SEVERITIES = ['critical', 'major', 'moderate', 'minor'] as const;
export const PlanSeverity = z.enum(PLAN_SEVERITIES);
export type PlanSeverity = z.infer<typeof PlanSeverity>;

/** A week: longer than any step or call delay a plan could sensibly give. */
export const MAX_PLAN_MINUTES = 7 * 24 * 60;
export const MAX_PLAN_STEPS = 100;
export const MAX_PLAN_CONTACTS = 100;
export const MAX_CONTACT_PHONES = 5;
export const MAX_ESCALATION_LEVEL = 9;

/**
 * Why a value is refused, for problems zod has no code of its own for. The
 * renderer translates these; core sends the English message.
 */
export type PlanRuleProblem = 'phoneDigits' | 'duplicateContactKey' | 'unknownContact' | 'callOrder';

const Text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const Minutes = z.number().int().min(0).max(MAX_PLAN_MINUTES, `At most ${MAX_PLAN_MINUTES} minutes`);

/**
 * A telephone number as people write them in China: 0571-8888 8888,
 * 138 0013 8000, +86 10 6552 9988 转 8001, 119. The format is left loose on
 * purpose (extensions, spaces, words), but it must hold a number to dial.
 */
export const PhoneNumber = z
  .string()
  .trim()
  .min(1, 'A phone number is required')
  .max(40, 'At most 40 characters')
  .superRefine((value, ctx) => {
    if (value !== '' && (value.match(/\d/g)?.length ?? 0) < 3) {
      ctx.addIssue({ code: 'custom', message: 'A phone number needs at least 3 digits', params: { problem: 'phoneDigits' satisfies PlanRuleProblem } });
    }
  });

export const PlanStep = z.object({
  title: Text(200).min(1, 'The step needs a title'),
  instructions: Text(4000).default(''),
  /** Who does it: 值班工程师, 项目经理, the client's IT lead… */
  responsibleRole: Text(100).default(''),
  expectedMinutes: Minutes.nullable().default(null),
  /** What proves the step is done (UPS 已转电池供电, 备份已隔离…). */
  checkItem: Text(500).default(''),
});
export type PlanStep = z.infer<typeof PlanStep>;

/** Ties call list entries to a contact; made by the editor, never shown. */
export const ContactKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, "-" and "_" only')
  .max(40);

export const PlanContact = z.object({
  key: ContactKey,
  name: Text(100).min(1, 'The contact needs a name'),
  role: Text(100).default(''),
  organisation: Text(200).default(''),
  phones: z.array(PhoneNumber).min(1, 'At least one phone number').max(MAX_CONTACT_PHONES, `At most ${MAX_CONTACT_PHONES} phone numbers`),
  /** 1 is the first line (on site), higher levels are escalated to in turn. */
  escalationLevel: z.number().int().min(1).max(MAX_ESCALATION_LEVEL).default(1),
  notes: Text(500).default(''),
});
export type PlanContact = z.infer<typeof PlanContact>;

/** One call to make once the plan is started: whom, and how many minutes after the start. */
export const CallListEntry = z.object({
  contactKey: ContactKey,
  afterMinutes: Minutes.default(0),
  note: Text(500).default(''),
});
export type CallListEntry = z.infer<typeof CallListEntry>;

export const PlanFieldsObject = z.object({
  title: Text(200).min(1, 'The title is required'),
  clientId: Id,
  /** Null: the plan covers every site of the client. */
  siteId: Id.nullable().default(null),
  scenario: PlanScenario,
  severity: PlanSeverity,
  /** 启动条件: when this plan is started. */
  triggerConditions: Text(4000).default(''),
  objective: Text(4000).default(''),
  steps: z.array(PlanStep).min(1, 'A plan needs at least one step').max(MAX_PLAN_STEPS, `At most ${MAX_PLAN_STEPS} steps`),
  contacts: z.array(PlanContact).max(MAX_PLAN_CONTACTS, `At most ${MAX_PLAN_CONTACTS} contacts`).default([]),
  /** In the order calls are made. */
  callList: z.array(CallListEntry).max(MAX_PLAN_CONTACTS, `At most ${MAX_PLAN_CONTACTS} calls`).default([]),
  /** Strategies, prevention and notes, as Markdown. */
  strategies: Text(50_000).default(''),
  version: Text(20).min(1, 'The version is required').default('1.0'),
  /** The day the plan was last reviewed with the client (a calendar date, like warranty dates). */
  reviewedAt: IsoDate.nullable().default(null),
  /** The language the plan is written in, not the UI's. */
  language: Language,
});

type PlanFieldsShape = z.output<typeof PlanFieldsObject>;

export interface PlanProblem {
  path: (string | number)[];
  message: string;
  problem: PlanRuleProblem;
}

/** Rules across fields, shared by the contract, the template loader and the editor. */
export function planFieldProblems(fields: Pick<PlanFieldsShape, 'contacts' | 'callList'>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const keys = new Set<string>();
  fields.contacts.forEach((contact, index) => {
    if (keys.has(contact.key)) problems.push({ path: ['contacts', index, 'key'], message: `Contact key ${contact.key} is used twice`, problem: 'duplicateContactKey' });
    keys.add(contact.key);
  });
  let previous = 0;
  fields.callList.forEach((entry, index) => {
    if (!keys.has(entry.contactKey)) {
      problems.push({ path: ['callList', index, 'contactKey'], message: 'The call list names a contact that is not in the plan', problem: 'unknownContact' });
    }
    if (entry.afterMinutes < previous) {
      problems.push({ path: ['callList', index, 'afterMinutes'], message: 'Calls are listed in time order: this one is earlier than the one before', problem: 'callOrder' });
    }
    previous = Math.max(previous, entry.afterMinutes);
  });
  return problems;
}

function addPlanProblems(fields: Pick<PlanFieldsShape, 'contacts' | 'callList'>, ctx: z.RefinementCtx): void {
  for (const { path, message, problem } of planFieldProblems(fields)) ctx.addIssue({ code: 'custom', path, message, params: { problem } });
}

export const PlanFields = PlanFieldsObject.superRefine(addPlanProblems);
export type PlanFields = z.output<typeof PlanFields>;
export type PlanFieldsInput = z.input<typeof PlanFields>;

/**
 * A change to some fields, built without the defaults (zod's `.partial()`
 * would fill them in and reset what the caller did not send). The cross-field
 * rules run on the merged plan in core.
 */
export const PlanFieldsPatch = z
  .object(
    Object.fromEntries(
      Object.entries(PlanFieldsObject.shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema]),
    ) as {
      [K in keyof typeof PlanFieldsObject.shape]: (typeof PlanFieldsObject.shape)[K] extends z.ZodDefault<infer Inner> ? Inner : (typeof PlanFieldsObject.shape)[K];
    },
  )
  .partial();
export type PlanFieldsPatch = z.output<typeof PlanFieldsPatch>;

export const EmergencyPlan = PlanFieldsObject.extend({
  id: Id,
  clientName: z.string(),
  siteName: z.string().nullable(),
  /** The shipped template it was copied from, if any. */
  templateId: z.string().nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type EmergencyPlan = z.infer<typeof EmergencyPlan>;

/** A plan in the list: enough to find and group it. */
export const PlanSummary = EmergencyPlan.pick({
  id: true,
  title: true,
  clientId: true,
  clientName: true,
  siteId: true,
  siteName: true,
  scenario: true,
  severity: true,
  language: true,
  version: true,
  reviewedAt: true,
  templateId: true,
  updatedAt: true,
}).extend({ stepCount: z.number().int(), contactCount: z.number().int() });
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanFilter = z.object({
  clientId: Id.optional(),
  /** A site's own plans and its client's plans for every site. */
  siteId: Id.optional(),
  /** Free text over titles, steps, contacts and strategies; Chinese substrings match. */
  search: z.string().trim().max(200).optional(),
});
export type PlanFilter = z.infer<typeof PlanFilter>;

/** A template's id is its file name: `<name>.<language>` (power-failure-ups.zh-CN). */
export const PlanTemplateId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:zh-CN|en)$/, 'lower-case words joined by "-", then ".zh-CN" or ".en"')
  .max(80);

/** A shipped template (resources/emergency-plans/*.json): a plan without its client. */
export const PlanTemplate = z
  .strictObject({
    id: PlanTemplateId,
    ...PlanFieldsObject.omit({ clientId: true, siteId: true, reviewedAt: true }).shape,
  })
  .superRefine(addPlanProblems);
export type PlanTemplate = z.infer<typeof PlanTemplate>;

export const PlanTemplateSummary = z.object({
  id: PlanTemplateId,
  title: z.string(),
  scenario: PlanScenario,
  severity: PlanSeverity,
  language: Language,
  objective: z.string(),
  stepCount: z.number().int(),
  contactCount: z.number().int(),
});
export type PlanTemplateSummary = z.infer<typeof PlanTemplateSummary>;
