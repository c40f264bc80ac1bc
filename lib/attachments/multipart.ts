import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { ValidationError } from '@/lib/server/errors';

// One uploaded file read from a multipart body as it streams in (busboy), into a single buffer sized by the
// declared length: the bytes are held once, never as the whole body plus a copy of the file (which
// `request.formData()` and then `file.arrayBuffer()` did: 40 MB for a 20 MB file).

export type UploadedForm = { fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null };

/**
 * The form's text fields and its one file (the field `file`). `maxFileBytes`: a larger file is refused with
 * fileTooLarge as soon as it passes the limit; `declared`: the body's Content-Length, an upper bound of the file.
 */
export async function readUpload(request: Request, opts: { declared: number; maxFileBytes: number; maxMb: number }): Promise<UploadedForm> {
  const type = request.headers.get('content-type') ?? '';
  if (!request.body || !type.toLowerCase().startsWith('multipart/form-data'))
    throw new ValidationError('invalidInput', { file: ['validation.fileMissing'] });
  const fields: Record<string, string> = {};
  let file: UploadedForm['file'] = null;
  const parser = busboy({
    headers: { 'content-type': type },
    // Browsers send the file's name as UTF-8 (busboy's default would read it as Latin-1).
    defParamCharset: 'utf8',
    limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: opts.maxFileBytes + 1 },
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const buffer = Buffer.allocUnsafe(Math.min(opts.declared, opts.maxFileBytes + 1));
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        if (size + chunk.length > buffer.length) {
          stream.destroy();
          reject(new ValidationError('invalidInput', { file: ['validation.fileTooLarge'] }, { mb: opts.maxMb }));
          return;
        }
        chunk.copy(buffer, size);
        size += chunk.length;
      });
      stream.on('limit', () => reject(new ValidationError('invalidInput', { file: ['validation.fileTooLarge'] }, { mb: opts.maxMb })));
      stream.on('end', () => {
        file = { name: info.filename ?? '', bytes: buffer.subarray(0, size) };
      });
    });
    parser.on('error', () => reject(new ValidationError('invalidInput', { file: ['validation.fileMissing'] })));
    parser.on('close', () => resolve());
  });
  Readable.fromWeb(request.body as NodeReadableStream)
    .on('error', () => parser.destroy())
    .pipe(parser);
  await done;
  return { fields, file };
}
