import { describe, expect, it } from 'vitest';
import { inputProblems, isStorableText, MAX_INPUT_DEPTH } from '@/lib/domain/clean-input';
import { clientAddress } from '@/lib/server/client-address';
import { isDatabaseUnavailable, NotFoundError, ServiceUnavailableError } from '@/lib/server/errors';
import { parseVietnamLocalDateTime } from '@/lib/domain/format';
import { day, recordId, version } from '@/lib/domain/inputs';

describe('text PostgreSQL can store', () => {
  it('refuses NUL bytes and lone surrogates, keeps Vietnamese and paired surrogates (emoji)', () => {
    expect(isStorableText('Nghiên cứu nông nghiệp đặc sản 🌾')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800b')).toBe(false);
    expect(isStorableText('a\udc00')).toBe(false);
  });

  it('finds every problem by its dotted path, keys included', () => {
    expect(inputProblems({ title: 'ok', keyMembers: [{ name: 'x\u0000' }], n: Number.POSITIVE_INFINITY, ['k\u0000']: 1 })).toEqual({
      'keyMembers.0.name': ['validation.invalidCharacters'],
      n: ['validation.number'],
      _form: ['validation.invalidCharacters'],
    });
    expect(inputProblems({ a: 'b', c: [1, 2, { d: null }] })).toEqual({});
  });

  it('stops at the depth limit instead of walking 5 000 levels', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = [deep];
    expect(inputProblems(deep)).toEqual({ _form: ['validation.tooComplex'] });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(inputProblems(ok)).toEqual({});
  });
});

describe('shared primitives', () => {
  it('bounds versions to a PostgreSQL integer and ids to what the app makes', () => {
    expect(version.safeParse(2_147_483_647).success).toBe(true);
    expect(version.safeParse(2_147_483_648).success).toBe(false);
    expect(version.safeParse('1e3').success).toBe(true);
    expect(recordId.safeParse('cmf0abc123xyz').success).toBe(true);
    for (const bad of ['', 'a b', 'a/b', 'x'.repeat(65), '$1']) expect(recordId.safeParse(bad).success, bad).toBe(false);
  });

  it('refuses impossible dates and times rather than rolling them over', () => {
    expect(day.safeParse('2027-02-29').success).toBe(false);
    expect(day.safeParse('0000-01-01').success).toBe(false);
    expect(day.safeParse('2100-12-31').success).toBe(true);
    expect(parseVietnamLocalDateTime('2026-11-01T10:75')).toBeNull();
    expect(parseVietnamLocalDateTime('2026-11-01T24:00')).toBeNull();
    expect(parseVietnamLocalDateTime('2026-11-31T10:00')).toBeNull();
    expect(parseVietnamLocalDateTime('2026-11-01T23:59')?.toISOString()).toBe('2026-11-01T16:59:00.000Z');
  });
});

describe('the client address behind trusted proxies', () => {
  const h = (xff: string) => new Headers({ 'x-forwarded-for': xff });
  it('takes the entry the nearest trusted hop wrote, never one the client could forge', () => {
    expect(clientAddress(h('203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(h('1.1.1.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(h('1.1.1.1, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
    expect(clientAddress(h('::ffff:127.0.0.1'), 1)).toBe('::ffff:127.0.0.1');
    expect(clientAddress(h('<script>'), 1)).toBeNull();
    expect(clientAddress(new Headers(), 1)).toBeNull();
  });
});

describe('a database outage is told apart from a fault', () => {
  it('recognises what Prisma and its pg adapter throw when the server cannot be reached or goes away', () => {
    // The shapes seen with PostgreSQL stopped under Prisma 7.10 + @prisma/adapter-pg.
    expect(
      isDatabaseUnavailable({
        name: 'PrismaClientKnownRequestError',
        code: 'P1001',
        meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
      }),
    ).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: 'P2010',
        meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '57P01' } } } })).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ code: 'P2024' })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Connection terminated unexpectedly'), {}))).toBe(true);
    expect(isDatabaseUnavailable(new ServiceUnavailableError())).toBe(true);
  });

  it('does not mistake a bad query, a constraint or an app error for an outage', () => {
    expect(isDatabaseUnavailable({ code: 'P2002', meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } } })).toBe(
      false,
    );
    expect(isDatabaseUnavailable({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '22021' } } } })).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new NotFoundError())).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
