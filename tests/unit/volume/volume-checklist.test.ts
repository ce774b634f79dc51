import { describe, expect, it } from 'vitest';
import {
  missingSentence,
  VOLUME_ITEMS,
  volumeChecklist,
  type VolumeFacts,
} from '../../../domain/volume/volume-checklist.js';

/** A written-agreement case with everything on file. */
const COMPLETE: VolumeFacts = {
  accepted: true,
  acceptanceOrApplicationPrinted: true,
  rightsNoticePrinted: true,
  parties: [
    { name: '张建国', identityCopies: 1 },
    { name: '扎西多杰', identityCopies: 1 },
  ],
  agentParties: [],
  investigations: 0,
  evidence: 0,
  sessions: 2,
  outcome: 'WRITTEN',
  agreementOnFile: true,
  hasObligations: true,
  performanceProofs: 1,
  visitsDone: 2,
  closedUnperformed: false,
  confirmationRecorded: false,
  volumeNotes: 0,
};

const statusOf = (facts: VolumeFacts) =>
  Object.fromEntries(volumeChecklist(facts).items.map((i) => [i.item, i.status]));

describe('volume checklist (一案一卷, §2.2)', () => {
  it('lists the 13 items of the standard index in order', () => {
    const c = volumeChecklist(COMPLETE);
    expect(c.items.map((i) => i.no)).toEqual(VOLUME_ITEMS.map((_, i) => i + 1));
    expect(c.items[0]?.label).toBe('人民调解申请书或人民调解受理登记表');
    expect(c.items[12]?.label).toBe('封底');
    expect(c.complete).toBe(true);
    expect(c.missing).toEqual([]);
  });

  it('names each missing required item with its reason', () => {
    const c = volumeChecklist({
      ...COMPLETE,
      rightsNoticePrinted: false,
      parties: [
        { name: '张建国', identityCopies: 1 },
        { name: '扎西多杰', identityCopies: 0 },
      ],
      visitsDone: 0,
    });
    expect(c.complete).toBe(false);
    expect(c.missing.map((m) => m.item)).toEqual([
      'RIGHTS_NOTICE',
      'IDENTITY_PROOF',
      'FOLLOWUP_RECORD',
    ]);
    expect(c.missing[1]?.reason).toBe('缺少当事人扎西多杰的身份证明复印件');
    expect(missingSentence(c)).toContain('3. 人民调解回访记录：达成协议的案件没有回访记录');
  });

  it('makes 按需 items required when the case calls for them', () => {
    const withAgent = { ...COMPLETE, agentParties: [{ name: '张建国', powersOfAttorney: 0 }] };
    expect(statusOf(withAgent).POWER_OF_ATTORNEY).toBe('MISSING');
    expect(
      statusOf({ ...withAgent, agentParties: [{ name: '张建国', powersOfAttorney: 1 }] })
        .POWER_OF_ATTORNEY,
    ).toBe('PRESENT');
    expect(statusOf(COMPLETE).POWER_OF_ATTORNEY).toBe('NOT_NEEDED');
    // Closed without the agreement performed: the volume must explain itself.
    expect(statusOf({ ...COMPLETE, closedUnperformed: true }).VOLUME_NOTE).toBe('MISSING');
    expect(statusOf({ ...COMPLETE, closedUnperformed: true, volumeNotes: 1 }).VOLUME_NOTE).toBe(
      'PRESENT',
    );
  });

  it('asks no agreement, visit or session of a case that ended without mediation', () => {
    const refused = volumeChecklist({
      ...COMPLETE,
      outcome: 'REFUSED',
      sessions: 0,
      agreementOnFile: false,
      visitsDone: 0,
      performanceProofs: 0,
    });
    expect(refused.complete).toBe(true);
    const s = Object.fromEntries(refused.items.map((i) => [i.item, i]));
    expect(s.AGREEMENT?.status).toBe('NOT_NEEDED');
    expect(s.AGREEMENT?.reason).toBe('未达成调解协议');
    expect(s.SESSION_RECORD?.status).toBe('NOT_NEEDED');
    expect(s.FOLLOWUP_RECORD?.status).toBe('NOT_NEEDED');
  });

  it('requires the oral register of an oral settlement and sessions of a mediated case', () => {
    const oral = volumeChecklist({
      ...COMPLETE,
      outcome: 'ORAL',
      agreementOnFile: false,
      sessions: 0,
    });
    expect(oral.missing.map((m) => [m.item, m.reason])).toEqual([
      ['SESSION_RECORD', '没有调解记录'],
      ['AGREEMENT', '没有口头协议登记表'],
    ]);
  });

  it('refuses a case not yet accepted and one without parties', () => {
    const c = volumeChecklist({ ...COMPLETE, accepted: false, parties: [] });
    expect(c.missing.slice(0, 2).map((m) => m.reason)).toEqual(['案件尚未受理', '案件没有当事人']);
  });
});
