import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { pdfText } from '../agreements/pdf-tools.js';
import { TEST_PASSWORD, TEST_PEOPLE } from '../support/signed-in-core.js';
import { intake, openTestLedger, setUpRoom, type TestLedger } from './case-fixtures.js';

/**
 * A paper of a case no mediator was assigned to names the person signed in at the desk as the
 * one who filled it in (制表人 of the correction history, 登记人 of the acceptance register,
 * whose template leaves the line to a signature) — by name, as a signature reads — never
 * 本机用户.
 */
describe('the registrar of a case without a mediator', () => {
  let l: TestLedger;
  let accepted: CaseDetail;

  beforeAll(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
    const saved = await l.call<SavedCase>('cases.create', intake());
    expect(saved.case.mediatorIds).toEqual([]);
    accepted = await l.call<CaseDetail>('cases.transition', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
    });
  });
  afterAll(() => l.close());

  const render = async (kind: string) =>
    pdfText(
      Buffer.from(
        (
          await l.call<RenderedDocument>('documents.render', {
            caseId: accepted.id,
            kind,
            recordId: null,
          })
        ).pdfBase64,
        'base64',
      ),
    ).replace(/\s+/g, '');

  it('is the signed-in person, without the role', async () => {
    const corrected = await l.call<CaseDetail>('cases.update', {
      caseId: accepted.id,
      expectedVersion: accepted.version,
      changes: { summary: '申请人与被申请人因冬季草场边界发生争议，牛羊多次越界放牧。' },
      reason: '精简表述',
    });
    expect(corrected.mediatorIds).toEqual([]);
    const director = TEST_PEOPLE.DIRECTOR.displayName;
    const history = await render('CORRECTION_HISTORY');
    expect(history).toContain(`制表人：${director}记录截至`);
    expect(history).not.toContain('本机用户');

    // another person at the desk prints their own name: a second director, since a 调解员
    // sees only the cases assigned to them (§7.3) and this one has no mediator
    await l.call('accounts.create', {
      loginName: 'dorje',
      displayName: '多杰',
      role: 'DIRECTOR',
      password: TEST_PASSWORD,
    });
    await l.call('accounts.signIn', { loginName: 'dorje', password: TEST_PASSWORD });
    const again = await render('CORRECTION_HISTORY');
    expect(again).toContain('制表人：多杰记录截至');
  });
});
