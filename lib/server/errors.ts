// Typed errors. Each carries a message key of messages/*.json (namespace "errors"), never raw text, so the
// action wrapper can answer in the user's language. Unknown errors are logged and shown as a generic message.

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION' | 'UNAUTHENTICATED' | 'RATE_LIMITED',
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(messageKey = 'notFound') {
    super('NOT_FOUND', messageKey);
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = 'forbidden') {
    super('FORBIDDEN', messageKey);
  }
}

/** Someone else changed the record first; the user must reload. */
export class ConflictError extends AppError {
  constructor(messageKey = 'staleTask', params: Record<string, string | number> = {}) {
    super('CONFLICT', messageKey, params);
  }
}

export class ValidationError extends AppError {
  constructor(
    messageKey = 'invalidInput',
    readonly fieldErrors: FieldErrors = {},
    params: Record<string, string | number> = {},
  ) {
    super('VALIDATION', messageKey, params);
  }
}

export class RateLimitedError extends AppError {
  constructor(params: Record<string, string | number> = {}) {
    super('RATE_LIMITED', 'tooManyAttempts', params);
  }
}
