import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  verdictOfChecklist,
  volumeChecklist,
  volumeVerdict,
  type VolumeFacts,
} from '../../../domain/volume/volume-checklist.js';

const name = fc.constantFrom('张建国', '扎西多杰', '马福祥', '其其格');
const count = fc.integer({ min: 0, max: 3 });

const facts: fc.Arbitrary<VolumeFacts> = fc.record({
  accepted: fc.boolean(),
  acceptanceOrApplicationPrinted: fc.boolean(),
  rightsNoticePrinted: fc.boolean(),
  parties: fc.array(fc.record({ name, identityCopies: count }), { maxLength: 4 }),
  agentParties: fc.array(fc.record({ name, powersOfAttorney: count }), { maxLength: 2 }),
  investigations: count,
  evidence: count,
  sessions: count,
  outcome: fc.constantFrom('WRITTEN', 'ORAL', 'FAILED', 'REFUSED', 'REFERRED', 'OPEN'),
  agreementOnFile: fc.boolean(),
  hasObligations: fc.boolean(),
  performanceProofs: count,
  visitsDone: count,
  closedUnperformed: fc.boolean(),
  confirmationRecorded: fc.boolean(),
  volumeNotes: count,
});

describe('the volume verdict a claim takes (issue 15)', () => {
  it('says what the whole checklist says: complete, why not, and what is present', () => {
    // A fixed seed: the same cases on every run.
    fc.assert(
      fc.property(facts, (f) => {
        expect(volumeVerdict(f)).toEqual(verdictOfChecklist(volumeChecklist(f)));
      }),
      { seed: 15, numRuns: 2_000 },
    );
  });

  it('lists the missing reasons in index order and the present items', () => {
    const verdict = volumeVerdict({
      accepted: true,
      acceptanceOrApplicationPrinted: false,
      rightsNoticePrinted: true,
      parties: [{ name: '张建国', identityCopies: 0 }],
      agentParties: [],
      investigations: 0,
      evidence: 0,
      sessions: 2,
      outcome: 'WRITTEN',
      agreementOnFile: true,
      hasObligations: false,
      performanceProofs: 0,
      visitsDone: 1,
      closedUnperformed: false,
      confirmationRecorded: false,
      volumeNotes: 0,
    });
    expect(verdict).toEqual({
      complete: false,
      missingReasons: ['尚未打印受理登记表或申请书', '缺少当事人张建国的身份证明复印件'],
      present: ['RIGHTS_NOTICE', 'SESSION_RECORD', 'AGREEMENT', 'FOLLOWUP_RECORD', 'BACK_COVER'],
    });
  });
});
