// `npm run worker`: the background worker (deadline reminders, e-mail delivery). Run any number of them beside the
// app instances, on the same DATABASE_URL. Stops cleanly on SIGTERM/SIGINT (a job under way finishes).
// Run with the react-server condition so that the services' `server-only` guard resolves as on the server.
import { startWorker, type WorkerLog } from '../lib/jobs/worker';
import { logger } from '../lib/server/log';

// The app's JSON logger (LOG_LEVEL), each line marked as the worker's; a job's lines carry its id and queue.
const workerLogger = logger.child({ service: 'worker' });
const log: WorkerLog = (level, message, fields = {}) => workerLogger[level](fields, message);

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
