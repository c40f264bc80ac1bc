// The layers are a lint rule, not a reviewer's memory: these files, linted as if they lived where their path
// says, must fail (or pass) the project's own ESLint configuration.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });
  // The first lint loads the configuration and its plugins (seconds on a busy machine); the tests then lint fast.
  await eslint.lintText('export {};\n', { filePath: 'lib/domain/warm-up.ts' });
}, 120_000);

async function errorsOf(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it('refuses a component that imports a service (the fixture file)', async () => {
    const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../lint-fixtures/component-imports-service.tsx'), 'utf8');
    const errors = await errorsOf(fixture, 'components/tasks/queue-widget.tsx');
    // The service, and the type it takes from lib/server: neither may be reached from a component.
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/no-restricted-imports: '@\/lib\/tasks\/service' import is restricted/);
    expect(errors[1]).toMatch(/no-restricted-imports: '@\/lib\/server\/actor' import is restricted/);
  });

  it('refuses components reaching the database, loaders or lib/server, but lets them import a loader’s types, actions and schemas', async () => {
    expect(await errorsOf(`import { prisma } from '@/lib/server/db';\nexport const x = prisma;\n`, 'components/ui/x.tsx')).toHaveLength(1);
    expect(
      await errorsOf(`import { loadShell } from '@/lib/users/loaders';\nexport const x = loadShell;\n`, 'components/ui/x.tsx'),
    ).toHaveLength(1);
    expect(
      await errorsOf(`import type { ShellView } from '@/lib/users/loaders';\nexport type X = ShellView;\n`, 'components/ui/x.tsx'),
    ).toEqual([]);
    // Not even a type of the data layer: a component's types come from the page's loader.
    expect(
      await errorsOf(
        `import type { getTaskDossier } from '@/lib/tasks/service';\nexport type X = Awaited<ReturnType<typeof getTaskDossier>>;\n`,
        'components/tasks/x.tsx',
      ),
    ).toHaveLength(1);
    expect(
      await errorsOf(`import type { Actor } from '@/lib/server/actor';\nexport type X = Actor;\n`, 'components/ui/x.tsx'),
    ).toHaveLength(1);
    expect(
      await errorsOf(
        `import { submitTaskAction } from '@/lib/tasks/actions';\nexport const x = submitTaskAction;\n`,
        'components/org/x.tsx',
      ),
    ).toEqual([]);
  });

  it('keeps lib/domain free of frameworks and of the rest of lib', async () => {
    expect(await errorsOf(`import { useState } from 'react';\nexport const x = useState;\n`, 'lib/domain/x.ts')).toHaveLength(1);
    expect(await errorsOf(`import { prisma } from '@/lib/server/db';\nexport const x = prisma;\n`, 'lib/domain/x.ts')).toHaveLength(1);
    expect(await errorsOf(`import { can } from '@/lib/domain/permissions';\nexport const x = can;\n`, 'lib/domain/x.ts')).toEqual([]);
  });

  it('refuses a folder cycle: councils may not import tasks, while tasks may import councils', async () => {
    expect(
      await errorsOf(`import { listQueue } from '@/lib/tasks/service';\nexport const x = listQueue;\n`, 'lib/councils/x.ts'),
    ).toHaveLength(1);
    expect(
      await errorsOf(`import { councilResult } from '@/lib/councils/result';\nexport const x = councilResult;\n`, 'lib/tasks/x.ts'),
    ).toEqual([]);
    expect(
      await errorsOf(`import { getSettings } from '@/lib/settings/service';\nexport const x = getSettings;\n`, 'lib/server/x.ts'),
    ).toHaveLength(1);
  });

  it('keeps routes away from the database', async () => {
    expect(
      await errorsOf(`import { prisma } from '@/lib/server/db';\nexport const x = prisma;\n`, 'app/department/x/page.tsx'),
    ).toHaveLength(1);
  });
});
