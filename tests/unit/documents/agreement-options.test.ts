import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildAgreementDocumentData,
  type AgreementObligationInput,
  type DocumentPartyInput,
} from '../../../electron/documents/agreement-data.js';
import { renderDocument } from '../../../electron/documents/render-document.js';
import {
  agreementData,
  agreementTemplate,
  FIXED_DATE,
  fonts,
  pdfFile,
  removePdfFiles,
  SAMPLE_AGREEMENT_INPUT,
  squash,
} from './fixtures.js';
import { overlappingLines, pdfLines } from './pdf-lines.js';
import { ZHANG, ZHAXI } from './samples.js';

afterAll(removePdfFiles);

const render = async (data = agreementData(), pageEdgeSealMark = false) =>
  pdfFile(
    await renderDocument(agreementTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
      pageEdgeSealMark,
    }),
  );

const withId: DocumentPartyInput = {
  ...ZHANG,
  idNumber: '632801197405120018',
} as DocumentPartyInput;

describe('agreement options', () => {
  it('prints the interpreter line 本协议已用__语向当事人__宣读/翻译 and the interpreter slot', async () => {
    const file = await render(
      agreementData({
        interpreter: { name: '才让', language: '藏', partyNames: ['扎西多杰'], mode: '宣读并翻译' },
      }),
    );
    const flat = squash(file.text());
    expect(flat).toContain('本协议已用藏语向当事人扎西多杰宣读并翻译。');
    expect(flat).toContain('翻译人：才让');
  });

  it('prints the ID number only when the option says so', async () => {
    const parties = [withId, ZHAXI];
    const off = squash((await render(agreementData({ parties }))).text());
    expect(off).not.toContain('632801197405120018');
    expect(off).not.toContain('身份证件号码');
    const on = squash((await render(agreementData({ parties, printIdNumbers: true }))).text());
    expect(on).toContain('身份证件号码：632801197405120018');
    expect(on.match(/身份证件号码/g)).toHaveLength(1); // the other party has none
  });

  it('lists agents and guardians, with a signature slot, and requires a guardian for a minor', async () => {
    const minor: DocumentPartyInput = { ...ZHAXI, name: '卓玛', age: 15 } as DocumentPartyInput;
    expect(() => agreementData({ parties: [ZHANG, minor] })).toThrow(
      '当事人卓玛未满十八周岁，须列明其法定代理人（监护人）',
    );
    const flat = squash(
      (
        await render(
          agreementData({
            parties: [ZHANG, minor],
            agents: [
              { kind: '法定代理人', name: '扎西多杰', principal: '卓玛', detail: '系其父亲' },
              {
                kind: '委托代理人',
                name: '赵律师',
                principal: '张建国',
                detail: '某律师事务所律师',
              },
            ],
          }),
        )
      ).text(),
    );
    expect(flat).toContain('法定代理人：扎西多杰（当事人卓玛的法定代理人）');
    expect(flat).toContain('委托代理人：赵律师（当事人张建国的委托代理人）');
    expect(flat).toContain('委托代理人：赵律师（签名）');
  });

  it('prints structured obligations in order, amounts in both forms, instalments, place and method', async () => {
    const money: AgreementObligationInput = {
      kind: 'MONEY',
      obligor: '扎西多杰',
      obligee: '张建国',
      description: '赔偿款',
      amountFen: 3_000_000,
      method: '银行转账',
      instalments: [
        { dueDate: '2026-11-30', amountFen: 1_000_000 },
        { dueDate: '2026-12-31', amountFen: 2_000_000 },
      ],
    };
    const data = buildAgreementDocumentData({
      ...SAMPLE_AGREEMENT_INPUT,
      amountFen: undefined,
      performance: undefined,
      copies: undefined,
      terms: [
        money,
        {
          kind: 'ACT',
          obligor: '扎西多杰',
          obligee: '张建国',
          description: '修复损坏的货架',
          dueDate: '2026-12-10',
          place: '昆仑路18号',
        },
        { kind: 'APOLOGY', obligor: '扎西多杰', obligee: '张建国', description: '当面赔礼道歉' },
        {
          kind: 'PROPERTY',
          obligor: '张建国',
          obligee: '扎西多杰',
          description: '扣留的行驶证',
          dueDate: '2026-11-24',
        },
        '双方就本纠纷再无其他争议。',
      ],
    });
    const flat = squash((await render(data)).text());
    const expected = [
      '一、扎西多杰应向张建国支付赔偿款人民币叁万元整（¥30,000.00），分二期支付：第一期于二〇二六年十一月三十日前支付人民币壹万元整（¥10,000.00）；第二期于二〇二六年十二月三十一日前支付人民币贰万元整（¥20,000.00），支付方式为银行转账。',
      '二、扎西多杰应于二〇二六年十二月十日前为张建国修复损坏的货架，履行地点为昆仑路18号。',
      '三、扎西多杰应向张建国当面赔礼道歉。',
      '四、张建国应于二〇二六年十一月二十四日前将扣留的行驶证交付扎西多杰。',
      '五、双方就本纠纷再无其他争议。',
    ];
    let at = -1;
    for (const term of expected) {
      const found = flat.indexOf(term);
      expect(found, term).toBeGreaterThan(at);
      at = found;
    }
    expect(flat).toContain('本协议涉及金额：人民币叁万元整（¥30,000.00）。');
    expect(flat).toContain(
      '扎西多杰：银行转账，分二期履行，最后一期于二〇二六年十二月三十一日前履行完毕。',
    );
    expect(flat).toContain('本协议一式三份'); // default: 2 parties + 1
  });

  it('refuses bad obligations and amounts with Chinese errors', () => {
    const base = { kind: 'MONEY', obligor: '扎西多杰', obligee: '张建国' } as const;
    const terms = (o: Partial<AgreementObligationInput>) => [{ ...base, ...o }];
    expect(() => agreementData({ amountFen: -1 })).toThrow('协议涉及金额无效：金额不能为负数');
    expect(() => agreementData({ amountFen: Number.NaN })).toThrow(
      /协议涉及金额无效：金额必须是以“分”为单位的整数/,
    );
    expect(() => agreementData({ amountFen: 100_000_000_000_001 })).toThrow(
      '金额不能超过 1 万亿元',
    );
    expect(() => agreementData({ amountFen: 0.5 })).toThrow(/整数/);
    expect(() => agreementData({ terms: terms({ amountFen: -100 }) })).toThrow(
      '第1条协议的金额无效：金额不能为负数',
    );
    expect(() => agreementData({ terms: terms({ amountFen: 10 ** 15 }) })).toThrow(
      '金额不能超过 1 万亿元',
    );
    expect(() => agreementData({ terms: terms({}) })).toThrow('第1条协议是给付金钱，请填写金额');
    expect(() => agreementData({ terms: terms({ amountFen: 100, obligee: '路人' }) })).toThrow(
      '第1条协议的权利人“路人”不是本协议的当事人',
    );
    expect(() =>
      agreementData({
        terms: terms({ amountFen: 100, instalments: [{ dueDate: '2026-12-01', amountFen: 50 }] }),
      }),
    ).toThrow('第1条协议各期金额合计与总金额不一致');
    expect(() => agreementData({ copies: 0 })).toThrow('协议份数应为 1–99 的整数');
  });

  it('takes 50 terms and 20 parties without overlapping lines', async () => {
    const parties: DocumentPartyInput[] = Array.from({ length: 20 }, (_, i) => ({
      ...ZHANG,
      name: `当事人${i + 1}号`,
      address: `青海省格尔木市河西街道昆仑路${i + 1}号`,
    })) as DocumentPartyInput[];
    const terms = Array.from(
      { length: 50 },
      (_, i) =>
        `第${i + 1}项：当事人${(i % 20) + 1}号于2026年12月${(i % 28) + 1}日前清理门前堆放的杂物，并恢复原状。`,
    );
    const data = agreementData({ parties, terms, copies: undefined });
    const file = await render(data);
    const flat = squash(file.text());
    expect(flat).toContain('五十、第50项');
    expect(flat.indexOf('四十九、第49项')).toBeLessThan(flat.indexOf('五十、第50项'));
    for (let i = 1; i <= 20; i += 1) {
      expect(flat).toContain(`姓名：当事人${i}号`);
      expect(flat).toContain(`当事人：当事人${i}号`);
    }
    expect(flat).toContain('本协议一式二十一份');
    expect(file.pages()).toBeGreaterThan(5);
    expect(overlappingLines(pdfLines(file.bbox()))).toEqual([]);
    expect(file.qpdfCheck()).toContain('No syntax or stream encoding errors');
  });

  it('draws the page-edge seal (骑缝章) mark on every page only when asked', async () => {
    const on = await render(agreementData(), true);
    const off = await render(agreementData(), false);
    expect(on.pages()).toBe(2);
    // The guide is a printing aid: drawn as outlines in an artifact, never extracted as text.
    expect(squash(on.text())).not.toContain('骑缝章');
    const artifacts = (file: string) => {
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, `${file}.qdf`]);
      return readFileSync(`${file}.qdf`, 'latin1').split('/Artifact').length - 1;
    };
    // Footers (2 pages) are artifacts in both; the guide adds one per page.
    expect(artifacts(on.file)).toBe(artifacts(off.file) + 2);
  });
});
