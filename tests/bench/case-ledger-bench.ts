import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection } from '../../db/connection.js';
import { ledgerPaths } from '../../db/ledger-files.js';
import { loadDashboard } from '../../db/cases/dashboard-query.js';
import { searchLedger } from '../../db/cases/ledger-query.js';
import { saveMediator } from '../../db/cases/mediator-queries.js';
import { migrate } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { saveRoomSettings } from '../../db/room-settings-queries.js';
import { ledgerQuerySchema } from '../../domain/cases/ledger-inputs.js';
import { caseIntakeSchema } from '../../domain/cases/case-input.js';
import { CaseService } from '../../electron/services/case-service.js';
import { LedgerSession } from '../../electron/services/ledger-session.js';
import { p95, round, timeMs, type BenchModule } from './bench-registry.js';
import { idNumber, personName, phone, seedCases } from './seed-cases.js';

const TODAY = '2026-03-10';

export const caseLedgerBench: BenchModule = {
  name: 'case-ledger',
  async run({ cases }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
    const file = ledgerPaths(dir).ledgerFile;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const seedDb = openConnection(file);
    await migrate(seedDb, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
    saveRoomSettings(
      seedDb,
      {
        committeeName: '金峰村人民调解委员会',
        roomName: '金峰村调解室',
        organisationType: 'VILLAGE',
        divisionCode: null,
        numberAbbreviation: '金峰',
        caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
        documentDateStyle: 'ARABIC',
        countyOfficeName: '格尔木市司法局',
      },
      0,
      new Date().toISOString(),
    );
    const mediatorIds = ['才让', '巴特尔', '王建国', '李明'].map((name) => {
      const r = saveMediator(
        seedDb,
        {
          id: null,
          expectedVersion: 0,
          name,
          isPeopleMediator: true,
          languages: ['zh'],
          active: true,
        },
        new Date().toISOString(),
      );
      if (!r.ok) throw new Error('mediator');
      return r.mediator.id;
    });
    const seedMs = timeMs(() => seedCases(seedDb, cases, mediatorIds, TODAY));
    seedDb.pragma('wal_checkpoint(TRUNCATE)');
    seedDb.exec('ANALYZE');
    const sample = seedDb
      .prepare('SELECT p.name, p.phone, p.id_number FROM party p WHERE p.id = ?')
      .get(Math.floor(cases * 1.2)) as { name: string; phone: string; id_number: string };
    if (process.argv.includes('--sizes')) {
      const sizes = seedDb
        .prepare(
          `SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12`,
        )
        .all() as { name: string; bytes: number }[];
      for (const s of sizes)
        console.log(`  ${s.name.padEnd(36)} ${(s.bytes / cases).toFixed(0)} B/case`);
    }
    seedDb.close();
    const bytes = fs.statSync(file).size;
    console.log(
      `seeded ${cases} cases in ${(seedMs / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB`,
    );

    const ledger = new LedgerSession(dir, MIGRATIONS, () => new Date(`${TODAY}T02:00:00Z`));
    const opened = await ledger.open();
    if (opened.state !== 'READY') throw new Error(`ledger ${opened.state}`);
    const db = ledger.db();
    const q = (input: Record<string, unknown>) => ledgerQuerySchema.parse(input);

    const runs = (n: number, fn: () => unknown) => {
      fn();
      return p95(Array.from({ length: n }, () => timeMs(fn)));
    };

    const pageQueries = [
      q({}),
      q({ statuses: ['MEDIATING'], sort: 'ACCEPTED_DATE' }),
      q({ category: 'FOREST_LAND', acceptedFrom: '2025-01-01', acceptedTo: '2025-12-31' }),
      q({ riskLevels: ['HIGH', 'CRITICAL'], sort: 'DUE_DATE', direction: 'ASC' }),
      q({ overdueOnly: true }),
      q({ mediatorId: mediatorIds[0], sort: 'CASE_NUMBER' }),
      q({ statuses: ['CLOSED'], page: 20 }),
    ];
    const pageP95 = Math.max(
      ...pageQueries.map((query) => {
        const t = runs(100, () => searchLedger(db, query, TODAY));
        console.log(`page ${JSON.stringify(query).slice(0, 110)} p95 ${t.toFixed(2)} ms`);
        return t;
      }),
    );

    const searches: Record<string, string> = {
      one_char: '草',
      two_char: '草场',
      three_plus: '牛羊越界',
      name: sample.name,
      two_char_name: '王芳',
      pinyin: 'wf',
      phone: sample.phone,
      id_number: sample.id_number,
    };
    const searchTimes: Record<string, number> = {};
    const likeTimes: Record<string, number> = {};
    const likeSql = db.prepare(
      `SELECT c.id FROM case_file c
       WHERE c.summary LIKE @p ESCAPE '\\' OR c.title LIKE @p ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM party p WHERE p.case_id = c.id AND (p.name LIKE @p ESCAPE '\\'
               OR p.phone LIKE @p ESCAPE '\\' OR p.id_number LIKE @p ESCAPE '\\'))
          OR EXISTS (SELECT 1 FROM session_record s WHERE s.case_id = c.id AND s.content LIKE @p ESCAPE '\\')
       ORDER BY c.accepted_date DESC LIMIT 50`,
    );
    for (const [label, text] of Object.entries(searches)) {
      const query = q({ text });
      const hits = searchLedger(db, query, TODAY);
      searchTimes[label] = runs(50, () => searchLedger(db, query, TODAY));
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      likeTimes[label] = runs(5, () => likeSql.all({ p: pattern }));
      console.log(
        `search ${label.padEnd(14)} ${JSON.stringify(text).padEnd(22)} fts p95 ${searchTimes[label]?.toFixed(2).padStart(7)} ms   like p95 ${likeTimes[label]?.toFixed(1).padStart(7)} ms   rows ${hits.rows.length} total ${hits.total}${hits.totalIsExact ? '' : '+'}`,
      );
    }
    const dashboardP95 = runs(50, () => loadDashboard(db, TODAY));

    const service = new CaseService(ledger);
    const intakes = Array.from({ length: 200 }, () =>
      caseIntakeSchema.parse({
        intakeDate: TODAY,
        source: 'ON_APPLICATION',
        category: 'FOREST_LAND',
        subtype: 'GRASSLAND',
        summary: '双方因冬季草场网围栏位置发生争议，申请人要求被申请人拆除越界围栏并赔偿损失。',
        parties: [0, 1].map((i) => ({
          kind: 'NATURAL',
          role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
          name: personName(),
          gender: 'MALE',
          ethnicity: '04',
          phone: { phone: phone() },
          address: '格尔木市唐古拉山镇',
          idDocument: { type: 'RESIDENT_ID', number: idNumber() },
        })),
      }),
    );
    const intakeSamples = intakes.map((values) => timeMs(() => service.create(values)));
    ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });

    const metrics = {
      ledger_page_p95_ms: round(pageP95),
      search_p95_ms: round(Math.max(...Object.values(searchTimes))),
      search_like_p95_ms: round(Math.max(...Object.values(likeTimes))),
      dashboard_p95_ms: round(dashboardP95),
      intake_commit_p95_ms: round(p95(intakeSamples)),
      db_bytes_per_case: Math.round(bytes / cases),
    };
    const slowestRatio = Math.min(
      ...Object.keys(searchTimes).map(
        (k) => (likeTimes[k] ?? 0) / Math.max(searchTimes[k] ?? 1, 1e-3),
      ),
    );
    console.log(
      `ledger page p95 ${metrics.ledger_page_p95_ms} ms; dashboard p95 ${metrics.dashboard_p95_ms} ms; intake p95 ${metrics.intake_commit_p95_ms} ms`,
    );
    console.log(
      `search worst p95 ${metrics.search_p95_ms} ms; LIKE worst p95 ${metrics.search_like_p95_ms} ms; smallest per-query speed-up ${slowestRatio.toFixed(0)}×`,
    );
    console.log(`${metrics.db_bytes_per_case} bytes per case`);
    return metrics;
  },
};
