// Optimistic redirects only. Every page, action and route handler checks the actor itself through lib/.
import { NextResponse } from 'next/server';
import { auth } from '@/lib/server/auth';

const PROTECTED = ['/department', '/org', '/evaluator'];

export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isProtected && !req.auth?.user) {
    const url = new URL('/login', req.nextUrl.origin);
    url.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(url);
  }
  // Pages that need to send a visitor to /login and back read their own path from this header.
  const headers = new Headers(req.headers);
  headers.set('x-pathname', pathname + search);
  return NextResponse.next({ request: { headers } });
});

export const config = { matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'] };
