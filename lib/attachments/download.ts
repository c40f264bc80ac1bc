import 'server-only';
import type { AttachmentFile } from './service';

/**
 * An attachment's bytes as a download: its type, length and name (ASCII fallback and the UTF-8 name), never
 * sniffed. `cacheControl`: a signed-in download is private; a public one is not kept either, so that a file the
 * department withdraws is gone at once, from the browser and from any cache on the way.
 */
export function attachmentResponse(file: Pick<AttachmentFile, 'bytes' | 'fileName' | 'mimeType'>, cacheControl: string): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
