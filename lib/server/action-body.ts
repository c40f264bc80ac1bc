// The body of a server action request, checked before Next.js decodes it. Next answers a body it cannot decode
// (not JSON, a reference to a part that does not exist such as "$1", nesting thousands deep) or one over its
// 1 MB limit with a bare HTTP 500; the proxy answers them first with 400 and 413 and a message. Pure (the
// proxy runs it), and deliberately strict: the app's actions take plain JSON-like values.

/** Next's own limit for a server action body (serverActions.bodySizeLimit, default 1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 64;

// React's reply encoding of single values, the only "$" strings a text body may hold: an escaped "$…" string,
// undefined, NaN, ±Infinity, -0, a Date, a BigInt. Anything else ("$1", "$Q2", "$@3", "$F…") points at a part
// of a multipart body, and a text body has none.
const SCALAR = /^\$(?:\$.*|undefined|NaN|Infinity|-Infinity|-0|D\d{4,6}-\d{2}-\d{2}T[\d:.]+Z|n-?\d{1,400})$/s;
// In a multipart body: "$<tag><hex id>" naming another part of the same body.
const PART_REFERENCE = /^\$[A-Za-z@]?([0-9a-f]+)$/;
// In a multipart body: "$K<hex id>", a FormData argument (a form's action), whose fields are the parts named
// "_<id>_<field>" (React's processReply); Next decodes it as such, an empty form included.
const FORM_DATA = /^\$K[0-9a-f]+$/;

// The field of a FormData argument ("_<id>_<field>"): the form's own value, never a model, whatever its name.
const FORM_FIELD = /^_\d+_/;

export type BodyCheck = 'ok' | 'malformed';

/** A reply model (the JSON React's encodeReply produced): parses, is not too deep, references only `parts`. */
export function checkReplyModel(text: string, parts: ReadonlySet<string> = new Set(), prefix = ''): BodyCheck {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (typeof v === 'string') {
      if (!v.startsWith('$') || SCALAR.test(v)) return true;
      if (parts.size > 0 && FORM_DATA.test(v)) return true;
      const ref = PART_REFERENCE.exec(v);
      return Boolean(ref && parts.has(prefix + parseInt(ref[1], 16)));
    }
    if (Array.isArray(v)) return v.every((x) => walk(x, depth + 1));
    if (v && typeof v === 'object') return Object.values(v).every((x) => walk(x, depth + 1));
    return true;
  };
  return walk(model, 0) ? 'ok' : 'malformed';
}

/** A multipart action body: every text part that holds a model (JSON) is checked against the parts present. */
export function checkMultipartReply(form: FormData): BodyCheck {
  const keys = new Set([...form.keys()]);
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION') || FORM_FIELD.test(key)) continue;
    // React names model parts by number (with an optional prefix ending in "_"); other fields are a form's own.
    const m = /^(.*_)?(\d+)$/.exec(key);
    if (!m) continue;
    if (checkReplyModel(value, keys, m[1] ?? '') === 'malformed') return 'malformed';
  }
  return 'ok';
}
