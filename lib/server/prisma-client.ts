// The Prisma client factory, free of Next.js imports so that the seed and scripts can use it too.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:54329/khcn';

export function createPrisma(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max }),
    // Password hashes never leave the database layer unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrisma>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
