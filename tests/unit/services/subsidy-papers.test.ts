import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import type { PrintedDocument } from '../../../domain/documents/printed-documents.js';
import type { SubsidyClaimSheet, SubsidyClaimXlsx } from '../../../domain/subsidy/subsidy-views.js';
import { pdfFile, removePdfFiles, squash } from '../documents/fixtures.js';
import { settledWithInstalments, type SettledCase } from '../followups/followup-fixtures.js';
import { activateExampleRules, expectRefused } from './subsidy-fixtures.js';

/**
 * The 以案定补 papers through the API on a real ledger: the grassland case (30,000 元, signed
 * 2026-03-20, mediated by 才让) gets its 调解案件认定表 and its mediator's 申报表, both frozen
 * (an unchanged case or pack reprints the stored bytes), and the pack as .xlsx that a
 * spreadsheet reads as text only. Its title was typed as a formula with template syntax.
 */
const HOSTILE_TITLE = '=HYPERLINK("http://x")+{{committee.name}}草场纠纷';

let s: SettledCase;
beforeEach(async () => {
  s = await settledWithInstalments(async (m) => {
    await m.l.call('cases.update', {
      caseId: m.detail.id,
      expectedVersion: m.detail.version,
      changes: { title: HOSTILE_TITLE },
      reason: '按申请人要求更正案件名称',
    });
  });
  s.setClock('2026-04-10T02:00:00Z');
}, 120_000);
afterEach(() => s.m.l.close());
afterAll(removePdfFiles);
const DEBUG = process.env.DUMP_TEXT === '1';

const l = () => s.m.l;
const caseId = () => s.m.detail.id;

const activate = (fileName?: string) => activateExampleRules(l(), fileName);

const refused = (method: string, input: unknown, code: string, text: RegExp) =>
  expectRefused(l(), method, input, code, text);

const recognition = () =>
  l().call<RenderedDocument>('subsidy.printRecognition', { caseId: caseId() });
const sheet = () =>
  l().call<SubsidyClaimSheet>('subsidy.printClaimSheet', {
    mediatorId: s.m.mediatorId,
    period: '2026-Q1',
  });

describe('调解案件认定表', () => {
  it('is refused without a rule, then printed with tier, reasons, reviewer lines and the disclaimer', async () => {
    await refused(
      'subsidy.printRecognition',
      { caseId: caseId() },
      'INVALID_STATE',
      /还没有选择补贴规则/,
    );
    await refused('subsidy.printRecognition', { caseId: 999_999 }, 'INVALID_STATE', /补贴规则/);
    await activate();
    await refused('subsidy.printRecognition', { caseId: 999_999 }, 'NOT_FOUND', /案件不存在/);
    await refused('subsidy.printRecognition', { caseId: 'x' }, 'BAD_INPUT', /案件/);

    const first = await recognition();
    const text = squash(pdfFile(Buffer.from(first.pdfBase64, 'base64')).text());
    if (DEBUG) console.log(text);
    expect(text).toContain('人民调解案件认定表');
    expect(text).toContain(squash(HOSTILE_TITLE)); // typed text printed as typed
    expect(text).toContain('疑难（按数据建议，尚未确认）');
    expect(text).toContain('协议金额30,000.00元（标准：20,000.00元以上）');
    expect(text).toContain('司法所审核意见');
    expect(text).toContain('县司法局审核');
    expect(text).toContain('审核人（签名）');
    expect(text).toContain('是否补贴及补贴金额以司法所和县司法局审核认定为准');
    // The example rule needs a complete volume: the sheet says the case cannot be claimed yet.
    expect(text).toContain('暂不能申报');
    expect(first.printed.kind).toBe('SUBSIDY_RECOGNITION');
    expect(first.printed.printVersion).toBe(1);

    const again = await recognition();
    expect(again.sha256).toBe(first.sha256);
    expect(again.printed.id).toBe(first.printed.id);

    await l().call('subsidy.confirmTier', {
      caseId: caseId(),
      tierCode: 'GENERAL',
      reason: '{{committee.name}}：双方分歧不大',
    });
    const changed = await recognition();
    expect(changed.printed.printVersion).toBe(2);
    const changedText = squash(pdfFile(Buffer.from(changed.pdfBase64, 'base64')).text());
    expect(changedText).toContain('一般（调解员已确认）');
    expect(changedText).toContain('{{committee.name}}：双方分歧不大');
    const register = await l().call<PrintedDocument[]>('documents.listPrinted', {
      caseId: caseId(),
    });
    expect(
      register.filter((d) => d.kind === 'SUBSIDY_RECOGNITION').map((d) => d.printVersion),
    ).toEqual(expect.arrayContaining([1, 2]));
  }, 120_000);

  it('is refused for a case that has no outcome yet', async () => {
    await activate();
    const open = await l().call<{ case: { id: number } }>('cases.create', {
      intakeDate: '2026-04-01',
      source: 'ON_APPLICATION',
      category: 'NEIGHBOUR',
      subtype: null,
      summary: '院墙排水。',
      requests: [],
      riskLevel: 'LOW',
      mediatorIds: [s.m.mediatorId],
      parties: (await l().call<CaseDetail>('cases.get', { caseId: caseId() })).parties
        .slice(0, 2)
        .map((p) => ({
          kind: 'NATURAL',
          role: p.role,
          name: p.name,
          gender: 'FEMALE',
          ethnicity: '01',
          birthDate: null,
          occupation: '牧民',
          phone: { phone: '13800009999' },
          address: '格尔木市',
          idDocument: null,
        })),
    });
    await refused(
      'subsidy.printRecognition',
      { caseId: open.case.id },
      'INVALID_STATE',
      /尚未调解结束/,
    );
  }, 120_000);
});

describe('以案定补申报表 and its xlsx', () => {
  it('prints the pack once and reprints the stored bytes until it changes', async () => {
    await refused(
      'subsidy.printClaimSheet',
      { mediatorId: s.m.mediatorId, period: '2026-Q1' },
      'INVALID_STATE',
      /还没有选择补贴规则/,
    );
    await activate();
    await refused(
      'subsidy.printClaimSheet',
      { mediatorId: s.m.mediatorId, period: '2026-Q9' },
      'BAD_INPUT',
      /./,
    );
    const first = await sheet();
    expect(first.printVersion).toBe(1);
    expect(first.reprint).toBe(false);
    const text = squash(pdfFile(Buffer.from(first.pdfBase64, 'base64')).text());
    if (DEBUG) console.log(text);
    expect(text).toContain('人民调解以案定补申报表');
    expect(text).toContain('才让');
    expect(text).toContain('2026年第一季度');
    // The 案号 column wraps: its two halves are on the page.
    expect(text).toMatch(/（2026）金峰调字[^]*第001号/);
    expect(text).toContain('2026-03-20');
    expect(text).toContain('合计：调结1件，可申报0件，暂不能申报1件，估算金额0元');
    expect(text).toContain('示例规则');
    expect(text).toContain('是否补贴及补贴金额以司法所和县司法局审核认定为准');

    const again = await sheet();
    expect(again.reprint).toBe(true);
    expect(again.sha256).toBe(first.sha256);
    expect(again.printVersion).toBe(1);

    await l().call('subsidy.confirmTier', {
      caseId: caseId(),
      tierCode: 'MAJOR',
      reason: '涉及草场边界，影响两个牧业组',
    });
    const changed = await sheet();
    expect(changed.reprint).toBe(false);
    expect(changed.printVersion).toBe(2);
    expect(changed.sha256).not.toBe(first.sha256);
  }, 120_000);

  it('exports the same pack as xlsx in which no cell is a formula', async () => {
    await activate();
    const file = await l().call<SubsidyClaimXlsx>('subsidy.claimXlsx', {
      mediatorId: s.m.mediatorId,
      period: '2026-Q1',
    });
    expect(file.fileName).toBe('以案定补申报表_才让_2026-Q1.xlsx');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-claim-xlsx-'));
    const xlsx = path.join(dir, file.fileName);
    fs.writeFileSync(xlsx, Buffer.from(file.dataBase64, 'base64'));
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = [[c.value, c.data_type] for row in ws.iter_rows() for c in row if c.value is not None]
print(json.dumps(out, ensure_ascii=False))
`;
    const read = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, xlsx], { encoding: 'utf8' }),
    ) as Record<string, [string | number, string][]>;
    fs.rmSync(dir, { recursive: true, force: true });
    expect(Object.keys(read)).toEqual(['申报表', '认定明细']);
    const cells = Object.values(read).flat();
    // openpyxl reports a formula cell as data type "f"; a hostile title stays text.
    expect(cells.filter(([, type]) => type === 'f')).toEqual([]);
    expect(cells.map(([v]) => v)).toContain(`'${HOSTILE_TITLE}`);
    const values = cells.map(([v]) => String(v));
    expect(values.some((v) => v.includes('是否补贴及补贴金额以司法所和县司法局审核认定为准'))).toBe(
      true,
    );
    expect(values.some((v) => v.startsWith('不能申报：卷宗不完整'))).toBe(true);
    expect(values).toContain('疑难');
  }, 120_000);
});
