// Typed errors. Each carries a message key of messages/*.json (namespace "errors"), never raw text, so the
// action wrapper can answer in the user's language. Unknown errors are logged and shown as a generic message.

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION' | 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'TOO_LARGE' | 'UNAVAILABLE',
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

/** The request's body is larger than the endpoint accepts. */
export class TooLargeError extends AppError {
  constructor(params: Record<string, string | number> = {}) {
    super('TOO_LARGE', 'bodyTooLarge', params);
  }
}

/** The database (or another part the app needs) does not answer: the user may try again in a moment. */
export class ServiceUnavailableError extends AppError {
  constructor() {
    super('UNAVAILABLE', 'serviceUnavailable');
  }
}

// Prisma's codes for "cannot reach / lost / timed out waiting for the database", and the driver adapter's kinds.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutting down, starting up), 53300 (too many connections).
const isUnavailableSqlState = (code: unknown) =>
  typeof code === 'string' && (code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300');

/**
 * Whether an error means the database is out of reach (down, restarting, connection lost, pool exhausted),
 * as opposed to a fault in the request or the code. Looks through Prisma's error, its driver adapter cause and
 * plain socket errors.
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  if (e instanceof ServiceUnavailableError) return true;
  const err = e as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: unknown } };
    cause?: unknown;
  };
  if (typeof err.code === 'string' && (UNAVAILABLE_PRISMA_CODES.has(err.code) || UNAVAILABLE_SOCKET_CODES.has(err.code))) return true;
  if (typeof err.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(err.kind)) return true;
  if (err.kind === 'postgres' && isUnavailableSqlState(err.code ?? (err as { originalCode?: unknown }).originalCode)) return true;
  if (
    typeof err.message === 'string' &&
    /Connection terminated|terminating connection due to administrator command|Can't reach database server/i.test(err.message)
  )
    return true;
  return isDatabaseUnavailable(err.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(err.cause, depth + 1);
}
