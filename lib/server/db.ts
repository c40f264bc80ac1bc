import 'server-only';
import { createPrisma, type Db } from '@/lib/server/prisma-client';

export type { Db, Tx } from '@/lib/server/prisma-client';

// One client per process (kept across hot reloads in development).
const globalForPrisma = globalThis as unknown as { prisma?: Db };
export const prisma: Db = globalForPrisma.prisma ?? createPrisma();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
