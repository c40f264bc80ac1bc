import { handleRoute } from '@/lib/server/route';
import { ValidationError } from '@/lib/server/errors';
import { uploadAttachment, uploadPermit } from '@/lib/attachments/service';
import { readUpload } from '@/lib/attachments/multipart';

/** Upload one attachment (multipart/form-data: file, kind, optional progressReportId). */
export async function POST(request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  return handleRoute(async (actor) => {
    const { taskId } = await params;
    // Who may upload here is settled before a byte of the body is read; so is its size, which must be declared.
    const permit = await uploadPermit(actor, taskId);
    const { settings } = permit;
    const declared = request.headers.get('content-length');
    if (declared === null) throw new ValidationError('invalidInput', { file: ['validation.fileSizeUnknown'] });
    // The multipart envelope adds a little over the file itself.
    if (Number(declared) > settings.uploadMaxMb * 1024 * 1024 + 64 * 1024)
      throw new ValidationError('invalidInput', { file: ['validation.fileTooLarge'] }, { mb: settings.uploadMaxMb });
    // Streamed into one buffer as it arrives (lib/attachments/multipart.ts): the file is never held twice.
    const { fields, file } = await readUpload(request, {
      declared: Number(declared),
      maxFileBytes: settings.uploadMaxMb * 1024 * 1024,
      maxMb: settings.uploadMaxMb,
    });
    if (!file) throw new ValidationError('invalidInput', { file: ['validation.fileMissing'] });
    const attachment = await uploadAttachment(
      actor,
      {
        taskId,
        kind: fields.kind,
        progressReportId: fields.progressReportId,
        fileName: file.name,
        bytes: file.bytes,
      },
      permit,
    );
    return Response.json(attachment, { status: 201 });
  });
}
