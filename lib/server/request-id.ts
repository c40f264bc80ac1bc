import { randomUUID } from 'node:crypto';

// The request id: pure, so that the proxy can use it as well as the server code.

/** The header that carries a request's id: set (or passed on) by the proxy, sent back on the response. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An incoming id when it is a sane token (up to 64 of A-Z a-z 0-9 - _, e.g. from a reverse proxy), else a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
}
