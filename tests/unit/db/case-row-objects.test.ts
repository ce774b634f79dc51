import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  partyFromRow,
  representativeFromRow,
  sessionFromRow,
  type PartyRow,
  type RepresentativeRow,
  type SessionRow,
} from '../../../db/cases/case-rows.js';
import { getCaseDetail } from '../../../db/cases/case-reads.js';
import { insertCase, insertParty } from '../../../db/cases/case-writes.js';
import { openConnection } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { caseIntakeSchema } from '../../../domain/cases/case-input.js';
import { tempDir } from '../support/temp-dir.js';
import { heapBytesPerCall } from '../support/heap-bytes.js';
import { intake } from '../services/case-fixtures.js';

/**
 * Issue 8 (party_update_p95_ms): a correction's commit waits on garbage collection, and each one
 * reads its party three times and the whole case once. A spread in front of many fields made V8
 * build these objects the slow way: ~13 KB a party, ~9 KB a session, ~12 KB a case detail.
 */
const stamps = { id: 7, version: 2, created_at: 1_773_108_000_000, updated_at: 1_773_109_000_000 };

const party = {
  ...stamps,
  case_id: 3,
  sort: 1,
  kind: 'NATURAL',
  role: 'APPLICANT',
  name: '王芳',
  name_initials: 'wf',
  phone_kind: 'MOBILE',
  phone: '13708854495',
  no_phone_reason: null,
  address: '格尔木市唐古拉山镇',
  note: null,
  gender: 'FEMALE',
  gender_confirmed: 0,
  ethnicity: '01',
  birth_date: '1949-12-31',
  occupation: '牧民',
  id_doc_type: 'RESIDENT_ID',
  id_number: '11010519491231002X',
  id_doc_name: null,
  id_none_reason: null,
  preferred_language: 'zh',
  needs_interpreter: 0,
  social_credit_code: null,
  legal_rep_name: null,
  legal_rep_title: null,
  own_script_name: null,
  own_script_address: null,
} as unknown as PartyRow;

const session = {
  ...stamps,
  case_id: 3,
  session_no: 1,
  start_at: '2026-03-10T02:00:00.000Z',
  end_at: '2026-03-10T03:00:00.000Z',
  place: '调解室',
  subject: '草场边界',
  party_ids_json: '[1,2]',
  mediator_ids_json: '[1]',
  recorder: '李明',
  participants_json: '[]',
  interpreter_name: null,
  interpreter_language: null,
  is_public: 0,
  record_mode: 'WRITTEN',
  content: '双方陈述。',
  result: 'CONTINUE',
  read_back_confirmed: 1,
} as unknown as SessionRow;

const representative = {
  ...stamps,
  party_id: 7,
  sort: 1,
  kind: 'AGENT',
  name: '赵律师',
  relationship: '委托代理人',
  phone_kind: 'MOBILE',
  phone: '13900005678',
  no_phone_reason: null,
  id_doc_json: null,
} as unknown as RepresentativeRow;

const NOW = '2026-03-10T02:00:00.000Z';
describe('case row objects', () => {
  it('a party, a session and a representative are small objects', () => {
    expect(heapBytesPerCall(() => partyFromRow(party, []))).toBeLessThan(2_000);
    expect(heapBytesPerCall(() => sessionFromRow(session))).toBeLessThan(2_000);
    expect(heapBytesPerCall(() => representativeFromRow(representative))).toBeLessThan(1_500);
  });

  it('the detail read builds no second copy of the case', async () => {
    const db = openConnection(path.join(tempDir('md-row-objects'), 'l.sqlite'));
    try {
      await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date(NOW) });
      const values = caseIntakeSchema.parse(intake());
      const caseId = db.transaction(() => {
        const id = insertCase(db, { ...values, title: '王芳草场纠纷' }, 'INTAKE', NOW);
        for (const p of values.parties) insertParty(db, id, p, NOW);
        return id;
      })();
      const size = heapBytesPerCall(() => getCaseDetail(db, caseId, '2026-03-10'));
      // A two-party case: ~15 KB of rows, strings and lists; the spreads made it ~33 KB.
      expect(size).toBeLessThan(22_000);
    } finally {
      db.close();
    }
  });
});
