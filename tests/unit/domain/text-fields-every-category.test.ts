import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiContract, API_METHODS } from '../../../domain/api/contract';

/**
 * Must-have 4 of issue 8: every Unicode general category goes through every text field of the
 * API. The contract's schemas are walked to find each text field (a string, or a pipe that
 * starts from a string); each gets characters of every category. Whatever a field accepts must
 * come out in the one normalised form (NFC, no tabs, no controls, no format, private-use,
 * unassigned or surrogate code points), and whatever it refuses must be refused with a message
 * that does not itself carry an invisible character.
 */

const CATEGORIES = [
  'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Pc', 'Pd', 'Ps', 'Pe',
  'Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs', 'Co', 'Cn',
] as const; // prettier-ignore

/** Up to `perCategory` code points of each category, spread over the whole code space. */
function samplesByCategory(perCategory: number): Map<string, number[]> {
  const all = new Map<string, number[]>(CATEGORIES.map((c) => [c, []]));
  const tests = CATEGORIES.map((c) => [c, new RegExp(`^\\p{gc=${c}}$`, 'u')] as const);
  for (let cp = 0; cp <= 0x10ffff; cp += 1) {
    // Stride through the big uniform ranges (CJK, planes of unassigned/private use).
    if (cp > 0x3000 && cp % 7 !== 0 && cp !== 0xfeff && cp !== 0xfffd) continue;
    const ch = String.fromCodePoint(cp);
    const hit = tests.find(([, re]) => re.test(ch));
    if (hit) all.get(hit[0])!.push(cp);
  }
  // The characters the issue names, whatever their category.
  const named = [
    0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x00ad, 0x3164, 0x2800, 0x180e, 0x180b, 0xe0041,
    0xe000, 0xfdd0, 0xffff, 0xfeff, 0x202e, 0x2066, 0x0009, 0x000d, 0xfffd,
  ];
  const out = new Map<string, number[]>();
  for (const [cat, cps] of all) {
    const step = Math.max(1, Math.floor(cps.length / perCategory));
    out.set(
      cat,
      cps.filter((_, i) => i % step === 0),
    );
  }
  out.set('named', named);
  return out;
}

interface Leaf {
  readonly path: string;
  readonly schema: z.ZodType;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

function startsFromString(s: unknown): boolean {
  const def = defOf(s);
  if (def.type === 'string') return true;
  if (def.type === 'pipe') return startsFromString(def.in);
  if (['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type)) {
    return startsFromString(def.innerType);
  }
  return false;
}

/** Every text field reachable in a schema, by path. */
function textLeaves(schema: unknown, path: string, out: Leaf[]): void {
  const def = defOf(schema);
  if (startsFromString(schema)) {
    out.push({ path, schema: schema as z.ZodType });
    return;
  }
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        textLeaves(v, `${path}.${k}`, out);
      }
      return;
    case 'pipe':
      textLeaves(def.in, path, out);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      textLeaves(def.innerType, path, out);
      return;
    case 'array':
      textLeaves(def.element, `${path}[]`, out);
      return;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => textLeaves(o, `${path}|${i}`, out));
      return;
    case 'record':
      textLeaves(def.valueType, `${path}{}`, out);
      return;
    default:
      return;
  }
}

// What a stored string may never contain. LF is allowed (long text keeps line breaks); the
// script-needed joiners and selectors are tested separately, next to Mongolian and Tibetan.
const FORBIDDEN_IN_OUTPUT = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u2800\u3164\uFFA0]/u;
const forbiddenIn = (s: string) => FORBIDDEN_IN_OUTPUT.test(s.replace(/\n/gu, ''));

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach((v) => stringsIn(v, out));
  }
  return out;
}

// A bare string inside an object whose own transform cleans it (the phone of phoneOrNoneField)
// is checked through that object: see the phone case below.
const CLEANED_BY_PARENT = /\.phone\.phone$|\.phone$/u;

describe('every Unicode general category through every text field of the API', () => {
  const leaves: Leaf[] = [];
  for (const method of API_METHODS) textLeaves(apiContract[method].input, method, leaves);
  const samples = samplesByCategory(24);

  it('finds the text fields of the contract', () => {
    expect(leaves.length).toBeGreaterThan(60);
    expect(leaves.some((l) => l.path.startsWith('cases.create.parties[]'))).toBe(true);
    expect(leaves.some((l) => l.path.endsWith('.summary'))).toBe(true);
  });

  for (const [category, cps] of samples) {
    it(`${category}: accepted text is normalised, refused text is named not quoted`, () => {
      const problems: string[] = [];
      for (const leaf of leaves) {
        for (const cp of cps) {
          const ch = String.fromCodePoint(cp);
          for (const input of [`王${ch}芳`, ch, `${ch}芳\t${ch}`]) {
            const result = leaf.schema.safeParse(input);
            if (result.success) {
              if (CLEANED_BY_PARENT.test(leaf.path) && defOf(leaf.schema).type === 'string') {
                continue;
              }
              const bad = stringsIn(result.data).find(
                (s) => forbiddenIn(s) || s !== s.normalize('NFC') || s.includes('\t'),
              );
              if (bad !== undefined) {
                problems.push(`${leaf.path} kept U+${cp.toString(16)} in ${JSON.stringify(bad)}`);
              }
            } else {
              for (const issue of result.error.issues) {
                if (forbiddenIn(issue.message)) {
                  problems.push(`${leaf.path} quoted U+${cp.toString(16)} in its message`);
                }
              }
            }
          }
          if (problems.length > 5) break;
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }

  it('the phone of a party is cleaned by its field', () => {
    const phone = apiContract['cases.findDuplicateParties'].input;
    const parsed = phone.safeParse({ phone: '138\u200B0000\u20601234' });
    if (parsed.success) expect(stringsIn(parsed.data).some(forbiddenIn)).toBe(false);
  });
});
