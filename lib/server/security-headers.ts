// The browser's side of security for pages: a Content-Security-Policy with a nonce per response for Next's
// scripts (no 'unsafe-inline' for scripts) and HSTS when served over https. Pure: the proxy sets them on every
// page. The headers that never change (Permissions-Policy, nosniff, a closed CSP for route handlers) are in
// next.config.js.

export function contentSecurityPolicy(nonce: string, { dev = false, https = false }: { dev?: boolean; https?: boolean } = {}): string {
  return [
    `default-src 'self'`,
    // 'strict-dynamic': scripts loaded by a nonced script run too; 'unsafe-eval' only for Next's dev overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    `frame-src 'none'`,
    `worker-src 'self' blob:`,
    `manifest-src 'self'`,
    ...(https ? [`upgrade-insecure-requests`] : []),
  ].join('; ');
}

/** Two years, subdomains included: sent only on responses served over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Whether the request reached the app over https (directly or through a proxy that says so). */
export function isHttps(url: URL, headers: Headers): boolean {
  return url.protocol === 'https:' || headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
