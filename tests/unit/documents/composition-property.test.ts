import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAcceptanceRegisterDocumentData } from '../../../electron/documents/acceptance-register-data.js';
import {
  buildAgreementDocumentData,
  buildRightsNoticeDocumentData,
  type DocumentPartyInput,
} from '../../../electron/documents/agreement-data.js';
import type { DocumentData } from '../../../electron/documents/document-data.js';
import { CONTENT_ROLES } from '../../../electron/documents/layout-boxes.js';
import { metricFonts } from '../../../electron/documents/document-layout.js';
import { TextMetrics } from '../../../electron/documents/text-metrics.js';
import { buildOralAgreementDocumentData } from '../../../electron/documents/oral-agreement-data.js';
import { layoutDocument, renderDocument } from '../../../electron/documents/render-document.js';
import { buildSessionRecordDocumentData } from '../../../electron/documents/session-record-data.js';
import {
  DOCUMENT_TEMPLATE_FILES,
  loadTemplateFile,
  type DocumentTemplate,
  type DocumentTemplateKind,
} from '../../../electron/documents/template-loader.js';
import {
  buildClosingReportData,
  buildMajorDisputeReportData,
  buildMediationNoticeData,
  buildRefusalNoticeData,
  buildTerminationNoticeData,
} from '../../../electron/documents/closing-papers-data.js';
import {
  FIXED_DATE,
  fonts,
  noticeTemplate,
  pdfFile,
  removePdfFiles,
  SAMPLE_AGREEMENT_INPUT,
  squash,
} from './fixtures.js';
import { overlappingLines, pdfLines, type PdfLine } from './pdf-lines.js';
import { loadMongolianFont } from '../../../electron/documents/mongolian-font.js';
import { ANNEX_MN } from './mongolian-signature-samples.js';
import { checkSignatureLabels } from './signature-label-checks.js';
import { longestLabels, trilingualAgreement } from './signature-wording-samples.js';
import {
  wordingTextProblem,
  type WordingKey,
} from '../../../domain/documents/translation-wording.js';
import { buildConfirmationApplicationData } from '../../../electron/documents/confirmation-application-data.js';
import { buildFollowUpRecordDocumentData } from '../../../electron/documents/followup-record-data.js';
import { buildCorrectionHistoryDocumentData } from '../../../electron/documents/correction-history-data.js';
import { buildVolumePagesData } from '../../../electron/documents/volume-pages-data.js';
import { buildCourtResultLetterData } from '../../../electron/documents/court-result-letter-data.js';
import { buildMediatorRegisterData } from '../../../electron/documents/mediator-register-data.js';
import {
  buildClaimSheetData,
  buildRecognitionData,
} from '../../../electron/documents/subsidy-papers-data.js';
import { CLAIM_DISCLAIMER, type ClaimLine } from '../../../domain/subsidy/claim-pack.js';
import {
  SAMPLE_FOLLOWUP,
  SAMPLE_HISTORY,
  SAMPLE_ORAL,
  SAMPLE_SESSION,
  SAMPLE_VOLUME,
  TEMPLATE_CASES,
} from './samples.js';

afterAll(removePdfFiles);

/**
 * Property test of the composition rules (issue 7): for 1–30 parties with agents, interpreters,
 * mediators and text lengths from 0 to the ledger's maximum, every rendered page
 * - holds text of the document, or says “本页无正文” (never only signatures, a seal or a date);
 * - has no two lines on top of each other and nothing outside the type area;
 * - keeps each date on one line;
 * - says “（以下无正文）” only where its text does not go on overleaf;
 * and a compact signature table continued on a page repeats its header there.
 */

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const SURNAMES = [...'马李韩冶祁沈喇赵杨白何王张刘陈'];
const GIVEN = ['福祥', '永贵', '学明', '秀英', '成林', '德胜', '海龙', '占山', '国华', '光辉'];
const SENTENCE =
  '经查，双方于2026年3月口头约定由被申请人承包施工，工程完工后申请人以质量问题为由拒付尾款人民币贰万元整（¥20,000.00），双方多次协商未果。';

const textOf = (length: number) =>
  SENTENCE.repeat(Math.ceil(length / SENTENCE.length) + 1).slice(0, length);
const lengthArb = (max: number) =>
  fc.oneof(fc.constantFrom(0, 1, 60, 600, max), fc.integer({ min: 0, max }));

function party(i: number): DocumentPartyInput {
  const base = SAMPLE_AGREEMENT_INPUT.parties[0] as DocumentPartyInput;
  const name = `${SURNAMES[i % SURNAMES.length] ?? ''}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? ''}`;
  return { ...base, name };
}

const margins = (template: DocumentTemplate) => template.file.page.marginsMm;

/**
 * A table's header row on a page: every cell's text on one baseline, left to right. Read from
 * the word boxes, not from pdftotext's layout text, which interleaves a row with a line of
 * Tibetan beside it.
 */
function hasRow(lines: readonly PdfLine[], page: number, cells: readonly string[]): boolean {
  // The header's cells are Chinese; a Tibetan label line's box (ActualText) is reported with no
  // width and not where it is drawn, and may fall on the header's baseline.
  const onPage = lines.filter((l) => l.page === page && !/[\u0f00-\u0fff]/u.test(l.text));
  return onPage.some((first) => {
    const row = onPage
      .filter((l) => Math.abs(l.yMin - first.yMin) < 3)
      .sort((x, y) => x.xMin - y.xMin)
      .map((l) => squash(l.text))
      .join('');
    return row.includes(cells.join(''));
  });
}

function checkPages(
  template: DocumentTemplate,
  data: DocumentData,
  pdf: Buffer,
  dates: readonly string[],
  documentFonts: Parameters<typeof layoutDocument>[2] = fonts(),
): void {
  const file = pdfFile(pdf);
  const count = file.pages();
  const lines = pdfLines(file.bbox());
  const layout = layoutDocument(template, data, documentFonts);
  expect(count).toBe(layout.pages.length);
  expect(overlappingLines(lines)).toEqual([]);
  const m = margins(template);
  const top = m.top * MM;
  const bottom = PAGE.height - m.bottom * MM;
  const isFooter = (l: PdfLine) => l.yMin > bottom;
  for (const line of lines) {
    expect(line.xMin, line.text).toBeGreaterThan(m.left * MM - 1);
    expect(line.xMax, line.text).toBeLessThan(PAGE.width - m.right * MM + 2);
    if (isFooter(line)) {
      expect(line.yMax, line.text).toBeLessThan(PAGE.height);
      expect(line.text).toMatch(/^(第\d+页共\d+页|校验码)/);
    } else {
      expect(line.yMin, line.text).toBeGreaterThan(top - 14);
      expect(line.yMax, line.text).toBeLessThan(bottom + 4);
    }
  }
  for (let page = 1; page <= count; page += 1) {
    const text = squash(file.pageText(page));
    const laid = layout.pages[page - 1];
    const hasText = laid?.boxes.some((b) => CONTENT_ROLES.has(b.box.role)) ?? false;
    // The rendered page says 本页无正文 exactly when the layout put no text of the document on it.
    expect(text.includes('本页无正文'), `第${page}页`).toBe(!hasText);
    expect(text).toContain(`第${page}页共${count}页`);
    // “（以下无正文）” closes the text: the page after it holds no more of that text (it holds
    // signatures under 本页无正文, or opens a new part: a 附页 or a translation).
    if (text.includes('以下无正文') && page < count) {
      const next = squash(file.pageText(page + 1));
      const opensPart = layout.pages[page]?.opensPart === true;
      expect(
        next.includes('本页无正文') || opensPart,
        `第${page}页“以下无正文”，正文在下一页继续`,
      ).toBe(true);
    }
    // Rows of a compact signature table (they carry their header) need it on their page.
    const compactRows = laid?.boxes.some(
      (b) => b.box.role === 'signature' && b.box.repeatHeader !== undefined,
    );
    if (compactRows) {
      expect(hasRow(lines, page, ['序号', '姓名', '签名或按指印', '日期']), `第${page}页表头`).toBe(
        true,
      );
    }
    // Rows of a data table (the obligees of a group obligation) carry their header too.
    const tableRows = laid?.boxes.some(
      (b) => b.box.role === 'body' && b.box.repeatHeader !== undefined,
    );
    if (tableRows && template.file.id === 'people-mediation-agreement') {
      expect(
        hasRow(lines, page, ['序号', '姓名', '金额（大写／小写）', '期限', '方式']),
        `第${page}页表头`,
      ).toBe(true);
    }
  }
  const body = lines.filter((l) => !isFooter(l)).map((l) => squash(l.text));
  for (const date of dates) {
    const all = squash(file.text());
    if (all.includes(date))
      expect(
        body.some((l) => l.includes(date)),
        date,
      ).toBe(true);
  }
}

const TIBETAN_SENTENCE = 'གཉིས་ཕྱོགས་ཀྱིས་གྲོས་མཐུན་བྱུང་། ལས་ཀའི་གླ་ཆ་དུས་ཐོག་སྤྲོད་དགོས། ';
const RUNS = Number(process.env.PROPERTY_RUNS ?? 6);
const render = (template: DocumentTemplate, data: DocumentData) =>
  renderDocument(template, data, {
    creationDate: FIXED_DATE,
    fonts: fonts(),
    allowMissingGlyphs: true,
  });
const templateOf = (kind: string) => {
  if (kind === 'RIGHTS_NOTICE') return noticeTemplate();
  const c = TEMPLATE_CASES.find((t) => t.kind === kind);
  if (!c) throw new Error(kind);
  return c.template();
};

/** A long correction history: `saves` saves over the parties, one a long summary rewritten. */
function longHistory(names: readonly string[], saves: number, length: number): DocumentData {
  const sets = Array.from({ length: saves }, (_, i) => ({
    ...SAMPLE_HISTORY.history[i % 2]!,
    id: i + 1,
    subject: `当事人 ${names[i % names.length] ?? ''}`,
    fields:
      i === 1
        ? [
            {
              field: 'summary',
              label: '纠纷简要情况',
              oldText: textOf(length),
              newText: textOf(Math.floor(length / 2)),
            },
          ]
        : SAMPLE_HISTORY.history[i % 2]!.fields,
  }));
  return buildCorrectionHistoryDocumentData({ ...SAMPLE_HISTORY, history: sets });
}

describe('composition rules on rendered pages (property)', () => {
  it('correction record: 300 saves and a 5,000-character summary break across pages', async () => {
    const template = templateOf('CORRECTION_HISTORY');
    const names = Array.from({ length: 30 }, (_, i) => party(i).name);
    const data = longHistory(names, 300, 5_000);
    const pdf = await render(template, data);
    checkPages(template, data, pdf, ['2026年11月20日']);
    expect(pdfFile(pdf).pages()).toBeGreaterThan(10);
  }, 300_000);

  it('correction record: a masked ID number is one token, never split across lines', async () => {
    // One ID correction per save; the subject's name grows a character per save, so the masked
    // numbers fall at every column of the line, also where a break between two * would fit.
    const idSet = SAMPLE_HISTORY.history.find((h) => h.fields.some((f) => f.field === 'idNumber'))!;
    const saves = 40;
    const sets = Array.from({ length: saves }, (_, i) => ({
      ...idSet,
      id: i + 1,
      subject: `当事人 ${'扎'.repeat(1 + i)}`,
      confirmations: [],
      fields: idSet.fields.filter((f) => f.field === 'idNumber'),
    }));
    const template = templateOf('CORRECTION_HISTORY');
    const data = buildCorrectionHistoryDocumentData({ ...SAMPLE_HISTORY, history: sets });
    const pdf = await render(template, data);
    checkPages(template, data, pdf, []);
    const lines = pdfLines(pdfFile(pdf).bbox()).map((l) => squash(l.text));
    for (const masked of ['632801********0012', '632801********0039']) {
      const whole = lines.reduce((n, l) => n + l.split(masked).length - 1, 0);
      expect(whole, `${masked}: ${lines.filter((l) => l.includes('*')).join(' / ')}`).toBe(saves);
    }
  }, 120_000);

  it('written agreement', async () => {
    const template = templateOf('AGREEMENT');
    await fc.assert(
      fc.asyncProperty(
        // An agreement has at least two parties (the data builder refuses one).
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        lengthArb(20_000),
        fc.integer({ min: 1, max: 6 }),
        // A group money obligation: party 1 owes up to 20 others, each with own instalments.
        fc.integer({ min: 0, max: 3 }),
        // A Tibetan translation page (0: none), of 1–600 repetitions of a sentence.
        fc.integer({ min: 0, max: 600 }),
        async (n, agents, interpreter, mediators, factsLength, terms, instalments, tibetan) => {
          const parties = Array.from({ length: n }, (_, i) => party(i));
          const obligees = parties.slice(1, 21);
          const group = {
            kind: 'MONEY' as const,
            obligor: parties[0]?.name ?? '',
            obligee: '',
            description: '劳务报酬',
            amountFen: obligees.length * 1_234_500,
            dueDate: '2026-12-31',
            method: '银行转账',
            shares: obligees.map((p) => ({
              name: p.name,
              amountFen: 1_234_500,
              instalments:
                instalments === 0
                  ? undefined
                  : Array.from({ length: instalments }, (_, k) => ({
                      dueDate: `2027-0${k + 1}-15`,
                      amountFen:
                        k === instalments - 1
                          ? 1_234_500 - (instalments - 1) * Math.floor(1_234_500 / instalments)
                          : Math.floor(1_234_500 / instalments),
                    })),
            })),
          };
          const data = buildAgreementDocumentData({
            ...SAMPLE_AGREEMENT_INPUT,
            parties,
            agents: Array.from({ length: Math.min(agents, n) }, (_, i) => ({
              kind: '委托代理人' as const,
              name: `代理人${i + 1}`,
              principal: parties[i]?.name ?? '',
            })),
            interpreter: interpreter
              ? { name: '才让', language: '藏语', partyNames: [parties[0]?.name ?? ''] }
              : undefined,
            mediatorNames: ['李秀兰', '才让', '那仁'].slice(0, mediators),
            factsAndIssues: textOf(factsLength) || '（略）',
            terms: [
              group,
              ...Array.from({ length: terms }, (_, i) => `第${i + 1}项：${textOf(40 + i * 37)}`),
            ],
            translations:
              tibetan === 0
                ? undefined
                : [{ language: 'bo', title: '藏文译文', text: TIBETAN_SENTENCE.repeat(tibetan) }],
          });
          const pdf = await render(template, data);
          checkPages(template, data, pdf, ['二〇二六年十一月二十三日', '2026年11月30日']);
          if (tibetan > 0) {
            // The translation follows the whole text (the terms' obligee table included) and
            // stands before the signatures.
            const all = squash(pdfFile(pdf).text());
            const annex = all.indexOf('藏文译文');
            expect(annex).toBeGreaterThan(all.lastIndexOf('本协议一式'));
            expect(annex).toBeGreaterThan(all.lastIndexOf('银行转账'));
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  }, 900_000);

  it('bilingual agreement with its signature-block labels (bo, mn, both), 2–15 parties', async () => {
    const template = templateOf('AGREEMENT');
    const withMongolian = { ...fonts(), mongolian: await loadMongolianFont(fonts().files) };
    const m = margins(template);
    const area = {
      left: m.left * MM,
      right: PAGE.width - m.right * MM,
      top: m.top * MM,
      bottom: PAGE.height - m.bottom * MM,
    };
    await fc.assert(
      fc.asyncProperty(
        // An agreement has at least two parties (the data builder refuses one).
        fc.integer({ min: 2, max: 15 }),
        fc.boolean(),
        lengthArb(6_000),
        // Paragraphs of annex columns: from a few words to pages of them.
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom('bo', 'mn', 'both'),
        // Which reviewed labels the room has: all six, the parties' and translator's only, none.
        fc.constantFrom('all', 'party', 'none'),
        // The reviewed labels as drafted, or as long as a save allows, of words of each shape.
        fc.constantFrom('draft', 'longest', 'longWord', 'shortWords'),
        async (n, interpreter, factsLength, annexColumns, languages, labels, length) => {
          const pick = (all: ReturnType<typeof longestLabels>): Record<string, string> =>
            labels === 'none'
              ? {}
              : labels === 'party'
                ? { partySignature: all.partySignature, translatorLabel: all.translatorLabel }
                : all;
          const bo = languages === 'mn' ? undefined : pick(longestLabels('bo', length));
          const mn = languages === 'bo' ? undefined : pick(longestLabels('mn', length));
          // each label one a room can save (own script, within the cap)
          for (const [language, labelled] of [
            ['bo', bo],
            ['mn', mn],
          ] as const) {
            for (const [key, text] of Object.entries(labelled ?? {})) {
              expect(wordingTextProblem(language, key as WordingKey, text), key).toBeNull();
            }
          }
          const withFacts = trilingualAgreement(n, bo, mn, {
            mn: Array.from({ length: annexColumns }, () => ANNEX_MN).join('\n'),
            bo: TIBETAN_SENTENCE.repeat(annexColumns),
            interpreter,
            facts: textOf(factsLength) || '（略）',
          });
          const pdf = await renderDocument(template, withFacts, {
            creationDate: FIXED_DATE,
            fonts: withMongolian,
            allowMissingGlyphs: true,
          });
          checkPages(template, withFacts, pdf, ['二〇二六年十一月二十三日'], withMongolian);
          const layout = layoutDocument(template, withFacts, withMongolian);
          for (const page of layout.pages) {
            // no page ends on the signature table's header; the seal never stands alone
            expect(page.boxes.at(-1)?.box.role).not.toBe('header');
            if (page.boxes.some((b) => b.box.role === 'seal')) {
              expect(page.boxes.some((b) => b.box.role === 'signature')).toBe(true);
            }
          }
          const lines = pdfLines(pdfFile(pdf).bbox());
          checkSignatureLabels(
            layout.pages,
            lines,
            { ...(bo ? { bo } : {}), ...(mn ? { mn } : {}) },
            withMongolian.mongolian.shaper,
            area,
            new TextMetrics(metricFonts(withMongolian)),
          );
        },
      ),
      {
        numRuns: RUNS,
        seed: Number(process.env.PROPERTY_SEED ?? 20261123),
        // the cases the brief names, always: 3 and 15 parties (slots, compact table), both
        // languages, every label at its longest
        examples: [
          [3, true, 600, 1, 'both', 'all', 'longest'],
          [15, true, 600, 1, 'both', 'all', 'longest'],
          [7, true, 0, 40, 'both', 'all', 'shortWords'],
          [2, false, 6_000, 1, 'mn', 'all', 'longWord'],
          [6, true, 60, 1, 'bo', 'all', 'longest'],
        ],
      },
    );
  }, 900_000);

  it('rights notice, acceptance register, oral register, session record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'RIGHTS_NOTICE',
          'ACCEPTANCE_REGISTER',
          'ORAL_AGREEMENT_REGISTER',
          'SESSION_RECORD',
        ),
        fc.integer({ min: 1, max: 30 }),
        lengthArb(20_000),
        fc.boolean(),
        async (kind, count, length, interpreter) => {
          // Registers and records name at least two parties; a rights notice may go to one.
          const n = kind === 'RIGHTS_NOTICE' ? count : Math.max(count, 2);
          const parties = Array.from({ length: n }, (_, i) => party(i));
          const names = parties.map((p) => p.name);
          let data: DocumentData;
          let dates: string[];
          switch (kind) {
            case 'RIGHTS_NOTICE':
              data = buildRightsNoticeDocumentData({
                committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
                parties,
                noticeDate: '2030-01-05',
                dateStyle: 'CHINESE',
              });
              dates = ['二〇三〇年一月五日'];
              break;
            case 'ACCEPTANCE_REGISTER':
              data = buildAcceptanceRegisterDocumentData({
                committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
                partyNames: names,
                acceptedDate: '2026-10-09',
                disputeType: '损害赔偿纠纷',
                source: 'APPLICATION',
                disputeSummary: textOf(Math.min(length, 5_000)) || '略',
                registrarName: '那仁',
                registerDate: '2026-10-09',
                dateStyle: 'ARABIC',
              });
              dates = ['2026年10月9日'];
              break;
            case 'ORAL_AGREEMENT_REGISTER':
              data = buildOralAgreementDocumentData({
                ...SAMPLE_ORAL,
                parties,
                factsAndIssues: textOf(length) || '略',
                oralTerms: textOf(Math.floor(length / 2)) || '略',
              });
              dates = ['2026年9月2日'];
              break;
            default:
              data = buildSessionRecordDocumentData({
                ...SAMPLE_SESSION,
                partyNames: names,
                interpreter: interpreter ? SAMPLE_SESSION.interpreter : undefined,
                content: textOf(length) || '略',
              });
              dates = ['2026年11月23日'];
          }
          const template = templateOf(kind);
          checkPages(template, data, await render(template, data), dates);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  }, 900_000);

  it('follow-up record, confirmation application, volume pages, correction record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'FOLLOWUP_RECORD',
          'CONFIRMATION_APPLICATION',
          'VOLUME_COVER',
          'VOLUME_INDEX',
          'VOLUME_BACK_COVER',
          'CORRECTION_HISTORY',
        ),
        fc.integer({ min: 1, max: 30 }),
        lengthArb(5_000),
        async (kind, count, length) => {
          const n = Math.max(count, 2);
          const parties = Array.from({ length: n }, (_, i) => party(i));
          const names = parties.map((p) => p.name);
          const volume = {
            ...SAMPLE_VOLUME,
            title: textOf(Math.min(length, 200)) || '纠纷',
            remarks: textOf(Math.min(length, 500)),
            // Up to 60 index rows (a case with many sessions and scans).
            entries: Array.from({ length: Math.min(count * 2, 60) }, (_, i) => ({
              no: i + 1,
              title: `人民调解记录（第${i + 1}次）${textOf(length % 40)}`,
              pages: `${i * 2 + 1}–${i * 2 + 2}`,
              remark: textOf(length % 30),
            })),
            notes: Array.from({ length: count % 5 }, () => ({
              date: '2026-12-28',
              text: textOf(Math.min(length, 1_000)) || '说明',
            })),
          };
          let data: DocumentData;
          switch (kind) {
            case 'FOLLOWUP_RECORD':
              data = buildFollowUpRecordDocumentData({
                ...SAMPLE_FOLLOWUP,
                visitedPartyNames: names,
                findings: textOf(length) || '略',
                nextStep: textOf(Math.min(length, 1_000)),
              });
              break;
            case 'CONFIRMATION_APPLICATION':
              data = buildConfirmationApplicationData({
                committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
                applicants: parties,
                agents: names.slice(0, count % 4).map((name, i) => ({
                  kind: '委托代理人' as const,
                  name: `代理人${i + 1}`,
                  principal: name,
                })),
                agreementNumber: '（2026）河西调字第015号',
                agreementDate: '2026-11-23',
                effectiveDate: '2026-11-23',
                court: length % 2 === 0 ? '格尔木市人民法院' : null,
                dateStyle: 'ARABIC',
              });
              break;
            case 'CORRECTION_HISTORY':
              data = longHistory(names, count * 4, length);
              break;
            default:
              data = buildVolumePagesData(volume);
          }
          const template = templateOf(kind);
          checkPages(template, data, await render(template, data), ['2026年12月28日']);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  }, 900_000);

  it('closing and refusal papers (issue 15)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'REFUSAL_NOTICE',
          'TERMINATION_NOTICE',
          'MEDIATION_NOTICE',
          'CLOSING_REPORT',
          'MAJOR_DISPUTE_REPORT',
          'COURT_RESULT_LETTER',
          'MEDIATOR_REGISTER',
        ),
        fc.integer({ min: 1, max: 30 }),
        lengthArb(20_000),
        async (kind, count, length) => {
          const names = Array.from({ length: Math.max(count, 2) }, (_, i) => party(i).name);
          const common = {
            committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
            caseReference: '（2026）河西调字第015号',
            disputeType: '草场纠纷',
            noticeDate: '2026-12-28',
            dateStyle: 'ARABIC' as const,
          };
          const long = (max: number) => textOf(Math.min(length, max)) || '略';
          let data: DocumentData;
          switch (kind) {
            case 'REFUSAL_NOTICE':
              data = buildRefusalNoticeData({
                ...common,
                applicantNames: names.slice(0, Math.ceil(names.length / 2)),
                respondentNames: names.slice(Math.ceil(names.length / 2)),
                applicationDate: '2026-12-20',
                reason: long(2_000),
                advisedRoute: '通过诉讼途径解决（向格尔木市人民法院起诉）',
              });
              break;
            case 'TERMINATION_NOTICE':
              data = buildTerminationNoticeData({
                ...common,
                partyNames: names,
                acceptedDate: '2026-12-01',
                terminatedDate: '2026-12-28',
                cause: count % 2 === 0 ? 'FAILED' : 'REFUSED',
                routes: ['诉讼', '仲裁', '行政处理'].slice(0, 1 + (count % 3)),
                note: length % 3 === 0 ? null : long(2_000),
              });
              break;
            case 'MEDIATION_NOTICE':
              data = buildMediationNoticeData({
                ...common,
                partyName: names[count % names.length] ?? '王芳',
                partyNames: names,
                acceptedDate: '2026-12-01',
                sessionAt: '2026-12-28T09:30',
                place: long(100),
                bring: long(1_000),
                mediatorNames: names.slice(0, 3),
              });
              break;
            case 'CLOSING_REPORT':
              data = buildClosingReportData({
                ...common,
                volumeNumber: length % 2 === 0 ? null : '2026-015',
                mediatorNames: names.slice(0, 2),
                acceptedDate: '2026-12-01',
                closedDate: '2026-12-28',
                source: '当事人申请',
                persons: names.length,
                parties: names.map((name, i) => ({
                  name,
                  role: i === 0 ? '申请人' : '被申请人',
                  address: long(200),
                  phone: '13909791234',
                })),
                summary: long(5_000),
                sessions: count,
                investigations: count % 4,
                outcome: '调解成功，达成书面人民调解协议。',
                performance: long(500),
              });
              break;
            case 'COURT_RESULT_LETTER': {
              const results = [
                { kind: 'WRITTEN', date: '2026-12-20', agreementNumber: '（2026）河西调字第015号' },
                { kind: 'ORAL', date: '2026-12-20' },
                { kind: 'FAILED', date: '2026-12-20' },
                { kind: 'REFUSED', date: '2026-12-20' },
                { kind: 'REFERRED', date: '2026-12-20', to: long(40) },
              ] as const;
              data = buildCourtResultLetterData({
                ...common,
                courtKind: count % 2 === 0 ? 'DELEGATED' : 'ENTRUSTED',
                courtName: long(60),
                courtReference: length % 2 === 0 ? null : long(60),
                courtReceivedOn: '2026-11-25',
                courtExtension:
                  count % 3 === 0 ? { consentDate: '2026-12-20', note: long(500) } : null,
                acceptedDate: '2026-12-01',
                partyNames: names,
                mediatorNames: names.slice(0, 3),
                result: results[count % results.length]!,
              });
              break;
            }
            case 'MEDIATOR_REGISTER':
              // No parties: `count` training records, every text line at its schema maximum.
              data = buildMediatorRegisterData({
                committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
                dateStyle: 'ARABIC',
                registerDate: '2026-12-28',
                name: names[0] ?? '王芳',
                isPeopleMediator: count % 2 === 0,
                active: true,
                languages: ['zh', 'bo', 'mn'].slice(0, 1 + (count % 3)) as ('zh' | 'bo' | 'mn')[],
                profile: {
                  grade: count % 2 === 0 ? 'CHIEF' : null,
                  filingNumber: long(40),
                  filingStatus: 'FILED',
                  employment: 'PART_TIME',
                  gender: null,
                  birthDate: '1970-01-01',
                  phone: long(30),
                  education: long(20),
                  politicalStatus: long(20),
                  workUnit: long(60),
                  title: long(40),
                  trainings: names.map((name, i) => ({
                    date: '2026-06-01',
                    title: `${name}${long(100)}`.slice(0, 100),
                    hours: 0.5 + i,
                    organiser: i % 2 === 0 ? null : long(60),
                  })),
                },
              });
              break;
            default:
              data = buildMajorDisputeReportData({
                ...common,
                title: long(200),
                riskLevel: '重大',
                persons: names.length,
                intakeDate: '2026-12-01',
                partyNames: names,
                summary: long(5_000),
                mediatorNames: names.slice(0, 2),
                policeAttended: count % 2 === 0,
                police: long(1_000),
                measures: long(2_000),
                nextSteps: long(2_000),
              });
          }
          const template = closingTemplate(kind);
          checkPages(template, data, await render(template, data), ['2026年12月28日']);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  }, 900_000);
});

/** One line of a claim pack; odd lines cannot be claimed and say why at length. */
function claimLine(i: number, reasons: string): ClaimLine {
  const claimable = i % 2 === 0;
  return {
    caseId: i + 1,
    caseNumber: `（2026）河西调字第${String(i + 1).padStart(3, '0')}号`,
    title: `${party(i).name}与${party(i + 1).name}${i % 3 === 0 ? reasons.slice(0, 60) : '草场纠纷'}`,
    outcome: i % 4 === 1 ? 'SUCCESS_ORAL' : 'SUCCESS_WRITTEN',
    outcomeDate: '2026-12-28',
    isOral: i % 4 === 1,
    tierCode: 'GENERAL',
    tierLabel: i % 5 === 0 ? '疑难' : '一般',
    tierSource: i % 3 === 0 ? 'CONFIRMED' : 'SUGGESTED',
    tierReasons: [`协议金额 ${i * 1000} 元（标准：5,000 元以上）`, reasons.slice(0, 200)],
    tierAmountFen: 20_000,
    amountFen: claimable ? 20_000 : 0,
    share: i % 6 === 0 ? '1/2' : null,
    claimable,
    notClaimableReasons: claimable ? [] : ['卷宗不完整：尚未打印权利义务告知书', reasons],
    missingDocuments: claimable ? [] : ['RIGHTS_NOTICE'],
    duplicateOf: null,
  };
}

describe('以案定补 papers on rendered pages (property, issue 15)', () => {
  it('调解案件认定表 and 申报表', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('SUBSIDY_RECOGNITION', 'SUBSIDY_CLAIM_SHEET'),
        fc.integer({ min: 1, max: 30 }),
        lengthArb(20_000),
        async (kind, count, length) => {
          const names = Array.from({ length: count }, (_, i) => party(i).name);
          const reasons = textOf(Math.min(length, 2_000)) || '略';
          let data: DocumentData;
          if (kind === 'SUBSIDY_RECOGNITION') {
            data = buildRecognitionData({
              committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
              caseReference: '（2026）河西调字第015号',
              caseTitle: textOf(Math.min(length, 200)) || '草场纠纷',
              disputeType: '草场纠纷',
              mediatorNames: names,
              rules: { rulesTitle: '某县以案定补办法（2026）', rulesIsExample: count % 2 === 0 },
              oralPercent: 50,
              line: claimLine(count, reasons),
              documents: Array.from({ length: 1 + (count % 10) }, (_, i) => ({
                label: `材料${i + 1}`,
                present: i % 2 === 0,
              })),
              disclaimer: CLAIM_DISCLAIMER,
              noticeDate: '2026-12-28',
              dateStyle: 'ARABIC',
            });
          } else {
            const lines = Array.from({ length: count * 7 }, (_, i) => claimLine(i, reasons));
            data = buildClaimSheetData({
              committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
              periodLabel: '2026年第四季度',
              oralPercent: 50,
              noticeDate: '2026-12-28',
              dateStyle: 'ARABIC',
              pack: {
                rulesId: 'county-a',
                rulesTitle: '某县以案定补办法（2026）',
                rulesIsExample: false,
                periodStart: '2026-10-01',
                periodEnd: '2026-12-31',
                mediator: { id: 1, name: names[0] ?? '才让', filed: true },
                lines,
                totals: {
                  cases: lines.length,
                  claimable: lines.filter((l) => l.claimable).length,
                  amountFen: lines.reduce((n, l) => n + l.amountFen, 0),
                  byTier: [{ tierCode: 'GENERAL', tierLabel: '一般', cases: 3, amountFen: 60_000 }],
                },
                disclaimer: CLAIM_DISCLAIMER,
              },
            });
          }
          const template = closingTemplate(kind);
          const pdf = await render(template, data);
          checkPages(template, data, pdf, ['2026年12月28日']);
          // The app estimates and the county decides: every page set says so.
          expect(squash(pdfFile(pdf).text())).toContain(squash(CLAIM_DISCLAIMER));
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261123) },
    );
  }, 900_000);
});

function closingTemplate(kind: DocumentTemplateKind): DocumentTemplate {
  return loadTemplateFile(
    path.resolve(import.meta.dirname, '../../../templates', DOCUMENT_TEMPLATE_FILES[kind]),
  );
}
