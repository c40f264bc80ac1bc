import { handleRoute } from '@/lib/server/route';
import { ValidationError } from '@/lib/server/errors';
import { assertMayUpload, uploadAttachment } from '@/lib/attachments/service';
import { getSettings } from '@/lib/settings/service';

/** Upload one attachment (multipart/form-data: file, kind, optional progressReportId). */
export async function POST(request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  return handleRoute(async (actor) => {
    const { taskId } = await params;
    // Who may upload here is settled before a byte of the body is read; so is its size, which must be declared.
    await assertMayUpload(actor, taskId);
    const declared = request.headers.get('content-length');
    if (declared === null) throw new ValidationError('invalidInput', { file: ['validation.fileSizeUnknown'] });
    const settings = await getSettings();
    // The multipart envelope adds a little over the file itself.
    if (Number(declared) > settings.uploadMaxMb * 1024 * 1024 + 64 * 1024)
      throw new ValidationError('invalidInput', { file: ['validation.fileTooLarge'] }, { mb: settings.uploadMaxMb });
    const form = await request.formData().catch(() => null);
    const file = form?.get('file');
    if (!form || !(file instanceof File)) throw new ValidationError('invalidInput', { file: ['validation.fileMissing'] });
    const attachment = await uploadAttachment(actor, {
      taskId,
      kind: form.get('kind'),
      progressReportId: form.get('progressReportId') ?? undefined,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(attachment, { status: 201 });
  });
}
