// The JSON log (pino) of real requests: a login with a wrong password, an admin's password reset (one accepted,
// one refused) and an upload go through the real action wrapper, route wrapper, services and database, with
// the log captured in memory. Every line is JSON with the request's id (the one the proxy put on the request)
// and the user's id; no line holds the password, the new password or the file's bytes. Only what Next itself
// provides around a request is stood in for: the request's headers, the session cookie's user and the
// language's messages (next-auth's signIn calls the same credentials check as the real one, and throws its
// error class for a refused login).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLogDestination } from '@/lib/server/log';
import type { Actor } from '@/lib/server/actor';
import { actorWith, makeUser } from '../support/fixtures';
import { fullContent } from '../support/lifecycle';
import { createDraft } from '@/lib/tasks/service';

const request = vi.hoisted(() => ({ headers: new Headers(), actor: null as Actor | null }));

vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock('@/lib/server/session', () => ({ getActor: async () => request.actor }));
// next-auth's error classes (its package cannot load outside Next): the login action tells them apart by class.
vi.mock('next-auth', () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = 'credentials';
  }
  return { AuthError, CredentialsSignin };
});
vi.mock('@/lib/server/auth', async () => {
  const { CredentialsSignin } = await import('next-auth');
  const { verifyCredentials } = await import('@/lib/server/credentials');
  return {
    // What next-auth's credentials provider does with the form (lib/server/auth.ts's authorize).
    signIn: async (_provider: string, form: { email: string; password: string }) => {
      const result = await verifyCredentials(form.email, form.password);
      if (result.outcome !== 'ok') throw new CredentialsSignin();
    },
    signOut: async () => {},
  };
});
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { loadMessages } = await import('@/lib/i18n/catalog');
  const messages = await loadMessages('vi');
  return { getTranslations: async () => createTranslator({ locale: 'vi', messages }) };
});

const { loginAction } = await import('@/lib/users/session-actions');
const { resetUserPasswordAction } = await import('@/lib/users/actions');
const { POST: upload } = await import('@/app/api/tasks/[taskId]/attachments/route');

let lines: string[] = [];
let restore: () => void;
beforeAll(() => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  restore = setLogDestination(sink, 'debug');
});
afterAll(() => restore());

/** A new request, as the proxy hands it to the app: its id on the headers. */
function newRequest(actor: Actor | null, requestId: string) {
  request.headers = new Headers({ 'x-request-id': requestId, 'x-pathname': '/somewhere?token=abc' });
  request.actor = actor;
}

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeEach(() => {
  lines = [];
});

describe('the JSON log', () => {
  it('logs a refused login once, with the request id, and never the password', async () => {
    const user = await makeUser('DEPARTMENT_STAFF');
    const wrong = 'MatKhauSai#Bi-Mat-91';
    newRequest(null, 'login-req-1');
    const result = await loginAction({ email: user.email, password: wrong });
    expect(result).toMatchObject({ ok: false, error: 'Email hoặc mật khẩu không đúng.' });

    const [line, ...more] = parsed();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 'info', msg: 'action', requestId: 'login-req-1', outcome: 'unauthenticated', path: '/somewhere' });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');
    expect(lines.join('\n')).not.toContain(wrong);
    // Neither the e-mail's user nor the query string of the page (which may carry a token).
    expect(lines.join('\n')).not.toContain('token=abc');
  });

  it("logs an admin's password reset with the admin's id, never the new password, accepted or refused", async () => {
    const admin = await actorWith('DEPARTMENT_ADMIN');
    const target = await makeUser('ORGANIZATION', { organizationId: (await actorWith('ORGANIZATION')).organizationId! });
    const secret = 'MatKhauMoi@2026-Rieng';

    newRequest(admin, 'reset-req-1');
    expect(await resetUserPasswordAction({ userId: target.id, password: secret, confirmPassword: secret })).toMatchObject({ ok: true });
    newRequest(admin, 'reset-req-2');
    // Confirmation differs: refused with field messages; the input is not logged either.
    const refused = await resetUserPasswordAction({ userId: target.id, password: secret, confirmPassword: `${secret}x` });
    expect(refused.ok).toBe(false);

    const all = parsed();
    expect(all).toEqual([
      expect.objectContaining({ level: 'info', msg: 'action', requestId: 'reset-req-1', userId: admin.id, outcome: 'ok' }),
      expect.objectContaining({ level: 'info', msg: 'action', requestId: 'reset-req-2', userId: admin.id, outcome: 'validation' }),
    ]);
    expect(JSON.stringify(all)).not.toContain(secret);
    expect(JSON.stringify(all)).not.toContain('MatKhauMoi');
  });

  it('logs an upload with the request id and the user, never the file; the response carries the id', async () => {
    const org = await actorWith('ORGANIZATION');
    const { taskId } = await createDraft(org, fullContent());
    const marker = 'NOI-DUNG-TEP-BI-MAT-7f3a';
    const bytes = Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${marker}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
    const form = new FormData();
    form.set('file', new File([bytes], 'thuyet-minh.pdf', { type: 'application/pdf' }));
    form.set('kind', 'PROPOSAL_DOC');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());

    newRequest(org, 'upload-req-1');
    const res = await upload(
      new Request(`http://localhost/api/tasks/${taskId}/attachments`, {
        method: 'POST',
        body,
        headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.byteLength) },
      }),
      { params: Promise.resolve({ taskId }) },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('upload-req-1');

    const [line, ...more] = parsed();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 'info', msg: 'route', requestId: 'upload-req-1', userId: org.id, status: 201, outcome: 'ok' });
    expect(lines.join('\n')).not.toContain(marker);
    expect(lines.join('\n')).not.toContain('%PDF');
  });

  it('logs an unexpected failure at error level with its stack, and tells the user the same request id', async () => {
    newRequest(null, 'not-a-sane-id!'.repeat(10));
    const { definePublicAction } = await import('@/lib/server/action');
    const { z } = await import('zod');
    const failing = definePublicAction(z.object({ password: z.string() }), async function brokenService() {
      throw new Error('disk on fire');
    });
    const result = await failing({ password: 'Khong@DuocGhi-1' });
    const [line] = parsed();
    // An incoming id that is not a sane token is replaced by a fresh one.
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line).toMatchObject({ level: 'error', msg: 'action', action: 'brokenService', outcome: 'error' });
    expect((line.err as { stack: string }).stack).toContain('disk on fire');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(String(line.requestId)) });
    expect(lines.join('\n')).not.toContain('Khong@DuocGhi');
  });
});
