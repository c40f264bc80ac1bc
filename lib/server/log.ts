import pino, { type DestinationStream, type Level, type Logger } from 'pino';

// The app's one logger: JSON lines on stdout (pino), one object per line with `time` (ISO), `level` (its name),
// `msg` and the fields of the line. Server actions, route handlers, the proxy and the jobs write through it with
// the request id (or job id) and the user id; never a password, a token, a cookie or a file's bytes. What the
// code passes is its own choice (ids, outcomes, counts), and the paths below are censored in case a field of
// that name ever slips in.

/** Field names whose value never reaches the log, at the top level or one object down (and in request headers). */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  'bytes',
];
export const REDACT_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** LOG_LEVEL (trace, debug, info, warn, error, fatal or silent); info by default, silent under the tests. */
function defaultLevel(): Level | 'silent' {
  const level = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (level && (level === 'silent' || level in pino.levels.values)) return level as Level | 'silent';
  return process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info';
}

/**
 * An error as a log field: type, message, stack (and cause), as pino's serializer does, except that a Prisma
 * error whose text quotes the query's arguments (a validation error prints the whole call, values included)
 * keeps only its first line.
 */
function serializeError(e: unknown) {
  if (!(e instanceof Error)) return e;
  const out = pino.stdSerializers.err(e) as pino.SerializedError & { meta?: unknown };
  if (/^PrismaClient(Validation|Unknown)/.test(e.name)) {
    const first = e.message.trim().split('\n')[0];
    const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    return { type: out.type, message: first, stack: [`${e.name}: ${first}`, ...frames].join('\n') };
  }
  return out;
}

/** A logger writing to `destination` (stdout by default). */
export function createLogger(destination?: DestinationStream, level: Level | 'silent' = defaultLevel()): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * The process's logger. A live binding: `setLogDestination` swaps it (tests capture the lines this way), and
 * every module that imported it writes to the new one from then on.
 */
export let logger: Logger = createLogger();

/** Sends the log to `destination` (at `level`, info by default) until the returned function restores it. */
export function setLogDestination(destination: DestinationStream, level: Level = 'info'): () => void {
  const previous = logger;
  logger = createLogger(destination, level);
  return () => {
    logger = previous;
  };
}

/** The outcome of an action or a request, from the typed error's code (lib/server/errors.ts); none: 'ok'. */
export type Outcome =
  'ok' | 'validation' | 'forbidden' | 'notFound' | 'conflict' | 'unauthenticated' | 'rateLimited' | 'tooLarge' | 'unavailable' | 'error';

const OUTCOMES: Record<string, Outcome> = {
  VALIDATION: 'validation',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  UNAUTHENTICATED: 'unauthenticated',
  RATE_LIMITED: 'rateLimited',
  TOO_LARGE: 'tooLarge',
  UNAVAILABLE: 'unavailable',
};

export function outcomeOf(code: string | undefined): Outcome {
  return code ? (OUTCOMES[code] ?? 'error') : 'error';
}

/** Expected refusals are info; an outage is a warning; anything unexpected an error (with its stack). */
export function levelOf(outcome: Outcome): Level {
  return outcome === 'error' ? 'error' : outcome === 'unavailable' ? 'warn' : 'info';
}

/** Milliseconds since `start` (a performance.now() reading), to a tenth. */
export function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
