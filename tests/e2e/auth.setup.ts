// The setup project: each account the specs use logs in through the form once, and its browser state is stored
// (tests/e2e/.auth/<email>.json) for the tests that only need to be logged in (helpers.ts: useSession, signIn;
// lifecycle-helpers.ts: Actors). The login form itself keeps its own tests (foundation, hardening). The pages met
// on the way (the login page, each role's home) are watched like any test's: CSP and accessibility.
import { test } from './test';
import { DEMO, storeSession } from './helpers';
import { COUNCIL_OF_FIVE, ORG_USERS } from './lifecycle-helpers';

const ACCOUNTS = [...new Set<string>([...Object.values(DEMO), ...Object.values(ORG_USERS), ...COUNCIL_OF_FIVE.map((s) => s.email)])];

for (const email of ACCOUNTS) {
  test(`log in ${email} and store the session`, async ({ context }) => {
    await storeSession(context, email);
  });
}
