// The `test` every spec uses: Playwright's, with a watch on every browser context a test opens for Content
// Security Policy violations (Chromium reports each one in the console). A test that caused one fails.
import { test as base, expect, type BrowserContext } from '@playwright/test';

export class CspWatch {
  readonly violations: string[] = [];
  /** A context opened by the test itself, watched like the test's own. */
  async watched(context: Promise<BrowserContext>): Promise<BrowserContext> {
    const c = await context;
    this.watch(c);
    return c;
  }

  watch(context: BrowserContext) {
    context.on('console', (msg) => {
      const text = msg.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) this.violations.push(`${msg.location().url}: ${text}`);
    });
    context.on('weberror', (e) => {
      if (/Content[- ]Security[- ]Policy/i.test(String(e.error()))) this.violations.push(String(e.error()));
    });
  }
}

export const test = base.extend<{ csp: CspWatch }>({
  csp: [
    async ({ context }, use) => {
      const watch = new CspWatch();
      watch.watch(context);
      await use(watch);
      expect(watch.violations, 'Content Security Policy violations reported by the browser').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
