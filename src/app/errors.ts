// Typed application errors; the HTTP layer maps each once to RFC 9457 problem+json (Dutch and English).
export interface Messages {
  nl: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly messages: Messages,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messages.en);
  }
}

export const notFound = (what: Messages) =>
  new AppError(404, 'not-found', { nl: `${what.nl} niet gevonden.`, en: `${what.en} not found.` });

export const forbidden = () =>
  new AppError(403, 'forbidden', {
    nl: 'U hebt geen toegang tot deze gegevens.',
    en: 'You do not have access to this data.',
  });

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', { nl: 'Meld u eerst aan.', en: 'Please sign in first.' });

export const invalidInput = (messages: Messages, extra: Record<string, unknown> = {}) =>
  new AppError(400, 'invalid-input', messages, extra);
