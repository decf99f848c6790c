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

/** A route that follows guidance by the CLB, refused while the file shows no CLB involvement (seed 000:86-87). */
export const clbInvolvementFirst = (route: { nl: string; en: string }): Problem =>
  problem(
    'clbInvolvement',
    'clb-involvement',
    `${route.nl} volgt op begeleiding door het CLB: noteer eerst een overleg, signalering of aanmelding bij het CLB.`,
    `${route.en} follows guidance by the CLB: first record a consultation, signal or referral to the CLB.`,
  );

/** A step the seeds allow only after a recorded consultation with the CLB (seed 003:418, 001:694). */
export const clbConsultationFirst = (step: { nl: string; en: string }): Problem =>
  problem(
    'clbConsultation',
    'clb-consultation-first',
    `${step.nl} kan pas na een genoteerd overleg met het CLB.`,
    `${step.en} is possible only after a recorded consultation with the CLB.`,
  );
