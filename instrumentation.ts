import type { Instrumentation } from 'next';

// An error that escaped a page, a route handler or an action (the wrappers in lib/server catch theirs) also goes
// into the JSON log with the request's id, the route and the user-facing path without its query string.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('@/lib/server/log');
  const requestId = request.headers['x-request-id'];
  logger.error(
    {
      requestId: typeof requestId === 'string' ? requestId : undefined,
      method: request.method,
      path: request.path.split('?')[0],
      route: context.routePath,
      routeType: context.routeType,
      err,
    },
    'request failed',
  );
};
