import 'server-only';
import { can } from '@/lib/domain/permissions';
import { createHash, randomUUID } from 'node:crypto';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import { prisma } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import * as z from '@/lib/domain/zod';
import { recordId } from '@/lib/domain/inputs';
import { getSettings } from '@/lib/settings/service';
import { taskScope } from '@/lib/workflow/scope';
import { lockTask, lockTaskStatus } from '@/lib/workflow/transition';
import type { Actor } from '@/lib/server/actor';
import type { Settings } from '@/lib/domain/settings';
import type { TaskStatus } from '@/lib/domain/task-status';
import { crashPoint } from '@/lib/server/crash-point';
import { logAccess, recordAudit } from '@/lib/audit/record';
import {
  AFTER_ACCEPTANCE_KINDS,
  ATTACHMENT_KINDS,
  KINDS_BY_STATUS,
  PUBLISHABLE_KINDS,
  isPublishableKind,
} from '@/lib/domain/attachment-rules';
import { checkFile, sanitizeFileName } from './file-check';
import { ZPublishAttachment } from './schemas';
import { readStoredFile, removeStoredFile, writeStoredFile } from './storage';

export { ATTACHMENT_KINDS, KINDS_BY_STATUS, type AttachmentKind } from '@/lib/domain/attachment-rules';

const ZUpload = z.object({ taskId: recordId, kind: z.enum(ATTACHMENT_KINDS), progressReportId: z.optional(recordId) });

export type UploadInput = { taskId: unknown; kind: unknown; progressReportId?: unknown; fileName: string; bytes: Uint8Array };

/**
 * Stores an attachment of the actor's own task: kind allowed in the task's status, size within the configured
 * limit, type recognised from the content (PDF, DOCX, XLSX, PNG, JPEG), name sanitized.
 */
export async function uploadAttachment(actor: Actor, input: UploadInput, permit?: UploadPermit) {
  if (!can(actor.role, 'tasks.propose') || actor.organizationStatus !== 'ACTIVE') throw new ForbiddenError();
  const parsed = ZUpload.safeParse({ taskId: input.taskId, kind: input.kind, progressReportId: input.progressReportId || undefined });
  if (!parsed.success) throw new ValidationError('invalidInput', { kind: ['validation.choose'] });
  const { taskId, kind, progressReportId } = parsed.data;
  let { status, settings } = permit?.taskId === taskId ? permit : await uploadPermit(actor, taskId);
  // A permit was read before the body arrived, which may have taken long: a refusal is decided on a fresh read.
  if (!KINDS_BY_STATUS[status]?.includes(kind) && permit) ({ status, settings } = await uploadPermit(actor, taskId));
  if (!KINDS_BY_STATUS[status]?.includes(kind)) throw new ValidationError('attachmentKindNotNow', {}, { status });
  const max = settings.uploadMaxMb * 1024 * 1024;
  if (input.bytes.byteLength === 0) throw new ValidationError('invalidInput', { file: ['validation.fileEmpty'] });
  if (input.bytes.byteLength > max)
    throw new ValidationError('invalidInput', { file: ['validation.fileTooLarge'] }, { mb: settings.uploadMaxMb });
  const type = await checkFile(input.bytes);
  if (!type.ok)
    throw new ValidationError('invalidInput', { file: [type.problem === 'type' ? 'validation.fileType' : 'validation.archiveUnsafe'] });
  if (progressReportId && kind !== 'PROGRESS_REPORT') throw new ValidationError('invalidInput', { kind: ['validation.choose'] });

  const storedName = `${randomUUID().slice(0, 2)}/${randomUUID()}`;
  // The bytes are durable (lib/attachments/storage.ts) before the row is committed: a crash between the two leaves
  // at worst a file without a row, never a row without its file. The crash points are the durability test's.
  await crashPoint('attachment:before-write');
  await writeStoredFile(storedName, input.bytes);
  await crashPoint('attachment:file-durable');
  try {
    // The status is checked again under the task's row lock, so a file cannot slip in (or out) while the task
    // is being submitted or sent to acceptance: those transitions take the same lock.
    return await prisma.$transaction(async (tx) => {
      const status = await lockTaskStatus(tx, taskId);
      if (!status) throw new NotFoundError();
      if (!KINDS_BY_STATUS[status]?.includes(kind)) throw new ValidationError('attachmentKindNotNow', {}, { status });
      if (progressReportId) {
        const report = await tx.progressReport.findFirst({ where: { id: progressReportId, taskId }, select: { status: true } });
        if (!report) throw new NotFoundError();
        if (report.status === 'REVIEWED') throw new ValidationError('reportAlreadyReviewed');
      }
      const attachment = await tx.attachment.create({
        data: {
          taskId,
          kind,
          progressReportId,
          storedName,
          fileName: sanitizeFileName(input.fileName, type.ext),
          mimeType: type.mime,
          size: input.bytes.byteLength,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          uploadedById: actor.id,
        },
        select: { id: true, fileName: true, kind: true, size: true, mimeType: true, sha256: true },
      });
      const { sha256, ...created } = attachment;
      await recordAudit(tx, actor, {
        action: 'attachment.upload',
        entityType: 'Attachment',
        entityId: attachment.id,
        taskId,
        after: { fileName: created.fileName, kind, size: created.size, mimeType: created.mimeType, sha256, progressReportId },
      });
      await crashPoint('attachment:before-commit');
      return created;
    });
  } catch (e) {
    // The row was not written: its file goes too, so that refused uploads leave nothing behind. Unless the row
    // exists after all (a commit whose answer was lost) or that cannot be told (the database out of reach): then
    // the file stays, as a file without a row is harmless and a row without its file is not.
    const row = await prisma.attachment.findUnique({ where: { storedName }, select: { id: true } }).catch(() => undefined);
    if (row === null) await removeStoredFile(storedName).catch(() => {});
    throw e;
  }
}

export type UploadPermit = { taskId: string; status: TaskStatus; settings: Settings };

/**
 * May the actor add a file to this task: the task in their scope (else 404), with its status and the department's
 * upload limits, read at once. The upload route asks before it reads a byte of the body, then hands the permit to
 * uploadAttachment, which checks the status again under the task's lock.
 */
export async function uploadPermit(actor: Actor, rawId: string): Promise<UploadPermit> {
  const taskId = idOrNotFound(rawId);
  if (!can(actor.role, 'tasks.propose') || actor.organizationStatus !== 'ACTIVE') throw new ForbiddenError();
  const [task, settings] = await Promise.all([
    prisma.task.findFirst({ where: { id: taskId, ...taskScope(actor) }, select: { status: true } }),
    getSettings(),
  ]);
  if (!task) throw new NotFoundError();
  return { taskId, status: task.status, settings };
}

/** Removes an attachment the organization added, while its kind is still editable in the task's status. */
export async function deleteAttachment(actor: Actor, rawId: string) {
  const attachmentId = idOrNotFound(rawId);
  if (!can(actor.role, 'tasks.propose')) throw new ForbiddenError();
  const att = await prisma.attachment.findFirst({
    where: { id: attachmentId, task: taskScope(actor) },
    select: { id: true, taskId: true, kind: true, storedName: true, fileName: true, size: true, sha256: true, progressReportId: true },
  });
  if (!att) throw new NotFoundError();
  await prisma.$transaction(async (tx) => {
    await lockTask(tx, att.taskId);
    const current = await tx.attachment.findUnique({
      where: { id: att.id },
      select: {
        createdAt: true,
        publishedAt: true,
        task: {
          select: {
            status: true,
            revisionRequestedAt: true,
            registration: { select: { status: true } },
            applicationReports: { select: { submittedAt: true }, orderBy: { submittedAt: 'desc' }, take: 1 },
          },
        },
        progressReport: { select: { status: true } },
      },
    });
    if (!current) throw new NotFoundError();
    // A file the department made public stays on the public record until the department withdraws it.
    if (current.publishedAt) throw new ValidationError('attachmentPublishedKept');
    // While a selected dossier is revised, the files the council judged stay on the record beside the new ones.
    if (current.task.status === 'REVISING' && current.task.revisionRequestedAt && current.createdAt < current.task.revisionRequestedAt)
      throw new ValidationError('attachmentJudgedKept');
    if (!KINDS_BY_STATUS[current.task.status]?.includes(att.kind))
      throw new ValidationError('attachmentKindNotNow', {}, { status: current.task.status });
    // The registration form stays as it was submitted, unless the department returned it for completion.
    const registration = current.task.registration?.status;
    if (att.kind === 'REGISTRATION_FORM' && (registration === 'SUBMITTED' || registration === 'REGISTERED'))
      throw new ValidationError('attachmentRegistered');
    // Evidence sent with an application report stays as it was sent; only files added since may be removed.
    const lastReport = current.task.applicationReports[0]?.submittedAt;
    if (att.kind === 'APPLICATION_REPORT' && lastReport && current.createdAt <= lastReport)
      throw new ValidationError('attachmentReportKept');
    // Evidence of a report the department has reviewed stays as it was reviewed.
    if (current.progressReport?.status === 'REVIEWED') throw new ValidationError('reportAlreadyReviewed');
    await tx.attachment.delete({ where: { id: att.id } });
    await recordAudit(tx, actor, {
      action: 'attachment.delete',
      entityType: 'Attachment',
      entityId: att.id,
      taskId: att.taskId,
      before: { fileName: att.fileName, kind: att.kind, size: att.size, sha256: att.sha256, progressReportId: att.progressReportId },
    });
  });
  await removeStoredFile(att.storedName);
  return { attachmentId: att.id };
}

/**
 * The attachments an actor may see: those of the tasks in its scope; a council member never the files of the life
 * after acceptance (registration, application reports).
 */
function visibleTo(actor: Actor): Prisma.AttachmentWhereInput {
  return { task: taskScope(actor), ...(can(actor.role, 'councils.sit') ? { kind: { notIn: [...AFTER_ACCEPTANCE_KINDS] } } : {}) };
}

/**
 * The attachments anyone may download without login: a result file the department published, of a task that is
 * accepted. The registry lists exactly these (lib/registry/service.ts).
 */
export const PUBLISHED_ATTACHMENT = {
  publishedAt: { not: null },
  kind: { in: [...PUBLISHABLE_KINDS] },
  task: { status: 'ACCEPTED' },
} satisfies Prisma.AttachmentWhereInput;

/** The one reading of an attachment's bytes, for the signed-in and the public download: NotFoundError when `where` finds none. */
async function readAttachment(where: Prisma.AttachmentWhereInput) {
  const att = await prisma.attachment.findFirst({
    where,
    select: { id: true, taskId: true, fileName: true, mimeType: true, size: true, storedName: true },
  });
  if (!att) throw new NotFoundError();
  return { ...att, bytes: await readStoredFile(att.storedName) };
}

export type AttachmentFile = Awaited<ReturnType<typeof readAttachment>>;

/** An attachment's bytes, for anyone who may see its task (otherwise NotFoundError: a 404). */
export async function getAttachmentFile(actor: Actor, rawId: string): Promise<AttachmentFile> {
  const file = await readAttachment({ id: idOrNotFound(rawId), ...visibleTo(actor) });
  // Logged once the bytes are in hand, before they are handed over; a failed log fails the download (logAccess).
  await logAccess(actor, 'ATTACHMENT', file);
  return file;
}

/**
 * A published result file's bytes, for anyone, without login (the registry's download). Anything else, an
 * unpublished file, one of a task not accepted, a file of another kind, an unknown or malformed id, is the same
 * NotFoundError. Nobody is signed in, so nothing is written to the access log.
 */
export async function getPublishedFile(rawId: unknown): Promise<AttachmentFile> {
  return readAttachment({ id: idOrNotFound(rawId), ...PUBLISHED_ATTACHMENT });
}

/**
 * The department makes a result file of an accepted task public in the registry, or withdraws it. The file must
 * be one the actor may see (else 404); seen but not the department's to publish, 403; a kind that is not a result
 * (PUBLISHABLE_KINDS) or a task not accepted, a ValidationError. Written under the task's row lock with its audit
 * row in the same transaction; asking for the state the file is already in changes nothing and records nothing.
 */
export async function setAttachmentPublished(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZPublishAttachment, raw);
  const att = await prisma.attachment.findFirst({
    where: { id: input.attachmentId, ...visibleTo(actor) },
    select: { id: true, taskId: true, kind: true },
  });
  if (!att) throw new NotFoundError();
  if (!can(actor.role, 'registry.publish')) throw new ForbiddenError();
  if (!isPublishableKind(att.kind)) throw new ValidationError('attachmentNotPublishable');
  return prisma.$transaction(async (tx) => {
    // The same lock as the task's status changes and the organization's uploads and deletions.
    await lockTask(tx, att.taskId);
    const current = await tx.attachment.findUnique({
      where: { id: att.id },
      select: { fileName: true, kind: true, publishedAt: true, publishedById: true, task: { select: { status: true } } },
    });
    if (!current) throw new NotFoundError();
    if (current.task.status !== 'ACCEPTED') throw new ValidationError('attachmentPublishNotAccepted');
    if ((current.publishedAt !== null) === input.publish) return { attachmentId: att.id, publishedAt: current.publishedAt, changed: false };
    const publishedAt = input.publish ? now : null;
    await tx.attachment.update({
      where: { id: att.id },
      data: { publishedAt, publishedById: input.publish ? actor.id : null },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: input.publish ? 'attachment.publish' : 'attachment.unpublish',
      entityType: 'Attachment',
      entityId: att.id,
      taskId: att.taskId,
      before: { fileName: current.fileName, kind: current.kind, publishedAt: current.publishedAt, publishedById: current.publishedById },
      after: { fileName: current.fileName, kind: current.kind, publishedAt, publishedById: input.publish ? actor.id : null },
    });
    return { attachmentId: att.id, publishedAt, changed: true };
  });
}
