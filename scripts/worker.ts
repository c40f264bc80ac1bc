// `npm run worker`: the background worker (deadline reminders, e-mail delivery). Run any number of them beside the
// app instances, on the same DATABASE_URL. Stops cleanly on SIGTERM/SIGINT (a job under way finishes).
// Run with the react-server condition so that the services' `server-only` guard resolves as on the server.
import { startWorker } from '../lib/jobs/worker';

const log = (level: 'info' | 'error', message: string, fields: Record<string, unknown> = {}) =>
  (level === 'error' ? console.error : console.log)(
    JSON.stringify({ time: new Date().toISOString(), level, msg: message, service: 'worker', ...fields }),
  );

const worker = await startWorker({ log });
log('info', 'worker started');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  log('info', 'worker stopped');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
