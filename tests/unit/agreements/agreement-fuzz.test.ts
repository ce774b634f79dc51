import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, PdfFile } from '../../../domain/agreements/agreement-views.js';
import { agreementsContract } from '../../../domain/api/agreements-contract.js';
import {
  content,
  draftWith,
  generated,
  mediatingCase,
  rowCounts,
  type MediatingCase,
} from './agreement-fixtures.js';
import { pdfText } from './pdf-tools.js';

let m: MediatingCase;
let draft: Agreement;
let gen: Agreement;

beforeAll(async () => {
  m = await mediatingCase();
  gen = await generated(m);
  await m.l.call('agreements.void', {
    agreementId: gen.id,
    expectedVersion: gen.version,
    reason: '用于模糊测试',
  });
  draft = await draftWith(m);
});
afterAll(() => m.l.close());

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(-1),
  fc.constant(1e13),
  fc.constant(1.5),
  fc.constant('1'),
  fc.constant('<script>alert(1)</script>'),
  fc.constant({}),
  fc.constant([]),
  fc.string(),
  fc.integer(),
);

describe('bad input for every agreement method: BAD_INPUT or a proper answer, never INTERNAL', () => {
  const methods = Object.keys(agreementsContract);

  it('random junk as input changes nothing', async () => {
    const before = rowCounts(m);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), junk, async (method, input) => {
        const res = await m.l.raw(method, input);
        if (!res.ok) expect(res.error.code).not.toBe('INTERNAL');
        // Only a read ({} for the holiday calendar) may pass; the row counts prove no write.
      }),
      { numRuns: 200 },
    );
    expect(rowCounts(m)).toEqual(before);
  });

  it('junk in each content field of updateDraft is refused field by field', async () => {
    const fields = Object.keys(content(m));
    const before = rowCounts(m);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), junk, async (field, value) => {
        const res = await m.l.raw('agreements.updateDraft', {
          agreementId: draft.id,
          expectedVersion: draft.version,
          content: content(m, { [field]: value }),
        });
        if (!res.ok) expect(res.error.code).not.toBe('INTERNAL');
        if (res.ok) draft = res.value as Agreement;
      }),
      { numRuns: 150 },
    );
    // Any accepted change went through the versioned path; counts of rows stay the same.
    expect(rowCounts(m).agreement).toBe(before.agreement);
  });

  it.each([
    ['negative amount', { amountFen: -100 }],
    ['NaN amount', { amountFen: Number.NaN }],
    ['amount above 10^12 fen', { amountFen: 1e12 + 1 }],
    ['fractional fen', { amountFen: 10.5 }],
    [
      '51 terms',
      { terms: Array.from({ length: 51 }, (_, i) => ({ kind: 'TEXT', text: `第${i}条` })) },
    ],
    ['21 parties', { partyIds: Array.from({ length: 21 }, (_, i) => i + 1) }],
    ['facts over 20 000 characters', { facts: '字'.repeat(100_000) }],
    ['control characters', { facts: 'a\u0000b' }],
    [
      'obligor = obligee',
      {
        terms: [
          {
            kind: 'OBLIGATION',
            obligation: { kind: 'APOLOGY', obligorPartyId: 1, obligeePartyId: 1 },
          },
        ],
      },
    ],
    [
      'instalments not summing up',
      {
        terms: [
          {
            kind: 'OBLIGATION',
            obligation: {
              kind: 'MONEY',
              obligorPartyId: 2,
              obligeePartyId: 1,
              amountFen: 1000,
              instalments: [{ dueDate: '2026-04-01', amountFen: 400 }],
            },
          },
        ],
      },
    ],
    ['a party of another case', { partyIds: [1, 999] }],
    ['unknown key', { surprise: true }],
  ])('%s → BAD_INPUT, nothing written', async (_name, overrides) => {
    const before = rowCounts(m);
    const res = await m.l.raw('agreements.updateDraft', {
      agreementId: draft.id,
      expectedVersion: draft.version,
      content: content(m, overrides),
    });
    expect(res.ok ? null : res.error.code).toBe('BAD_INPUT');
    expect(rowCounts(m)).toEqual(before);
  });

  it('50 terms, 20-character-rich facts and template syntax are stored and printed literally', async () => {
    const m2 = await mediatingCase();
    try {
      const literal = '{{party.name}} ${process.env.HOME} <script>alert(1)</script> %PDF';
      const a = await generated(m2, {
        facts: `${literal}\n${'草场争议。'.repeat(2000)}`,
        terms: Array.from({ length: 50 }, (_, i) => ({
          kind: 'TEXT',
          text: i === 0 ? literal : `第${i + 1}条约定。`,
        })),
      });
      expect(a.content?.facts.startsWith(literal)).toBe(true);
      const pdf = await m2.l.call<PdfFile>('agreements.pdf', { agreementId: a.id });
      const text = pdfText(Buffer.from(pdf.pdfBase64, 'base64'));
      expect(text).toContain('{{party.name}}');
      expect(text).toContain('${process.env.HOME}');
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('第50条约定。');
    } finally {
      m2.l.close();
    }
  }, 30_000);

  it('signature dates in the future or before the agreement date are refused', async () => {
    const m3 = await mediatingCase();
    try {
      const a = await generated(m3);
      const before = rowCounts(m3);
      for (const date of ['2026-03-11', '2026-03-09', '2026-02-30', 'x']) {
        const res = await m3.l.raw('agreements.recordSignatures', {
          agreementId: a.id,
          expectedVersion: a.version,
          signatures: { parties: [], mediatorDate: date, recorderDate: null, sealDate: null },
        });
        expect(res.ok ? null : res.error.code).toBe('BAD_INPUT');
      }
      expect(rowCounts(m3)).toEqual(before);
    } finally {
      m3.l.close();
    }
  });
});
