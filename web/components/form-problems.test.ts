import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import { placeProblems, pointerField } from './form-problems.ts';

const problem = (extra: Record<string, unknown>, status = 422) =>
  new ApiError({ type: 'about:blank', title: 'Unprocessable', status, detail: 'Niet bewaard', ...extra });

describe('placing a problem+json next to the fields of a form', () => {
  it('turns JSON pointers into dotted field paths', () => {
    expect(pointerField('#/what')).toBe('what');
    expect(pointerField('#/steps/0/from')).toBe('steps.0.from');
    expect(pointerField('/dueOn')).toBe('dueOn');
  });

  it('puts preconditions and schema errors next to the field they name, the rest by the button', () => {
    const error = problem({
      preconditions: [{ field: 'who', code: 'required', nl: 'Wie ontbreekt.', en: 'Who is missing.' }],
      errors: [
        { in: 'body', pointer: '#/steps/1/from', detail: 'Ongeldige datum' },
        { in: 'body', pointer: '#/other', detail: 'Onbekend veld' },
      ],
    });
    expect(placeProblems(error, ['who', 'steps'], 'nl', 'Fout')).toEqual({
      byField: { who: ['Wie ontbreekt.'], steps: ['Ongeldige datum'] },
      rest: 'Onbekend veld',
    });
  });

  it("puts a use case's invalid input next to the one field it names", () => {
    const error = problem({ field: 'what', messages: { nl: 'Wat ontbreekt.', en: 'What is missing.' } }, 400);
    expect(placeProblems(error, ['who', 'what'], 'nl', 'Fout')).toEqual({
      byField: { what: ['Wat ontbreekt.'] },
      rest: null,
    });
  });

  it('shows the message of a problem without fields by the button, and nothing without an error', () => {
    expect(placeProblems(problem({}, 409), ['what'], 'nl', 'Fout')).toEqual({ byField: {}, rest: 'Niet bewaard' });
    expect(placeProblems(new Error('x'), ['what'], 'nl', 'Fout')).toEqual({ byField: {}, rest: 'Fout' });
    expect(placeProblems(null, ['what'], 'nl', 'Fout')).toEqual({ byField: {}, rest: null });
  });
});
