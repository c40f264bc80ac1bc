// Every core serves requests: one Node process per core (WEB_CONCURRENCY, default the number of cores the machine
// gives this process), all listening on one port through Node's cluster module, each running Next's standalone
// server (the file named by the first argument, default ./server.js beside this one: the Dockerfile copies it
// there). A process that dies is replaced; SIGTERM/SIGINT stops them all. The app keeps no state in a process
// (sessions, rate limits, jobs and files are in PostgreSQL and the store), so any process may answer any request.
// Plain CommonJS with no dependency: it runs as is in the container image, where only the standalone output is.
const cluster = require('node:cluster');
const os = require('node:os');
const path = require('node:path');

const server = path.resolve(process.argv[2] ?? path.join(__dirname, 'server.js'));
const wanted = Number(process.env.WEB_CONCURRENCY);
const count = Number.isInteger(wanted) && wanted > 0 ? wanted : os.availableParallelism();

if (count === 1) {
  require(server);
} else if (cluster.isPrimary) {
  let stopping = false;
  cluster.setupPrimary({ exec: server });
  const fork = () => cluster.fork();
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(
      JSON.stringify({ level: 'error', msg: 'server process exited, starting another', pid: worker.process.pid, code, signal }),
    );
    setTimeout(fork, 1000);
  });
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  console.log(JSON.stringify({ level: 'info', msg: 'server processes started', count, pid: process.pid }));
}
