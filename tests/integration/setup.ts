import { inject } from 'vitest';

// The app's Prisma singleton reads DATABASE_URL when first imported: point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl');
