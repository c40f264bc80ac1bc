import { fileTypeFromBuffer } from 'file-type';
import { checkOfficeArchive, type ArchiveProblem } from './office-archive';

// What may be uploaded, recognised from the file's content (magic bytes), never from its name.
export const ALLOWED_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
} as const;
export type AllowedExt = keyof typeof ALLOWED_TYPES;

export type FileCheck = { ok: true; ext: AllowedExt; mime: string } | { ok: false; problem: 'type' | ArchiveProblem };

/**
 * The real type of the bytes when it is one we accept (a renamed .exe, a .doc, a plain zip are not); DOCX and
 * XLSX are also opened as archives and refused when they expand beyond the limits (a zip bomb).
 */
export async function checkFile(bytes: Uint8Array): Promise<FileCheck> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !(found.ext in ALLOWED_TYPES)) return { ok: false, problem: 'type' };
  const ext = found.ext as AllowedExt;
  if (ext === 'docx' || ext === 'xlsx') {
    const problem = await checkOfficeArchive(bytes);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, ext, mime: ALLOWED_TYPES[ext] };
}

/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control or reserved
 * characters, Vietnamese letters kept, at most 150 characters, with the extension of the detected type.
 */
export function sanitizeFileName(original: string, ext: AllowedExt): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const clean = stem
    .toWellFormed()
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must lose
    .replace(/[\u0000-\u001f\u007f<>:"|?*;]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 150);
  return `${clean || 'tep-dinh-kem'}.${ext}`;
}
