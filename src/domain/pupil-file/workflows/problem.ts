// What a workflow check returns: one problem per field, in Dutch and English; shared helpers of the checks.

export interface Problem {
  field: string;
  code: string;
  nl: string;
  en: string;
}

export const problem = (field: string, code: string, nl: string, en: string): Problem => ({ field, code, nl, en });
export const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const validDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE_ONLY.test(value) && !Number.isNaN(Date.parse(value));
