import { z } from 'zod';
import { Change, ChangeFields, ChangeFilter, ChangePatch, ChangeStatus } from '../domain/changes';
import { EpochMs, Id } from '../domain/ids';
import { method } from './define';

export const changesContract = {
  /** One page of changes, newest window first (undated drafts on top), with the total for the pager. */
  'changes.list': method({
    summary: 'A page of changes matching a search, statuses and risk levels.',
    input: z.object({
      filter: ChangeFilter.default(ChangeFilter.parse({})),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(Change) }),
  }),
  'changes.get': method({
    summary: 'One change.',
    input: z.object({ id: Id }),
    output: Change,
  }),
  /** Write a change as a draft. The window must end after it starts (`changes.window-invalid`). */
  'changes.create': method({
    summary: 'Write a change (draft).',
    input: ChangeFields,
    output: Change,
  }),
  /** Change fields of a draft or submitted change; otherwise `changes.read-only`. */
  'changes.update': method({
    summary: 'Change fields of a draft or submitted change.',
    input: z.object({ id: Id, patch: ChangePatch }),
    output: Change,
  }),
  /**
   * Move a change: submit (needs plan, risk level, rollback plan and window),
   * approve or reject (supervisor or admin only, `changes.approval-role`;
   * rejecting needs a comment), start, close as completed, failed or rolled
   * back (needs `result`), cancel, or take a rejected change back to draft.
   * `at` is the time recorded on the laptop (default now, never in the
   * future). A refused move fails with `changes.invalid-transition`
   * {from, to} and changes nothing.
   */
  'changes.transition': method({
    summary: 'Move a change to another status (submit, approve, reject, start, complete, fail, roll back, cancel).',
    input: z.object({
      id: Id,
      to: ChangeStatus,
      comment: z.string().trim().max(4000).default(''),
      result: z.string().trim().max(20_000).default(''),
      at: EpochMs.optional(),
    }),
    output: Change,
  }),
};
