// Route handlers are not behind the proxy's login redirect (its matcher leaves /api out): each one must load and
// require the actor itself (handleRoute). Only the endpoints named here answer anonymous callers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The anonymous endpoints, each for a reason; any other route handler must go through handleRoute. */
const ANONYMOUS: Record<string, string> = {
  // next-auth's own sign-in, sign-out and CSRF endpoints; its session answer only for a live session.
  'app/api/auth/[...nextauth]/route.ts': 'next-auth',
  // Liveness for the load balancer: no data.
  'app/api/health/route.ts': 'health',
  // The registry's published result files of accepted tasks (lib/attachments/service.ts, getPublishedFile).
  'app/api/registry/files/[attachmentId]/route.ts': 'registry',
};

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === 'route.ts' ? [full] : [];
  });
}

const ROUTES = routeFiles('app').map((f) => f.split(path.sep).join('/'));
const handlers = (source: string) => [...source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);

describe('route handlers and anonymous callers', () => {
  it('finds the anonymous endpoints where they are named', () => {
    for (const file of Object.keys(ANONYMOUS)) expect(ROUTES, file).toContain(file);
  });

  it('requires a signed-in actor in every other handler', () => {
    for (const file of ROUTES.filter((f) => !(f in ANONYMOUS))) {
      const source = fs.readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/handlePublicRoute|definePublicAction/);
      const exported = handlers(source);
      expect(exported.length, file).toBeGreaterThan(0);
      // Each handler returns handleRoute(...) and nothing else is exported (no `export const { GET } = ...`).
      expect(source.match(/return handleRoute\(/g)?.length ?? 0, file).toBe(exported.length);
      expect(source, file).not.toMatch(/export const \{/);
    }
  });

  it('serves nothing but published files anonymously under /api/registry', () => {
    const source = fs.readFileSync('app/api/registry/files/[attachmentId]/route.ts', 'utf8');
    expect(handlers(source)).toEqual(['GET']);
    expect(source).toMatch(/handlePublicRoute\(async \(\) => attachmentResponse\(await getPublishedFile\(/);
  });
});
