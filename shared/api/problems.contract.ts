import { z } from 'zod';
import { EpochMs, Id } from '../domain/ids';
import {
  ConsultationFields,
  DefectFields,
  Problem,
  ProblemDetail,
  ProblemFilter,
  ProblemPatch,
  ProblemStepData,
  ProblemStepTarget,
  ProblemSummary,
} from '../domain/problems';
import { method } from './define';

export const problemsContract = {
  /** One page of problem records, newest first, with the total for the pager. */
  'problems.list': method({
    summary: 'A page of problem records matching a search, type and statuses, newest first.',
    input: z.object({
      filter: ProblemFilter.default(ProblemFilter.parse({})),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(Problem) }),
  }),
  /** One record with every step taken (who, when, what) and the incidents linked to it. */
  'problems.get': method({
    summary: 'One problem record with its steps and linked incidents.',
    input: z.object({ id: Id }),
    output: ProblemDetail,
  }),
  /** Record a consultation (咨询类问题): asked and answered at once, status `answered`. */
  'problems.createConsultation': method({
    summary: 'Record a consultation: who asked, the question and the answer.',
    input: ConsultationFields,
    output: Problem,
  }),
  /** Record a submitted defect (系统缺陷类问题), status `submitted`. */
  'problems.createDefect': method({
    summary: 'Record a submitted defect.',
    input: DefectFields,
    output: Problem,
  }),
  /**
   * Take the next step of a defect: analysed (kind, notes; an operation problem
   * needs the answer and becomes a consultation), confirmed, resolved
   * (resolution), fed-back (feedback, feedbackTo). `at` is the time recorded on
   * the laptop (default now, never in the future). Fails with
   * `problems.invalid-transition` {from, to} or `problems.missing-field`
   * {field}, saving nothing.
   */
  'problems.step': method({
    summary: 'Move a defect to its next step with the data that step needs.',
    input: z.object({ id: Id, to: ProblemStepTarget, data: ProblemStepData.default({}), at: EpochMs.optional() }),
    output: ProblemDetail,
  }),
  /**
   * Change fields of the record's current state: title, submitter, contact and
   * assets always; the question and answer of a consultation; the description
   * of a defect and the data of the step it is at. Another field fails with
   * `problems.read-only` {field, status}.
   */
  'problems.update': method({
    summary: 'Change fields of the current state of a problem record.',
    input: z.object({ id: Id, patch: ProblemPatch }),
    output: ProblemDetail,
  }),
  /** Link an incident to the problem (many incidents to one problem). Linking twice changes nothing. */
  'problems.linkIncident': method({
    summary: 'Link an incident to a problem record.',
    input: z.object({ problemId: Id, incidentId: Id }),
    output: ProblemDetail,
  }),
  'problems.unlinkIncident': method({
    summary: 'Remove the link between an incident and a problem record.',
    input: z.object({ problemId: Id, incidentId: Id }),
    output: ProblemDetail,
  }),
  /** The problem records an incident is linked to, for the incident page. */
  'problems.forIncident': method({
    summary: 'Problem records linked to an incident.',
    input: z.object({ incidentId: Id }),
    output: z.array(ProblemSummary),
  }),
};
