import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  documentVerificationCode,
  renderDocument,
} from '../../../electron/documents/render-document.js';
import {
  agreementData,
  agreementTemplate,
  FIXED_DATE,
  fonts,
  pdfFile,
  removePdfFiles,
  squash,
} from './fixtures.js';

afterAll(removePdfFiles);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('人民调解协议书 (2 parties, 3 terms, an amount)', async () => {
  const template = agreementTemplate();
  const data = agreementData();
  const pdf = await renderDocument(template, data, { creationDate: FIXED_DATE, fonts: fonts() });
  const file = pdfFile(pdf, 'agreement.pdf');
  const text = file.text();
  const flat = squash(text);

  it('prints the title, the number and every party block', () => {
    expect(text).toContain('人民调解协议书');
    expect(flat).toContain('编号：（2026）河西调字第015号');
    for (const fragment of [
      '姓名：张建国',
      '性别：男',
      '民族：汉族',
      '年龄：52岁',
      '职业或职务：个体',
      '联系方式：13897012345',
      '单位或住址：青海省格尔木市河西街道昆仑路18号3单元201室',
      '姓名：扎西多杰',
      '民族：藏族',
      '年龄：38岁',
      '职业或职务：牧民',
      '单位或住址：青海省格尔木市唐古拉山镇长江源村',
    ]) {
      expect(flat).toContain(fragment);
    }
    expect(text.match(/当事人\n/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('prints the facts, the terms in order numbered 一、二、三、 and the performance', () => {
    expect(flat).toContain('纠纷主要事实、争议事项：2026年10月5日');
    const first = flat.indexOf('一、扎西多杰赔偿张建国');
    const second = flat.indexOf('二、扎西多杰于2026年11月30日前');
    const third = flat.indexOf('三、款项付清后');
    expect(first).toBeGreaterThan(flat.indexOf('经调解，自愿达成如下协议：'));
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(flat).toContain('履行方式、时限：银行转账');
    expect(flat).toContain('本协议一式三份');
  });

  it('prints the amount in words and in figures', () => {
    expect(flat).toContain('本协议涉及金额：人民币叁万元整（¥30,000.00）。');
  });

  it('prints signature slots for every signer, the seal line and the Chinese-style date', () => {
    for (const label of [
      '当事人：张建国',
      '当事人：扎西多杰',
      '人民调解员：李秀兰',
      '记录人：王海燕',
    ]) {
      expect(flat).toContain(label);
    }
    expect(flat).toContain('（签名盖章或按指印）');
    expect(flat).toContain('格尔木市河西街道人民调解委员会（印）');
    expect(flat).toContain('二〇二六年十一月二十三日');
    expect(flat).not.toContain('翻译人');
  });

  it('numbers pages “第 X 页 共 Y 页” and prints the verification code', () => {
    const pages = file.pages();
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let page = 1; page <= pages; page += 1) {
      expect(squash(file.pageText(page))).toContain(`第${page}页共${pages}页`);
    }
    // The footer is set as “第 1 页 共 N 页”: pdftotext sees six separate words.
    expect(file.bbox()).toMatch(
      new RegExp(
        `>第</word>\\s*<word[^>]*>1</word>\\s*<word[^>]*>页</word>\\s*<word[^>]*>共</word>\\s*<word[^>]*>${pages}</word>`,
      ),
    );
    expect(flat).toContain(`校验码${documentVerificationCode(template, data)}`);
  });

  it('embeds subset fonts only (no standard Helvetica)', () => {
    const rows = file
      .fonts()
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)\s/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    }
  });

  it('passes qpdf --check and carries the document info', () => {
    expect(file.qpdfCheck()).toContain('No syntax or stream encoding errors');
    const info = file.info();
    expect(info).toMatch(/Title:\s+人民调解协议书/);
    expect(info).toMatch(/Producer:\s+Mediation Desk/);
    expect(info).toMatch(/CreationDate:\s+Mon Nov 23 02:00:00 2026/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
  });

  it('gives byte-identical output for the same input and creation date', async () => {
    const again = await renderDocument(agreementTemplate(), agreementData(), {
      creationDate: new Date(FIXED_DATE),
      fonts: fonts(),
    });
    expect(sha256(again)).toBe(sha256(pdf));
    const otherDate = await renderDocument(template, data, {
      creationDate: new Date('2026-11-24T02:00:00Z'),
      fonts: fonts(),
    });
    expect(sha256(otherDate)).not.toBe(sha256(pdf));
  });

  it('changes the verification code when the content changes', () => {
    const changed = agreementData({ amountFen: 3_000_001 });
    expect(documentVerificationCode(template, changed)).not.toBe(
      documentVerificationCode(template, data),
    );
    expect(documentVerificationCode(template, data)).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  });
});

describe('optional parts of the agreement', () => {
  it('prints agents, an organisation party, the interpreter and omits a missing amount', async () => {
    const data = agreementData({
      parties: [
        {
          kind: 'PERSON',
          name: '巴特尔',
          gender: '男',
          ethnicity: '蒙古族',
          age: 16,
          occupation: undefined,
          phone: '无',
          address: '锡林浩特市宝力根苏木某嘎查',
        },
        {
          kind: 'ORGANISATION',
          name: '锡林浩特市某物业服务有限公司',
          creditCode: '91152502MA0N000000',
          address: '锡林浩特市某路1号',
          representative: '刘某',
          representativeTitle: '经理',
          phone: '0479-8000000',
        },
      ],
      agents: [{ kind: '法定代理人', name: '其木格', principal: '巴特尔', detail: '系其母亲' }],
      amountFen: null,
      interpreter: {
        name: '阿拉坦',
        statement: '本协议已由翻译人阿拉坦用蒙古语向当事人巴特尔宣读。',
      },
    });
    const pdf = await renderDocument(agreementTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const flat = squash(pdfFile(pdf).text());
    expect(flat).toContain('法定代理人：其木格（当事人巴特尔的法定代理人）');
    expect(flat).toContain('名称：锡林浩特市某物业服务有限公司');
    expect(flat).toContain('统一社会信用代码：91152502MA0N000000');
    expect(flat).toContain('法定代表人：刘某');
    expect(flat).toContain('职业或职务：／'); // never a blank that can be filled in later
    expect(flat).toContain('翻译人：阿拉坦');
    expect(flat).toContain('用蒙古语向当事人巴特尔宣读');
    expect(flat).not.toContain('本协议涉及金额');
    expect(flat).not.toContain('性别：／'); // organisation block has no person fields
  });
});
