import createNextIntlPlugin from 'next-intl/plugin';

// Browser features a department's forms never use, turned off for every response.
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'browsing-topics=()',
].join(', ');
// Responses of route handlers (JSON, file downloads) may run nothing and be framed nowhere. Pages get their
// own CSP, with a fresh nonce, from the proxy (lib/server/security-headers.ts).
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    // The catalogs (messages/<locale>/<area>.json) are compiled at build time: the browser formats them with
    // use-intl's small formatter instead of parsing ICU messages with intl-messageformat (about 9 kB less, gzip,
    // on every page that translates in the browser). Code that formats a message itself goes through use-intl
    // (createTranslator), never string replacement, since a compiled message with arguments is no longer a string.
    messages: { path: './messages', format: 'json', locales: ['vi', 'en'], precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The server and only the files it needs, in <distDir>/standalone: what the Dockerfile ships and what the
  // end-to-end tests run (scripts/e2e-server.mjs), so the tested server is the deployed one.
  output: 'standalone',
  // A second build folder lets two servers of one checkout run side by side (NEXT_DIST_DIR=.next-2).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 for a signed-in user outside their role's area.
    authInterrupts: true,
    // Fewer, larger browser chunks: Turbopack's defaults split what every page loads into several small chunks
    // (each compressed on its own); merging them takes about 1 kB off every page's first load (gzip).
    turbopackChunking: { requestCost: 1_000_000, minChunkSize: 200_000 },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
      // Pages get a CSP with a fresh nonce from the proxy; JSON and file downloads may run nothing at all.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
