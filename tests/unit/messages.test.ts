import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadMessageFiles, loadMessages, MESSAGE_FILES } from '@/lib/i18n/catalog';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@/lib/audit/kinds';
import { TASK_ACTIONS } from '@/lib/domain/workflow';
import { ORGANIZATION_KINDS, SCIENCE_FIELDS, TASK_STATUSES, TASK_TYPES } from '@/lib/domain/task-status';
import { POSITIONS } from '@/lib/domain/council-rules';
import { NEEDS_STATUSES } from '@/lib/domain/needs-workflow';
import { LISTED_STATUSES, ORDER_LIST_STATUSES } from '@/lib/domain/listed-task-workflow';
import { ATTACHMENT_KINDS } from '@/lib/domain/attachment-rules';

const vi = await loadMessages('vi');
const en = await loadMessages('en');

type Catalog = { [key: string]: unknown };

/** Every leaf of a nested catalog as `dotted.path → value`. */
function leaves(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [p, v] of leaves(value as Catalog, path)) out.set(p, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const COMPLEX_TYPES = new Set(['plural', 'select', 'selectordinal']);

/**
 * The argument names of an ICU message: `{name}`, `{n, number}`, `{count, plural, ...}` (including
 * arguments nested inside plural/select branches). Follows ICU apostrophe quoting; throws on malformed syntax.
 */
function icuArguments(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;

  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i])) i++;
  };
  const word = () => {
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i])) i++;
    if (i === start) fail('expected a name');
    return message.slice(start, i);
  };

  // Text up to (not including) an unmatched `}` or the end; `inBranch` makes `#` special for quoting.
  const text = (inBranch: boolean) => {
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") i += 2;
        else if (next === '{' || next === '}' || (inBranch && next === '#')) {
          // Quoted literal: runs to the next lone apostrophe ('' inside stays a literal apostrophe).
          i += 2;
          while (i < message.length) {
            if (message[i] === "'" && message[i + 1] === "'") i += 2;
            else if (message[i] === "'") break;
            else i++;
          }
          if (i >= message.length) fail('unterminated quote');
          i++;
        } else i++;
      } else if (c === '{') argument();
      else if (c === '}') return;
      else i++;
    }
  };

  const argument = () => {
    i++; // {
    skipSpace();
    names.add(word());
    skipSpace();
    if (message[i] === '}') {
      i++;
      return;
    }
    if (message[i] !== ',') fail('expected "," or "}"');
    i++;
    skipSpace();
    const type = word();
    skipSpace();
    if (message[i] === '}') {
      i++;
      return;
    }
    if (message[i] !== ',') fail('expected "," or "}"');
    i++;
    if (COMPLEX_TYPES.has(type)) {
      let branches = 0;
      for (;;) {
        skipSpace();
        if (message[i] === '}') break;
        if (i >= message.length) fail('unterminated argument');
        const selector = word();
        skipSpace();
        if (selector.startsWith('offset:')) continue;
        if (message[i] !== '{') fail(`expected "{" after selector ${selector}`);
        i++;
        text(true);
        if (message[i] !== '}') fail('unterminated branch');
        i++;
        branches++;
      }
      if (branches === 0) fail('no branches');
      i++;
    } else {
      // Simple argument style (number/date/time skeletons): skip to the matching brace.
      let depth = 1;
      while (i < message.length && depth > 0) {
        if (message[i] === '{') depth++;
        else if (message[i] === '}') depth--;
        i++;
      }
      if (depth > 0) fail('unterminated argument');
    }
  };

  text(false);
  if (i < message.length) fail('unmatched "}"');
  return names;
}

// Vietnamese letters with diacritics (lower case; compared case-insensitively after NFC normalisation).
const VIETNAMESE_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

const viLeaves = leaves(vi as Catalog);
const enLeaves = leaves(en as Catalog);
const sorted = (s: Iterable<string>) => [...s].sort();

describe('icuArguments', () => {
  it('finds simple, plural and nested arguments and ignores # and quoted text', () => {
    expect(sorted(icuArguments('Trang {page}/{pages} · {total} bản ghi'))).toEqual(['page', 'pages', 'total']);
    expect(sorted(icuArguments('{count, plural, =0 {None} one {# item for {name}} other {# items}}'))).toEqual(['count', 'name']);
    expect(sorted(icuArguments("It's '{literal}' {n, number}"))).toEqual(['n']);
    expect(() => icuArguments('{count, plural, other {#}')).toThrow();
  });
});

describe('message catalogs (vi ↔ en)', () => {
  it('have exactly the same leaf key paths', () => {
    const missingInEn = sorted([...viLeaves.keys()].filter((k) => !enLeaves.has(k)));
    const extraInEn = sorted([...enLeaves.keys()].filter((k) => !viLeaves.has(k)));
    expect(
      { missingInEn, extraInEn },
      `en.json is missing ${JSON.stringify(missingInEn)} and has extra ${JSON.stringify(extraInEn)}`,
    ).toEqual({
      missingInEn: [],
      extraInEn: [],
    });
  });

  it('have only non-empty string leaves', () => {
    const bad = [...viLeaves, ...enLeaves].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad, `non-string or empty leaves: ${bad.join(', ')}`).toEqual([]);
  });

  it('use the same ICU placeholder names in every message', () => {
    const mismatches: string[] = [];
    for (const [path, viValue] of viLeaves) {
      const enValue = enLeaves.get(path);
      if (typeof viValue !== 'string' || typeof enValue !== 'string') continue;
      const viArgs = sorted(icuArguments(viValue));
      const enArgs = sorted(icuArguments(enValue));
      if (viArgs.join(',') !== enArgs.join(',')) mismatches.push(`${path}: vi {${viArgs.join(', ')}} ≠ en {${enArgs.join(', ')}}`);
    }
    expect(mismatches, `placeholder mismatches:\n${mismatches.join('\n')}`).toEqual([]);
  });

  it('translate every Vietnamese message (no untranslated copies)', () => {
    const untranslated = [...viLeaves]
      .filter(([path, viValue]) => {
        if (typeof viValue !== 'string' || !VIETNAMESE_DIACRITIC.test(viValue.normalize('NFC'))) return false;
        const enValue = enLeaves.get(path);
        return typeof enValue === 'string' && enValue.normalize('NFC') === viValue.normalize('NFC');
      })
      .map(([path, value]) => `${path}: ${JSON.stringify(value)}`);
    expect(untranslated, `English values copied from Vietnamese:\n${untranslated.join('\n')}`).toEqual([]);
  });

  it('never put a dot in a key (next-intl reads "a.b" as a path: such a message is never found)', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const dotted: string[] = [];
      const walk = (node: unknown, at: string) => {
        if (!node || typeof node !== 'object') return;
        for (const [k, v] of Object.entries(node)) {
          if (k.includes('.')) dotted.push(`${at}${k}`);
          walk(v, `${at}${k}/`);
        }
      };
      walk(await loadMessages(locale), '');
      expect(dotted, locale).toEqual([]);
    }
  });

  it('name every audited action and record kind in both languages (the audit screen shows them)', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const messages = (await loadMessages(locale)) as { audit: { actions: Record<string, unknown>; entities: Record<string, unknown> } };
      const at = (root: Record<string, unknown>, path: string) =>
        path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), root);
      for (const action of AUDIT_ACTIONS) expect(typeof at(messages.audit.actions, action), `${locale}: ${action}`).toBe('string');
      for (const type of AUDIT_ENTITY_TYPES) expect(typeof at(messages.audit.entities, type), `${locale}: ${type}`).toBe('string');
    }
  });

  it('name every task action on the timeline and every status, in both languages', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const messages = (await loadMessages(locale)) as { timeline: { actions: Record<string, unknown> }; status: Record<string, unknown> };
      for (const action of TASK_ACTIONS) expect(typeof messages.timeline.actions[action], `${locale}: ${action}`).toBe('string');
      for (const status of TASK_STATUSES) expect(typeof messages.status[status], `${locale}: ${status}`).toBe('string');
    }
  });

  it('name every value of the enums the screens show, in both languages', async () => {
    const enums: [string, readonly string[]][] = [
      ['org.next', TASK_STATUSES],
      ['positions', POSITIONS],
      ['fields', SCIENCE_FIELDS],
      ['taskTypes', TASK_TYPES],
      ['orgKinds', ORGANIZATION_KINDS],
      ['needs.status', NEEDS_STATUSES],
      ['needs.next', NEEDS_STATUSES],
      ['lists.itemStatus', LISTED_STATUSES],
      ['lists.status', ORDER_LIST_STATUSES],
      ['attachments.kinds', ATTACHMENT_KINDS],
    ];
    for (const locale of ['vi', 'en'] as const) {
      const messages = await loadMessages(locale);
      const at = (path: string) =>
        path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), messages);
      for (const [ns, values] of enums) for (const v of values) expect(typeof at(`${ns}.${v}`), `${locale}: ${ns}.${v}`).toBe('string');
    }
  });

  it('load every catalog file there is (a file left out of MESSAGE_FILES leaves its screens showing raw keys)', () => {
    for (const locale of ['vi', 'en'] as const) {
      const onDisk = fs
        .readdirSync(path.resolve('messages', locale))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
      expect([...MESSAGE_FILES].sort(), locale).toEqual(onDisk);
    }
  });

  it('give every top-level namespace to exactly one file, the same file in both languages', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const files = await loadMessageFiles(locale);
      const owner = new Map<string, string>();
      for (const [file, catalog] of Object.entries(files)) {
        for (const ns of Object.keys(catalog)) {
          expect(owner.get(ns), `${locale}: namespace "${ns}" in ${owner.get(ns)} and ${file}`).toBeUndefined();
          owner.set(ns, file);
        }
      }
    }
    const viFiles = await loadMessageFiles('vi');
    const enFiles = await loadMessageFiles('en');
    for (const file of Object.keys(viFiles)) expect(Object.keys(enFiles[file]).sort(), file).toEqual(Object.keys(viFiles[file]).sort());
  });
});
