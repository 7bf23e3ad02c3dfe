import { z } from 'zod';
import { AssetType } from './assets';
import { RunnableCheckKind } from './checks';
import { EpochMs, Id } from './ids';
import { Language } from './profile';

/**
 * Rounds (巡检): a checklist template walked at a place and time by an
 * engineer, item by item, then signed. Templates are versioned; a round keeps
 * the version it used, so changing a template never rewrites history.
 */

/** Ids inside a template (sections, items) are short stable keys, so versions can be compared and entries survive edits. */
const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'A key is lower-case letters, digits and dashes');
const Label = z.string().trim().min(1).max(300);

/**
 * Limits for a numeric reading: below failBelow or above failAbove fails,
 * below warnBelow or above warnAbove warns. Any may be absent. A reading equal
 * to a limit is within it (27 °C against warnAbove 27 is fine). The limits
 * that are given must be in order: failBelow ≤ warnBelow ≤ warnAbove ≤ failAbove.
 */
export const Thresholds = z
  .object({
    failBelow: z.number().nullable().default(null),
    warnBelow: z.number().nullable().default(null),
    warnAbove: z.number().nullable().default(null),
    failAbove: z.number().nullable().default(null),
  })
  .superRefine((limits, ctx) => {
    const order = (['failBelow', 'warnBelow', 'warnAbove', 'failAbove'] as const).filter((key) => limits[key] !== null);
    for (let i = 1; i < order.length; i++) {
      const lower = order[i - 1] as keyof typeof limits;
      const upper = order[i] as keyof typeof limits;
      if ((limits[lower] as number) > (limits[upper] as number)) {
        ctx.addIssue({ code: 'custom', path: [upper], message: `${upper} must not be below ${lower}` });
      }
    }
  });
export type Thresholds = z.infer<typeof Thresholds>;

export const ChoiceOption = z.object({
  value: Key,
  label: Label,
  outcome: z.enum(['ok', 'warning', 'failed']),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** What an automatic item reads: a device check's parsed metric (see docs/parsers.md for the names). */
export const AutoBinding = z.object({
  kind: RunnableCheckKind,
  /** Profile id (e.g. ups-mib, huawei-vrp); null for ping/tcp/http. */
  profileId: z.string().max(100).nullable(),
  /** Metric name, e.g. ups.battery.runtime-minutes, temperature.max-celsius, ping.loss-percent. */
  metric: z.string().min(1).max(200),
});
export type AutoBinding = z.infer<typeof AutoBinding>;

export const ItemSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pass-fail') }),
  z.object({ type: z.literal('number'), unit: z.string().max(20).default(''), decimals: z.number().int().min(0).max(4).default(1), thresholds: Thresholds.default(Thresholds.parse({})) }),
  z.object({ type: z.literal('choice'), options: z.array(ChoiceOption).min(2).max(20) }),
  z.object({ type: z.literal('text'), multiline: z.boolean().default(false) }),
  z.object({ type: z.literal('photo'), minPhotos: z.number().int().min(0).max(10).default(1) }),
  z.object({ type: z.literal('signature') }),
  /**
   * Filled by a device check; a numeric reading is judged against the
   * thresholds like a number item. A text reading (battery.status,
   * output.source) is fine when it is one of `okValues` and fails otherwise;
   * with no okValues any text is fine.
   */
  z.object({
    type: z.literal('auto'),
    binding: AutoBinding,
    unit: z.string().max(20).default(''),
    thresholds: Thresholds.default(Thresholds.parse({})),
    okValues: z.array(z.string().min(1).max(100)).max(20).default([]),
  }),
  /** Fails when the device's running configuration changed since the last round (the diff is the evidence). */
  z.object({ type: z.literal('config-drift') }),
]);
export type ItemSpec = z.infer<typeof ItemSpec>;
export type ItemType = ItemSpec['type'];

export const TemplateItem = z.object({
  key: Key,
  label: Label,
  help: z.string().max(2000).default(''),
  required: z.boolean().default(true),
  /** Asked once per asset the round covers (device checks), or once for the place (room readings). */
  perAsset: z.boolean().default(false),
  /** For an item asked per asset: the asset types it is asked for (empty: every asset of the round). */
  assetTypes: z.array(AssetType).max(20).default([]),
  spec: ItemSpec,
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const TemplateSection = z.object({
  key: Key,
  title: Label,
  items: z.array(TemplateItem).min(1).max(500),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/** A room template is walked in a machine room; an asset-type template for devices of those types. */
export const TemplateScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('room') }),
  z.object({ kind: z.literal('asset-type'), assetTypes: z.array(AssetType).min(1) }),
]);
export type TemplateScope = z.infer<typeof TemplateScope>;

/**
 * Section keys are unique in a template, and item keys too (across
 * sections): an entry is addressed by section and item, and history charts
 * follow an item key across rounds and versions. Choice values are unique
 * within their item. Automatic and config-drift items read a device, so
 * they are asked per asset.
 */
const Sections = z
  .array(TemplateSection)
  .min(1)
  .max(100)
  .superRefine((sections, ctx) => {
    const sectionKeys = new Set<string>();
    const itemKeys = new Set<string>();
    sections.forEach((section, s) => {
      if (sectionKeys.has(section.key)) ctx.addIssue({ code: 'custom', path: [s, 'key'], message: `Section key ${section.key} is used twice` });
      sectionKeys.add(section.key);
      section.items.forEach((item, i) => {
        if (itemKeys.has(item.key)) ctx.addIssue({ code: 'custom', path: [s, 'items', i, 'key'], message: `Item key ${item.key} is used twice` });
        itemKeys.add(item.key);
        if ((item.spec.type === 'auto' || item.spec.type === 'config-drift') && !item.perAsset) {
          ctx.addIssue({ code: 'custom', path: [s, 'items', i, 'perAsset'], message: `${item.key} reads a device, so it is asked per asset` });
        }
        if (item.spec.type === 'choice') {
          const values = item.spec.options.map((option) => option.value);
          values.forEach((value, o) => {
            if (values.indexOf(value) !== o) ctx.addIssue({ code: 'custom', path: [s, 'items', i, 'spec', 'options', o, 'value'], message: `Option ${value} is listed twice` });
          });
        }
      });
    });
  });

/** What a template file holds (import/export as JSON, shipped defaults in resources/checklists). */
export const TemplateContent = z.object({
  name: Label,
  description: z.string().max(4000).default(''),
  language: Language,
  scope: TemplateScope,
  sections: Sections,
});
export type TemplateContent = z.infer<typeof TemplateContent>;

export const ChecklistTemplate = TemplateContent.extend({
  id: Id,
  /** Shipped template key (e.g. machine-room) or null for one made here. */
  builtinKey: z.string().nullable(),
  version: z.number().int().positive(),
  /** Id of the immutable snapshot of this version that rounds point at. */
  versionId: Id,
  archived: z.boolean(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

/** Where a round happens: a room (its assets of the template's types), or a chosen group of assets. */
export const RoundTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('room'), roomId: Id }),
  z.object({ kind: z.literal('assets'), assetIds: z.array(Id).min(1).max(2000) }),
]);
export type RoundTarget = z.infer<typeof RoundTarget>;

export const ScheduleFields = z.object({
  templateId: Id,
  target: RoundTarget,
  frequency: Frequency,
  /** First due day, YYYY-MM-DD in the user's zone; later occurrences follow the frequency. */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  assignee: z.string().trim().max(100).default(''),
  active: z.boolean().default(true),
});
export type ScheduleFields = z.infer<typeof ScheduleFields>;

export const Schedule = ScheduleFields.extend({ id: Id, createdAt: EpochMs, updatedAt: EpochMs });
export type Schedule = z.infer<typeof Schedule>;

/** One due round of a schedule, as the home screen lists it. */
export const DueRound = z.object({
  scheduleId: Id,
  templateName: z.string(),
  targetLabel: z.string(),
  /** Period the round covers, YYYY-MM-DD inclusive. */
  periodStart: z.string(),
  periodEnd: z.string(),
  state: z.enum(['overdue', 'today', 'upcoming', 'done', 'in-progress']),
  roundId: Id.nullable(),
});
export type DueRound = z.infer<typeof DueRound>;

export const RoundAsset = z.object({ id: Id, name: z.string(), type: AssetType });
export type RoundAsset = z.infer<typeof RoundAsset>;

export const ROUND_STATUSES = ['in-progress', 'paused', 'signed'] as const;
export const RoundStatus = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const OUTCOMES = ['ok', 'warning', 'failed', 'not-applicable'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** What an engineer enters for one item (and one asset when the item is per asset). */
export const EntryValue = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pass-fail'), passed: z.boolean() }),
  z.object({ type: z.literal('number'), value: z.number().finite() }),
  z.object({ type: z.literal('choice'), value: Key }),
  z.object({ type: z.literal('text'), value: z.string().max(20_000) }),
  z.object({ type: z.literal('photo'), attachmentIds: z.array(Id).max(20) }),
  z.object({ type: z.literal('signature'), attachmentId: Id }),
  z.object({ type: z.literal('auto'), value: z.union([z.number(), z.string()]).nullable(), checkResultId: Id.nullable() }),
  z.object({ type: z.literal('config-drift'), changed: z.boolean(), configBackupId: Id.nullable(), previousBackupId: Id.nullable() }),
  z.object({ type: z.literal('not-applicable') }),
]);
export type EntryValue = z.infer<typeof EntryValue>;

export const RoundEntry = z.object({
  id: Id,
  roundId: Id,
  sectionKey: z.string(),
  itemKey: z.string(),
  assetId: Id.nullable(),
  value: EntryValue,
  outcome: Outcome,
  /**
   * Whether the entry answers the item (see shared/rounds/entry-rules.ts,
   * isFilled): an empty text, too few photos or an automatic item the check
   * could not measure is saved but still counts as missing at sign-off.
   */
  filled: z.boolean(),
  note: z.string(),
  enteredBy: z.string(),
  enteredAt: EpochMs,
  /** The incident raised from this entry, if any. */
  incidentId: Id.nullable(),
});
export type RoundEntry = z.infer<typeof RoundEntry>;

export const Amendment = z.object({
  id: Id,
  roundId: Id,
  entryId: Id,
  before: z.object({ value: EntryValue, outcome: Outcome, note: z.string() }),
  after: z.object({ value: EntryValue, outcome: Outcome, note: z.string() }),
  reason: z.string(),
  by: z.string(),
  at: EpochMs,
});
export type Amendment = z.infer<typeof Amendment>;

export const Round = z.object({
  id: Id,
  templateId: Id,
  templateVersionId: Id,
  templateName: z.string(),
  templateVersion: z.number().int(),
  scheduleId: Id.nullable(),
  /** The schedule period it fulfils (YYYY-MM-DD), if started from a schedule. */
  periodStart: z.string().nullable(),
  target: RoundTarget,
  /** The assets the round covers, fixed when it starts. */
  assetIds: z.array(Id),
  /** The same assets with their name and type as they were at the start (per-asset items are asked by type). */
  assets: z.array(RoundAsset),
  /** The machine room of a room round, else null. */
  roomId: Id.nullable(),
  status: RoundStatus,
  startedBy: z.string(),
  startedAt: EpochMs,
  signedBy: z.string().nullable(),
  signedAt: EpochMs.nullable(),
  signatureAttachmentId: Id.nullable(),
  summary: z.string(),
  counts: z.object({ total: z.number().int(), done: z.number().int(), ok: z.number().int(), warning: z.number().int(), failed: z.number().int() }),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Round = z.infer<typeof Round>;
