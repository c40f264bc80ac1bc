'use client';
import './globals.css';

// The last resort, when even the root layout failed: no message catalog is loaded here, so it speaks both
// languages, Vietnamese first.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="vi">
      <body className="min-h-screen">
        <main className="mx-auto mt-16 max-w-lg rounded-lg border border-amber-300 bg-white p-8 text-center shadow-sm" role="alert">
          <h1 className="text-xl font-semibold" data-testid="error-page">
            Hệ thống tạm thời gián đoạn
          </h1>
          <p className="mt-2 text-sm text-slate-700">Vui lòng thử lại sau ít giây.</p>
          <p className="mt-4 text-sm text-slate-600" lang="en">
            The service is briefly unavailable. Please try again in a few seconds.
          </p>
          {error.digest && <p className="mt-2 font-mono text-xs text-slate-600">{error.digest}</p>}
          <button
            type="button"
            onClick={retry}
            className="mt-6 rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Thử lại · Try again
          </button>
        </main>
      </body>
    </html>
  );
}
