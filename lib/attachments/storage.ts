import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Attachments live under STORAGE_DIR (default ./storage), named by an opaque id, never by the user's name. */
export function storageDir(): string {
  // turbopackIgnore: the folder is chosen at run time; the build must not trace files under it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? 'storage');
}

function pathOf(storedName: string): string {
  if (!/^[a-z0-9]{2}\/[a-z0-9-]+$/i.test(storedName)) throw new Error('invalid stored name');
  return path.join(/*turbopackIgnore: true*/ storageDir(), storedName);
}

export async function writeStoredFile(storedName: string, bytes: Uint8Array): Promise<void> {
  const file = pathOf(storedName);
  await fs.mkdir(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  await fs.writeFile(/*turbopackIgnore: true*/ file, bytes, { flag: 'wx' });
}

export async function readStoredFile(storedName: string): Promise<Buffer> {
  return fs.readFile(/*turbopackIgnore: true*/ pathOf(storedName));
}

export async function removeStoredFile(storedName: string): Promise<void> {
  await fs.rm(/*turbopackIgnore: true*/ pathOf(storedName), { force: true });
}
