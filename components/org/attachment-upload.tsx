'use client';
import { useRef, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, Select, inputClass } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

export const ACCEPTED_FILES = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

type Props = {
  taskId: string;
  /** The kinds the organization may add in the task's current status. */
  kinds: readonly string[];
  /** Progress reports a PROGRESS_REPORT file may be linked to. */
  reports?: { id: string; label: string }[];
  maxMb: number;
};

type UploadAnswer = { error?: string; fieldErrors?: Record<string, string> };

/** Uploads one file of an allowed kind to POST /api/tasks/[taskId]/attachments and shows the server's answer. */
export function AttachmentUpload({ taskId, kinds, reports = [], maxMb }: Props) {
  const t = useTranslations('orgTasks.upload');
  const tAll = useTranslations();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState(kinds[0] ?? '');
  const [errors, setErrors] = useState<{ kind?: string; file?: string }>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = fileRef.current?.files?.[0];
    setDone(null);
    if (!kind) return setErrors({ kind: tAll('validation.choose') });
    if (!file) return setErrors({ file: tAll('validation.fileMissing') });
    if (file.size === 0) return setErrors({ file: tAll('validation.fileEmpty') });
    if (file.size > maxMb * 1024 * 1024) return setErrors({ file: t('tooLarge', { mb: maxMb }) });
    setErrors({});
    setPending(true);
    try {
      const body = new FormData(form);
      const response = await fetch(`/api/tasks/${taskId}/attachments`, { method: 'POST', body });
      if (response.ok) {
        form.reset();
        setKind(kinds[0] ?? '');
        setDone(file.name);
        router.refresh();
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as UploadAnswer;
      const fe = answer.fieldErrors ?? {};
      setErrors({ kind: fe.kind, file: fe.file ?? fe.progressReportId ?? (fe.kind ? undefined : (answer.error ?? t('failed'))) });
    } catch {
      setErrors({ file: t('failed') });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="upload-form">
      <p className="text-sm font-medium text-slate-800">{t('title')}</p>
      <div className="space-y-3">
        <Field label={t('kind')} name="kind" error={errors.kind}>
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value)} error={errors.kind} data-testid="upload-kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {tAll(`attachments.kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {kind === 'PROGRESS_REPORT' && reports.length > 0 && (
          <Field label={t('report')} name="progressReportId">
            <Select name="progressReportId" defaultValue="" data-testid="upload-report">
              <option value="">{t('noReport')}</option>
              {reports.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor="upload-file" className="block text-sm font-medium text-slate-700">
          {t('file')}
        </label>
        <input
          ref={fileRef}
          id="upload-file"
          name="file"
          type="file"
          accept={ACCEPTED_FILES}
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={errors.file ? 'upload-file-error' : 'upload-file-hint'}
          className={inputClass(Boolean(errors.file))}
          data-testid="upload-file"
          onChange={() => {
            setErrors((e) => ({ ...e, file: undefined }));
            setDone(null);
          }}
        />
        {errors.file ? (
          <p className="text-xs text-red-700" id="upload-file-error" role="alert" data-field-error="file" data-testid="upload-error">
            {errors.file}
          </p>
        ) : (
          <p className="text-xs text-slate-500" id="upload-file-hint">
            {t('hint', { mb: maxMb })}
          </p>
        )}
      </div>
      {done && (
        <Alert tone="success">
          <span data-testid="upload-done">{t('done', { name: done })}</span>
        </Alert>
      )}
      <Button type="submit" disabled={pending} data-testid="upload-submit">
        {pending ? t('uploading') : t('submit')}
      </Button>
    </form>
  );
}
