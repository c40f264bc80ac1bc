// Server action bodies: the proxy's check (lib/server/action-body.ts) on bodies as React's encodeReply writes them, and the
// language switch's own check of its argument.
import { describe, expect, it } from 'vitest';
import { checkMultipartReply, checkReplyModel } from '@/lib/server/action-body';

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe('server action bodies', () => {
  it('takes a plain JSON argument, and refuses a reference to a part a text body cannot have', () => {
    expect(checkReplyModel('[{"userId":"u1","active":true}]')).toBe('ok');
    expect(checkReplyModel('["$1"]')).toBe('malformed');
    expect(checkReplyModel('["$K1"]')).toBe('malformed');
  });

  it("takes a form's FormData (the language switch): its fields are the parts named after it", () => {
    expect(
      checkMultipartReply(
        form([
          ['0', '["$K1"]'],
          ['_1_locale', 'en'],
        ]),
      ),
    ).toBe('ok');
    expect(checkMultipartReply(form([['0', '["$K1"]']]))).toBe('ok');
    // A field whose own name ends in a number is still the form's value, not a model to parse.
    expect(
      checkMultipartReply(
        form([
          ['0', '["$K1"]'],
          ['_1_items_0', 'not json'],
        ]),
      ),
    ).toBe('ok');
  });

  it('refuses a multipart model that names a part the body does not hold', () => {
    expect(
      checkMultipartReply(
        form([
          ['0', '["$Q2"]'],
          ['_1_locale', 'en'],
        ]),
      ),
    ).toBe('malformed');
    expect(checkMultipartReply(form([['0', '["$1"]']]))).toBe('malformed');
  });
});

describe('the language switch action', () => {
  it('takes only a form: any other argument posted to it directly changes nothing and throws nothing', async () => {
    const { setLocaleAction } = await import('@/lib/i18n/actions');
    for (const argument of [['en'], [], {}, 'en', null]) await expect(setLocaleAction(argument)).resolves.toBeUndefined();
  });
});
