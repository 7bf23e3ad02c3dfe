import { describe, expect, it } from 'vitest';
import { ApiClientError } from '../../../api/api-client-error';
import { importProblems } from './import-problems';

describe('importProblems', () => {
  it('lists each problem of an invalid template file with its path', () => {
    const error = new ApiClientError({
      code: 'templates.invalid-file',
      message: 'Not a checklist template',
      retryable: false,
      details: { path: 'sections[0].title', problems: [{ path: 'sections[0].title', message: 'Too small' }, { path: '', message: 'Not valid JSON' }] },
    });
    expect(importProblems(error)).toEqual(['sections[0].title: Too small', 'Not valid JSON']);
  });

  it('falls back to the path alone, and says nothing about other errors', () => {
    expect(importProblems(new ApiClientError({ code: 'templates.invalid-file', message: '', retryable: false, details: { path: 'scope' } }))).toEqual(['scope']);
    expect(importProblems(new ApiClientError({ code: 'profile.required', message: '', retryable: false }))).toEqual([]);
    expect(importProblems(new Error('boom'))).toEqual([]);
  });
});
