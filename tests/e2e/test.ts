// The `test` every spec uses: Playwright's, with a watch on every browser context a test opens (its own, those
// registered through `csp.watch`/`csp.watched`, the lifecycle's actors). A test fails
// - on a Content Security Policy violation the browser reports (Chromium reports each one in the console);
// - on an accessibility violation (axe, WCAG 2.1 A and AA) in any page it visited. Every page load of a watched
//   context is recorded; when the context closes, or at the end of the test, each route not checked yet is opened
//   again in a new page of that context (same login, same language) and axe runs on it. A route counts once per
//   run (`routeKey`: the role, the HTTP status and the path with its ids written `:id`, e.g. `/department/tasks/:id`
//   as DEPARTMENT_STAFF, 200), so the suite checks each screen once instead of once per test.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

/** WCAG 2.1 level A and AA, the standard the department's public service has to meet. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Time granted to the test for each route checked (a page load and one axe run). */
const CHECK_BUDGET_MS = 20_000;

/**
 * Routes checked in this run, across tests and workers (Playwright starts a new worker after a failed test): one
 * `routeKey` a line, in the output folder, which Playwright empties when a run starts.
 */
class CheckedRoutes {
  private readonly file: string;
  constructor(testInfo: TestInfo) {
    this.file = path.join(testInfo.project.outputDir, '.a11y-checked-routes');
  }
  has(route: string): boolean {
    try {
      return fs.readFileSync(this.file, 'utf8').split('\n').includes(route);
    } catch {
      return false;
    }
  }
  add(route: string) {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.appendFileSync(this.file, `${route}\n`);
  }
}

/**
 * What a missing message looks like on a page: next-intl shows its path ("appraisal.title") in its place. Any
 * top-level namespace of the catalogs followed by a key, in the page's text, is a screen showing a raw key.
 */
const RAW_KEY = (() => {
  const dir = path.resolve('messages', 'vi');
  const namespaces = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as object));
  return new RegExp(`(?<![\\w@/.-])(?:${namespaces.join('|')})\\.[a-zA-Z][\\w.]*[a-zA-Z]`);
})();

/** Ids in a path (cuids, uuids, numbers) become `:id`, so that every task's page is one route. */
const ID_SEGMENT = /^(c[a-z0-9]{20,32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;
const routePath = (url: string) =>
  new URL(url).pathname
    .split('/')
    .map((s) => (ID_SEGMENT.test(s) ? ':id' : s))
    .join('/');
/**
 * What makes a screen: the role, the status and the route. An error page (app/forbidden.tsx, app/not-found.tsx, an
 * area's error.tsx) does not depend on who asks nor on which page of the area failed: it counts once per area.
 */
const routeKey = (role: string, status: number, url: string) =>
  status >= 400 ? `any ${status} /${routePath(url).split('/')[1]}/…` : `${role} ${status} ${routePath(url)}`;

type Visit = { url: string; status: number };
type Watched = { visits: Visit[]; done?: Promise<void> };

export class CspWatch {
  readonly violations: string[] = [];
  readonly a11yViolations: string[] = [];
  private readonly contexts = new Map<BrowserContext, Watched>();
  /** The pages this watch opened to run axe: their loads are not visits of the test. */
  private readonly checkerPages = new WeakSet<Page>();
  /** Checks run one after another, even when several contexts close at once. */
  private queue: Promise<void> = Promise.resolve();

  private readonly checkedRoutes: CheckedRoutes;

  constructor(private readonly testInfo: TestInfo) {
    this.checkedRoutes = new CheckedRoutes(testInfo);
  }

  /** A context opened by the test itself, watched like the test's own. */
  async watched(context: Promise<BrowserContext>): Promise<BrowserContext> {
    const c = await context;
    this.watch(c);
    return c;
  }

  watch(context: BrowserContext) {
    if (this.contexts.has(context)) return;
    const watched: Watched = { visits: [] };
    this.contexts.set(context, watched);
    context.on('console', (msg) => {
      const text = msg.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) this.violations.push(`${msg.location().url}: ${text}`);
    });
    context.on('weberror', (e) => {
      if (/Content[- ]Security[- ]Policy/i.test(String(e.error()))) this.violations.push(String(e.error()));
    });
    const record = (page: Page) => {
      // The status of the latest document response per URL (soft navigations of the app router have none: 200).
      const statuses = new Map<string, number>();
      page.on('response', (response) => {
        const request = response.request();
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) statuses.set(response.url(), response.status());
      });
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame() || this.checkerPages.has(page)) return;
        const url = frame.url();
        if (!/^https?:/.test(url)) return;
        const status = statuses.get(url) ?? 200;
        if (status >= 300 && status < 400) return;
        watched.visits.push({ url, status });
      });
    };
    context.pages().forEach(record);
    context.on('page', record);
    // Contexts a test (or a fixture) closes are checked first, while the login is still there.
    const close = context.close.bind(context);
    context.close = async (options) => {
      await this.check(context);
      return close(options);
    };
  }

  /** Checks every context still open (at the end of the test). */
  async checkAll() {
    for (const context of this.contexts.keys()) await this.check(context);
  }

  private check(context: BrowserContext): Promise<void> {
    const watched = this.contexts.get(context)!;
    watched.done ??= this.queue = this.queue.then(() =>
      this.checkContext(context, watched.visits).catch((e: unknown) => {
        this.a11yViolations.push(`The accessibility check could not run: ${e instanceof Error ? e.message : String(e)}`);
      }),
    );
    return watched.done;
  }

  private async checkContext(context: BrowserContext, visits: Visit[]) {
    // A test that failed already is not checked: its routes stay for the next test to check.
    if (this.testInfo.status !== this.testInfo.expectedStatus || visits.length === 0) return;
    const role = await roleOf(context);
    const seen = new Set<string>();
    for (const visit of visits) {
      const key = routeKey(role, visit.status, visit.url);
      if (this.checkedRoutes.has(key) || seen.has(key)) continue;
      seen.add(key);
      this.testInfo.setTimeout(this.testInfo.timeout + CHECK_BUDGET_MS);
      const started = Date.now();
      const page = await context.newPage();
      this.checkerPages.add(page);
      try {
        const response = await page.goto(visit.url);
        const actual = routeKey(role, response?.status() ?? 200, page.url());
        if (actual !== key) {
          // The context sees something else now: the login page visited before logging in opens the user's home,
          // a page visited before logging out opens the login page, the error page of a database outage the page
          // itself. What it shows now is checked in its own name; the visit is noted and not tried again in this run
          // (the same role would be sent to the same place).
          this.testInfo.annotations.push({
            type: 'a11y',
            description: `${visit.url} (${key}) now opens as ${actual}: not checked as such`,
          });
          this.checkedRoutes.add(key);
          if (this.checkedRoutes.has(actual) || seen.has(actual)) continue;
          seen.add(actual);
        }
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        this.checkedRoutes.add(actual);
        const rawKey = RAW_KEY.exec(await page.locator('body').innerText());
        if (rawKey)
          this.a11yViolations.push(`${new URL(page.url()).pathname} (${actual}): a message is missing, the page shows "${rawKey[0]}"`);
        this.testInfo.annotations.push({
          type: 'a11y',
          description: `${actual}: ${results.violations.length} rule(s) violated, checked in ${Date.now() - started} ms`,
        });
        const shown = new URL(page.url()).pathname;
        for (const v of results.violations) {
          const nodes = v.nodes.slice(0, 8).map((n) => {
            const detail = [...n.any, ...n.all, ...n.none].map((c) => c.message).find(Boolean) ?? '';
            return `      ${n.target.join(' ')}${detail ? ` — ${detail}` : ''}`;
          });
          if (v.nodes.length > nodes.length) nodes.push(`      … and ${v.nodes.length - nodes.length} more`);
          this.a11yViolations.push(
            [`${shown} (${actual}): ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} element(s), ${v.helpUrl})`, ...nodes].join('\n'),
          );
        }
      } finally {
        await page.close();
      }
    }
  }
}

/** The role of the user logged in in the context (`anonymous` when none), from the session API. */
async function roleOf(context: BrowserContext): Promise<string> {
  const session = await context.request.get('/api/auth/session');
  const body = session.ok() ? ((await session.json()) as { user?: { role?: string } } | null) : null;
  return body?.user?.role ?? 'anonymous';
}

export const test = base.extend<{ csp: CspWatch }>({
  csp: [
    async ({ context }, use, testInfo) => {
      const watch = new CspWatch(testInfo);
      watch.watch(context);
      await use(watch);
      await watch.checkAll();
      expect.soft(watch.violations, 'Content Security Policy violations reported by the browser').toEqual([]);
      if (watch.a11yViolations.length > 0) {
        throw new Error(`Accessibility violations (axe, WCAG 2.1 AA) in the pages visited:\n${watch.a11yViolations.join('\n')}`);
      }
    },
    { auto: true },
  ],
});
export { expect };
