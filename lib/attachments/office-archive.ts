import yauzl, { type Entry, type ZipFile } from 'yauzl';

// DOCX and XLSX files are ZIP archives. One of 300 KB can expand to gigabytes (a "zip bomb"), which would stall
// whoever opens it: an evaluator's Word, a virus scanner, the document tools of this app. Before such a file is
// accepted, every entry is inflated here, counting bytes and stopping at the first limit crossed, so the sizes
// an archive declares are checked against what it really holds.

export const OFFICE_LIMITS = {
  /** Files inside one archive (a large real workbook has a few hundred). */
  maxEntries: 5_000,
  /** Bytes of all entries once inflated. */
  maxTotalBytes: 250 * 1024 * 1024,
  /** Inflated / compressed, per entry above 1 MB inflated (text XML reaches 20 to 30; bombs 1 000 and more). */
  maxRatio: 100,
};

export type ArchiveProblem = 'notArchive' | 'tooManyEntries' | 'tooLarge' | 'ratio' | 'corrupt';

/** null when the archive is within the limits, else what is wrong with it. */
export async function checkOfficeArchive(bytes: Uint8Array, limits = OFFICE_LIMITS): Promise<ArchiveProblem | null> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
        (err, z) => (err || !z ? reject(err) : resolve(z)),
      ),
    );
  } catch {
    return 'notArchive';
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return 'tooManyEntries';
  }
  let total = 0;
  return new Promise<ArchiveProblem | null>((resolve) => {
    let settled = false;
    const finish = (problem: ArchiveProblem | null) => {
      if (settled) return;
      settled = true;
      zip.close();
      resolve(problem);
    };
    const declaredProblem = (entry: Entry): ArchiveProblem | null => {
      if (total + entry.uncompressedSize > limits.maxTotalBytes) return 'tooLarge';
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > Math.max(1, entry.compressedSize) * limits.maxRatio)
        return 'ratio';
      return null;
    };
    zip.on('error', () => finish('corrupt'));
    zip.on('end', () => finish(null));
    zip.on('entry', (entry: Entry) => {
      if (settled) return;
      const declared = declaredProblem(entry);
      if (declared) return finish(declared);
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return finish('corrupt');
        let inflated = 0;
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          total += chunk.length;
          // yauzl also refuses an entry that inflates beyond its declared size; this stops at the total at once.
          if (total > limits.maxTotalBytes) {
            stream.destroy();
            finish('tooLarge');
          }
        });
        stream.on('error', () => finish(inflated > entry.uncompressedSize ? 'tooLarge' : 'corrupt'));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}
