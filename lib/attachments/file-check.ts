import { fileTypeFromBuffer } from 'file-type';

// What may be uploaded, recognised from the file's content (magic bytes), never from its name.
export const ALLOWED_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
} as const;
export type AllowedExt = keyof typeof ALLOWED_TYPES;

/** The real type of the bytes when it is one we accept, else null (a renamed .exe, a .doc, a zip...). */
export async function detectAllowedType(bytes: Uint8Array): Promise<{ ext: AllowedExt; mime: string } | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !(found.ext in ALLOWED_TYPES)) return null;
  return { ext: found.ext as AllowedExt, mime: ALLOWED_TYPES[found.ext as AllowedExt] };
}

/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control or reserved
 * characters, Vietnamese letters kept, at most 150 characters, with the extension of the detected type.
 */
export function sanitizeFileName(original: string, ext: AllowedExt): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const clean = stem
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*;]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 150);
  return `${clean || 'tep-dinh-kem'}.${ext}`;
}
