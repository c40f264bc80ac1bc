// The upload's multipart body, read as it streams (lib/attachments/multipart.ts): the fields and the one file come
// back exactly; a file above the limit, a body that is not multipart, a form without a file are each refused or
// reported, with the message the form shows.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readUpload } from '@/lib/attachments/multipart';
import { ValidationError } from '@/lib/server/errors';

async function request(form: FormData) {
  const r = new Request('http://localhost/api/tasks/x/attachments', { method: 'POST', body: form });
  // The body as the server receives it, with its length declared.
  const body = Buffer.from(await r.arrayBuffer());
  return {
    req: new Request('http://localhost/api/tasks/x/attachments', {
      method: 'POST',
      body,
      headers: { 'content-type': r.headers.get('content-type')!, 'content-length': String(body.length) },
    }),
    length: body.length,
  };
}

const caught = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('readUpload', () => {
  it('gives back the fields and the file byte for byte, whatever their order', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'Thuyết minh.pdf');
    form.append('kind', 'PROPOSAL_DOC');
    form.append('progressReportId', 'r1');
    const { req, length } = await request(form);
    const got = await readUpload(req, { declared: length, maxFileBytes: 20 * 1024 * 1024, maxMb: 20 });
    expect(got.fields).toEqual({ kind: 'PROPOSAL_DOC', progressReportId: 'r1' });
    expect(got.file?.name).toBe('Thuyết minh.pdf');
    expect(Buffer.compare(Buffer.from(got.file!.bytes), bytes)).toBe(0);
  });

  it('refuses a file above the limit as too large', async () => {
    const form = new FormData();
    form.append('kind', 'PROPOSAL_DOC');
    form.append('file', new Blob([randomBytes(2 * 1024 * 1024)]), 'big.pdf');
    const { req, length } = await request(form);
    const e = await caught(readUpload(req, { declared: length, maxFileBytes: 1024 * 1024, maxMb: 1 }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors).toEqual({ file: ['validation.fileTooLarge'] });
  });

  it('reports a form without a file, and refuses a body that is not a form', async () => {
    const form = new FormData();
    form.append('kind', 'PROPOSAL_DOC');
    const { req, length } = await request(form);
    expect(await readUpload(req, { declared: length, maxFileBytes: 1024, maxMb: 1 })).toEqual({
      fields: { kind: 'PROPOSAL_DOC' },
      file: null,
    });
    const json = new Request('http://localhost/x', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const e = await caught(readUpload(json, { declared: 2, maxFileBytes: 1024, maxMb: 1 }));
    expect((e as ValidationError).fieldErrors).toEqual({ file: ['validation.fileMissing'] });
  });
});
