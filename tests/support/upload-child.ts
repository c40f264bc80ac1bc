// One upload through the real service, in a process of its own, for tests/integration/attachment-durability.test.ts:
// the test starts it (`node --import tsx --conditions=react-server`, as `npm run worker` runs) with DATABASE_URL, the store's settings and
// KHCN_TEST_PAUSE_AT, and kills it where it pauses (lib/server/crash-point.ts). Argument: the upload as JSON, the
// bytes in base64. Prints `done <attachment as JSON>` when the upload went through.
import type { Actor } from '@/lib/server/actor';
import { uploadAttachment } from '@/lib/attachments/service';

const input = JSON.parse(process.argv[2]) as { actor: Actor; taskId: string; kind: string; fileName: string; bytes: string };
const attachment = await uploadAttachment(input.actor, { ...input, bytes: Buffer.from(input.bytes, 'base64') });
process.stdout.write(`done ${JSON.stringify(attachment)}\n`);
// The database pool would keep the process alive.
process.exit(0);
