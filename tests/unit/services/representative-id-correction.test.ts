import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, Party, SavedCase } from '../../../domain/cases/case-views.js';
import type { ChangeSetView } from '../../../domain/cases/change-history.js';
import { getPartyView } from '../../../db/cases/case-reads.js';
import {
  partyToFormValues,
  toPartyInput,
  type PartyFormValues,
} from '../../../renderer/src/pages/intake/intake-values.js';
import { agent, intake, openTestLedger, person, type TestLedger } from './case-fixtures.js';

const AGENT = '632801196001011235';
const SECOND = '63280119720305123X';

/**
 * A representative's ID document is set through the API only (the card has no boxes for it), and
 * answers carry it masked. Correcting the party with the intake's card must keep it: the form
 * carries the representative's id and says `keep`, as it does for the party's own number.
 */
describe('correcting a party keeps its representatives’ ID documents', () => {
  let l: TestLedger;
  let detail: CaseDetail;
  beforeEach(async () => {
    l = await openTestLedger();
    const created = await l.call<SavedCase>(
      'cases.create',
      intake({
        parties: [
          person({ representatives: [agent('李律师', AGENT), agent('赵律师', SECOND)] }),
          person({ role: 'RESPONDENT', name: '扎西多杰', gender: 'MALE', idDocument: null }),
        ],
      }),
    );
    detail = created.case;
  });
  afterEach(() => l.close());

  const wang = (): Party => {
    const p = detail.parties[0];
    if (!p) throw new Error('no party');
    return p;
  };
  /** Saves the card's values the way PartyEditModal does. */
  const save = (values: PartyFormValues) =>
    l.raw('parties.update', {
      caseId: detail.id,
      partyId: wang().id,
      expectedVersion: wang().version,
      party: toPartyInput(values),
      reason: null,
    });
  const storedDocuments = () =>
    getPartyView(l.core.ledger.db(), detail.id, wang().id)?.representatives.map((r) => [
      r.name,
      r.idDocument,
    ]);
  const resident = (number: string) => ({
    type: 'RESIDENT_ID',
    number,
    name: null,
    noneReason: null,
  });

  it('keeps both numbers through a correction of something else, and records only that', async () => {
    // the form opens with the answer's masked numbers
    expect(wang().representatives.map((r) => r.idDocument?.number)).toEqual([
      '632801********1235',
      '632801********123X',
    ]);
    const res = await save({ ...partyToFormValues(wang()), occupation: '个体户' });
    expect(res.ok ? null : res.error.message).toBeNull();
    expect(storedDocuments()).toEqual([
      ['李律师', resident(AGENT)],
      ['赵律师', resident(SECOND)],
    ]);
    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: detail.id });
    const fields = history.flatMap((set) => set.fields.map((f) => f.field));
    expect(fields).toEqual(['occupation']);
  });

  it('keeps the right number when the representative before it is removed', async () => {
    const values = partyToFormValues(wang());
    const res = await save({ ...values, representatives: values.representatives?.slice(1) });
    expect(res.ok ? null : res.error.message).toBeNull();
    expect(storedDocuments()).toEqual([['赵律师', resident(SECOND)]]);
  });

  it('refuses to keep a number for a representative that is not this party’s', async () => {
    const values = partyToFormValues(wang());
    const [first] = values.representatives ?? [];
    if (!first) throw new Error('no representative');
    const res = await save({ ...values, representatives: [{ ...first, id: 999_999 }] });
    expect(res.ok ? null : res.error.message).toBe(
      '该代理人没有已登记的证件号码可以保留，请填写完整的证件号码或不填写',
    );
    expect(res.ok ? [] : res.error.issues?.map((i) => i.path.join('.'))).toEqual([
      'party.representatives.0.idDocument.number',
    ]);
  });
});
