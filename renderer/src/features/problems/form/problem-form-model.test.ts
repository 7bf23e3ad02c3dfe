import { describe, expect, it } from 'vitest';
import type { Problem } from '@shared/domain/problems';
import { consultationInput, defectInput, editInput, editValues, EMPTY_CONSULTATION, EMPTY_DEFECT, stepInput, emptyStepValues } from './problem-form-model';

const NOW = Date.UTC(2026, 10, 27, 9, 0);
const ID = '01900000-0000-7000-8000-000000000001';

const problem: Problem = {
  id: ID,
  type: 'defect',
  status: 'resolved',
  title: '挂号单打印错位',
  description: '',
  reporter: '李主任',
  contact: '',
  question: '',
  answer: '',
  assetIds: [],
  analysisKind: 'technical',
  analysisNotes: '模板',
  confirmationNotes: '',
  resolution: '改模板',
  feedback: '',
  feedbackTo: '',
  convertedFromDefect: false,
  reportedAt: NOW,
  answeredAt: null,
  createdBy: '张工',
  createdAt: NOW,
  updatedAt: NOW,
};

describe('problem forms', () => {
  it('asks for who asked, the question and the answer of a consultation', () => {
    expect(consultationInput(EMPTY_CONSULTATION, NOW).problems).toEqual({ reporter: { key: 'required' }, question: { key: 'required' }, answer: { key: 'required' } });
    const built = consultationInput({ ...EMPTY_CONSULTATION, reporter: ' 王护士 ', question: '怎么打印？', answer: '这样' }, NOW);
    expect(built.input).toEqual({ reporter: '王护士', contact: '', question: '怎么打印？', answer: '这样', title: '', assetIds: [] });
  });

  it('refuses a recorded time in the future or not a time, and keeps one in the past', () => {
    const base = { ...EMPTY_CONSULTATION, reporter: 'a', question: 'b', answer: 'c' };
    expect(consultationInput({ ...base, at: '2026-11-28T09:00' }, NOW).problems.at).toEqual({ key: 'future' });
    expect(consultationInput({ ...base, at: '2026-02-31T09:00' }, NOW).problems.at).toEqual({ key: 'dateTime' });
    const past = consultationInput({ ...base, at: '2026-11-26T08:30' }, NOW).input;
    expect(past?.at).toBe(new Date(2026, 10, 26, 8, 30).getTime());
  });

  it('needs a defect’s title and submitter and reports too-long text with the limit', () => {
    expect(defectInput(EMPTY_DEFECT, NOW).problems).toEqual({ title: { key: 'required' }, reporter: { key: 'required' } });
    expect(defectInput({ ...EMPTY_DEFECT, title: 'x'.repeat(201), reporter: 'r' }, NOW).problems.title).toEqual({ key: 'tooLong', max: 200 });
  });

  it('asks each step for what core requires, the answer instead of notes for an operation problem', () => {
    const empty = emptyStepValues({ reporter: '李主任' });
    expect(stepInput(ID, 'analysed', empty, NOW).problems).toEqual({ kind: { key: 'required' }, notes: { key: 'required' } });
    expect(stepInput(ID, 'analysed', { ...empty, kind: 'operation' }, NOW).problems).toEqual({ answer: { key: 'required' } });
    expect(stepInput(ID, 'analysed', { ...empty, kind: 'operation', answer: '先选日期' }, NOW).input).toEqual({ id: ID, to: 'analysed', data: { kind: 'operation', answer: '先选日期' } });
    expect(stepInput(ID, 'confirmed', empty, NOW).input).toEqual({ id: ID, to: 'confirmed', data: {} });
    expect(stepInput(ID, 'resolved', empty, NOW).problems).toEqual({ resolution: { key: 'required' } });
    // Feedback goes to the submitter unless changed.
    expect(stepInput(ID, 'fed-back', { ...empty, feedback: '已修复' }, NOW).input?.data).toEqual({ feedback: '已修复', feedbackTo: '李主任' });
  });

  it('sends only the changed fields of the current state', () => {
    const values = editValues(problem, []);
    expect(editInput(problem, values).input).toEqual({ id: ID, patch: {} });
    expect(editInput(problem, { ...values, resolution: '改模板并重启', analysisNotes: '不该发送' }).input).toEqual({ id: ID, patch: { resolution: '改模板并重启' } });
    expect(editInput(problem, { ...values, resolution: ' ' }).problems).toEqual({ resolution: { key: 'required' } });
  });
});
