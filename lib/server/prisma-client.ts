// The Prisma client factory, free of Next.js imports so that the seed and scripts can use it too.
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:54329/khcn';

/** At most this many distinct statements are prepared by name on each connection; any further run unnamed. */
export const NAMED_STATEMENTS_MAX = 1000;
/** Statements with more parameters than this run unnamed. */
export const NAMED_STATEMENT_PARAMS_MAX = 24;

/**
 * Prepared statements, as Prisma's former engine kept them: each statement text gets a stable name, so PostgreSQL
 * parses and plans it once per connection and each later call only binds and executes it (the pg driver remembers
 * which names a connection has prepared). The names are a hash of the text; the set is bounded, so a query whose
 * text varies without end (a list of n values) cannot grow every connection's memory past the bound.
 */
export function statementNamer(max = NAMED_STATEMENTS_MAX) {
  const names = new Map<string, string>();
  return ({ sql, args }: { sql: string; args: readonly unknown[] }): string => {
    // A long list of values (`IN ($1, …, $n)`, a createMany of n rows) makes a new text for every length: run unnamed.
    if (args.length > NAMED_STATEMENT_PARAMS_MAX) return '';
    let name = names.get(sql);
    if (name === undefined) {
      if (names.size >= max) return ''; // pg runs an unnamed statement
      name = 's' + createHash('sha256').update(sql).digest('base64url').slice(0, 24);
      names.set(sql, name);
    }
    return name;
  };
}

export function createPrisma(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: url, max },
      // DATABASE_NAMED_STATEMENTS=0 behind a pooler in transaction mode that cannot keep prepared statements.
      process.env.DATABASE_NAMED_STATEMENTS === '0' ? {} : { statementNameGenerator: statementNamer() },
    ),
    // Password hashes never leave the database layer unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrisma>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
