// next-intl's provider is given by the pages whose browser components translate (components/i18n/client-intl.tsx),
// not by the layouts, so that the other pages ship neither next-intl's runtime nor the message catalog. These
// tests follow each route file's static imports to the client components it renders and check that the provider is
// where a component needs it (a translating component outside it throws in the browser) and nowhere else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TRANSLATES = /\buse(Translations|Locale|Formatter|Now|Messages|TimeZone)\(/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ext of ['.tsx', '.ts', '/index.tsx', '/index.ts']) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

const sources = new Map<string, string>();
const read = (file: string) => sources.get(file) ?? sources.set(file, fs.readFileSync(file, 'utf8')).get(file)!;

/**
 * The components a file imports statically for their values (`import type` aside; a dynamic import() is lazy).
 * Only app/ and components/ hold components: lib/ is rendered by none (its actions are called, not rendered).
 */
function imports(file: string): string[] {
  return [...read(file).matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?\sfrom\s+'([^']+)';/gms)]
    .map((m) => resolve(file, m[1]))
    .filter((f): f is string => f !== null && /^(app|components)\//.test(path.relative(ROOT, f)));
}

const isClient = (file: string) => /^\s*'use client'/.test(read(file));

/** The client components a route file renders (through its server components), and what those import in turn. */
function clientModules(file: string, seen = new Set<string>(), inClient = false): Set<string> {
  const found = new Set<string>();
  const client = inClient || isClient(file);
  // A module without the directive is a server one, or part of the client component that imports it.
  const key = `${client}:${file}`;
  if (seen.has(key)) return found;
  seen.add(key);
  if (client) found.add(file);
  for (const dep of imports(file)) for (const f of clientModules(dep, seen, client)) found.add(f);
  return found;
}

const translating = (file: string) => [...clientModules(file)].filter((f) => TRANSLATES.test(read(f))).map((f) => path.relative(ROOT, f));
const routeFiles = files(path.join(ROOT, 'app')).filter((f) => f.endsWith('.tsx'));
const pages = routeFiles.filter((f) => f.endsWith(`${path.sep}page.tsx`));
const wrapped = (file: string) => /export default withClientIntl\(/.test(read(file));

describe('next-intl in the browser', () => {
  it('is given by every page that renders a translating component, and only by those', () => {
    const wrongly = pages
      .map((p) => ({ page: path.relative(ROOT, p), needs: translating(p), has: wrapped(p) }))
      .filter((p) => p.has !== p.needs.length > 0);
    expect(wrongly).toEqual([]);
  });

  it('is needed by no layout or boundary, which render outside the pages', () => {
    const others = routeFiles.filter((f) => !pages.includes(f));
    expect(others.length).toBeGreaterThan(5);
    expect(others.map((f) => ({ file: path.relative(ROOT, f), needs: translating(f) })).filter((f) => f.needs.length)).toEqual([]);
  });

  it('is given to itself by every translating component loaded on demand, which no page provides for', () => {
    const lazyModules = [
      ...new Set(
        files(path.join(ROOT, 'components')).flatMap((f) =>
          [...read(f).matchAll(/\bimport\('([^']+)'\)/g)]
            .map((m) => resolve(f, m[1]))
            .filter((t): t is string => t !== null && t.endsWith('.tsx')),
        ),
      ),
    ];
    expect(lazyModules.map((f) => path.relative(ROOT, f))).toEqual(
      expect.arrayContaining(['components/users/reset-password-form.tsx', 'components/lists/open-listed-form.tsx']),
    );
    const unprovided = lazyModules
      .filter((f) => translating(f).length > 0 && !/<(BrowserIntl|NextIntlClientProvider)\b/.test(read(f)))
      .map((f) => path.relative(ROOT, f));
    expect(unprovided).toEqual([]);
  });

  it('is found by these imports: the task form page renders the translating task form', () => {
    expect(translating(path.join(ROOT, 'app/org/tasks/new/page.tsx'))).toContain('components/org/task-form.tsx');
    expect(translating(path.join(ROOT, 'app/department/tasks/page.tsx'))).toEqual([]);
  });
});
