import fs from 'node:fs';
import zlib from 'node:zlib';
import { insertFollowUp } from '../../db/followups/followup-queries.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { FOLLOWUP_BUCKETS } from '../../domain/followups/followup-input.js';
import { followUpListSchema } from '../../domain/followups/followup-input.js';
import { defaultDevFontsDir, loadDocumentFonts } from '../../electron/documents/font-registry.js';
import { renderDocument } from '../../electron/documents/render-document.js';
import {
  defaultTemplatesDir,
  loadDocumentTemplate,
  type DocumentTemplateKind,
} from '../../electron/documents/template-loader.js';
import { assembleVolume, type VolumePart } from '../../electron/documents/volume-assembly.js';
import { buildVolumePagesData } from '../../electron/documents/volume-pages-data.js';
import { buildFollowUpRecordDocumentData } from '../../electron/documents/followup-record-data.js';
import { CaseLifecycleService } from '../../electron/services/case-lifecycle-service.js';
import { FollowUpService } from '../../electron/services/followup-service.js';
import { LedgerSession } from '../../electron/services/ledger-session.js';
import { p95, round, timeMs, type BenchModule } from './bench-registry.js';
import { int, rand } from './seed-cases.js';
import { seedBenchLedger } from './seed-ledger.js';

const TODAY = '2026-03-10';
const DAY = 86_400_000;
const VISITS = 30_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A grey A4 page at 150 dpi with some structure, as a PNG: what a phone scan of a receipt weighs. */
function scanPng(seed: number): Buffer {
  const width = 1240;
  const height = 1754;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x += 1) {
      const line =
        y % 48 < 2 || (x > 100 && x < 1140 && y % 48 < 30 && (x * 7 + y * seed) % 13 < 6);
      raw[y * (width + 1) + 1 + x] = line ? 40 : 235 + ((x + y + seed) % 12);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function dossierBench(): Promise<Record<string, number>> {
  const fonts = loadDocumentFonts(defaultDevFontsDir());
  const templates = defaultTemplatesDir();
  const render = (kind: DocumentTemplateKind, data: Parameters<typeof renderDocument>[1]) =>
    renderDocument(loadDocumentTemplate(templates, kind), data, {
      creationDate: new Date(`${TODAY}T02:00:00Z`),
      fonts,
    });
  // Thirteen stored documents (what the print register holds for a full case) and four scans.
  const record = await render(
    'FOLLOWUP_RECORD',
    buildFollowUpRecordDocumentData({
      committeeName: '金峰村人民调解委员会',
      visitedPartyNames: ['王芳', '李强'],
      agreementNumber: '（2026）金峰调字第001号',
      subject: '王芳与李强草场纠纷',
      visitDate: TODAY,
      mode: '上门',
      performance: '已履行',
      satisfaction: '满意',
      risk: '无',
      findings: '协议已全部履行。'.repeat(40),
      nextStep: '',
      visitorName: '才让',
      dateStyle: 'ARABIC',
    }),
  );
  const parts: VolumePart[] = Array.from({ length: 13 }, (_, i) => ({
    title: `卷内文书（${i + 1}）`,
    remark: '',
    pieces: [{ kind: 'pdf' as const, name: `doc${i}`, bytes: record }],
  }));
  parts.push({
    title: '收条或汇款单等履行凭证',
    remark: '',
    pieces: [1, 2, 3, 4].map((n) => ({
      kind: 'image' as const,
      name: `scan${n}.png`,
      mediaType: 'image/png' as const,
      bytes: scanPng(n),
    })),
  });
  const pages = (entries: Parameters<typeof buildVolumePagesData>[0]['entries'], count: number) =>
    buildVolumePagesData({
      committeeName: '金峰村人民调解委员会',
      title: '王芳与李强草场纠纷',
      volumeNo: '（2026）人调字第001号',
      mediatorNames: ['才让'],
      from: '2026-01-05',
      to: TODAY,
      filedBy: '李明',
      filedDate: TODAY,
      retention: '长期（30年）',
      remarks: null,
      entries,
      notes: [],
      pageCount: count,
      dateStyle: 'ARABIC',
    });
  const frame = {
    cover: () => render('VOLUME_COVER', pages([], 0)),
    index: (rows: Parameters<typeof pages>[0], n: number) => render('VOLUME_INDEX', pages(rows, n)),
    back: (rows: Parameters<typeof pages>[0], n: number) =>
      render('VOLUME_BACK_COVER', pages(rows, n)),
    backTitle: '卷内备考表（封底）',
    backRemark: '',
    creationDate: new Date(`${TODAY}T02:00:00Z`),
  };
  await assembleVolume(parts, frame); // warm: fonts parsed, code compiled
  const samples: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  let pageCount = 0;
  for (let i = 0; i < 5; i += 1) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const v = await assembleVolume(parts, frame);
    const used = process.cpuUsage(c);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push((used.user + used.system) / 1000);
    bytes = v.bytes.length;
    pageCount = v.pageCount;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2] ?? 0;
  // On a loaded machine the wall clock says little; the CPU time is what the change cut.
  console.log(
    `volume PDF: 13 documents + 4 scanned pages → ${pageCount} pages, ${(bytes / 1e6).toFixed(1)} MB, median ${median(samples).toFixed(0)} ms (CPU ${median(cpu).toFixed(0)} ms)`,
  );
  return { dossier_pdf_ms: round(median(samples)) };
}

/** The volume PDF alone (`npm run bench -- --only dossier`): it needs no seeded ledger. */
export const dossierBenchModule: BenchModule = { name: 'dossier', run: () => dossierBench() };

export const followupsBench: BenchModule = {
  name: 'followups',
  async run({ cases }) {
    const end = Date.parse(`${TODAY}T00:00:00Z`);
    const seeded = await seedBenchLedger(cases, TODAY, (db) => {
      const ids = (
        db
          .prepare(
            `SELECT id FROM case_file WHERE status NOT IN ('INTAKE', 'REJECTED', 'ARCHIVED')`,
          )
          .all() as { id: number }[]
      ).map((r) => r.id);
      const now = new Date().toISOString();
      // 30,000 planned visits, due from four months back to two months ahead.
      for (let i = 0; i < VISITS; i += 1) {
        const caseId = ids[int(0, ids.length - 1)] ?? 1;
        insertFollowUp(
          db,
          {
            caseId,
            agreementId: null,
            origin: rand() < 0.7 ? 'INSTALMENT' : 'ORAL',
            note: `第${int(1, 6)}期履行情况回访`,
            dueDate: isoDay(end + int(-120, 60) * DAY),
          },
          now,
        );
      }
    });
    console.log(
      `seeded ${cases} cases and ${VISITS} planned visits in ${(seeded.seedMs / 1000).toFixed(1)} s`,
    );
    const ledger = new LedgerSession(seeded.dir, MIGRATIONS, () => new Date(`${TODAY}T02:00:00Z`));
    const opened = await ledger.open();
    if (opened.state !== 'READY') throw new Error(`ledger ${opened.state}`);
    const followUps = new FollowUpService(ledger, new CaseLifecycleService(ledger));
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (const bucket of FOLLOWUP_BUCKETS) {
      for (const filter of [{}, { visitorId: seeded.mediatorIds[0] }, { text: '金峰' }]) {
        for (const offset of [0, 500]) {
          const query = followUpListSchema.parse({ bucket, offset, ...filter });
          followUps.list(query);
          for (let run = 0; run < 20; run += 1) {
            const c = process.cpuUsage();
            samples.push(timeMs(() => followUps.list(query)));
            const used = process.cpuUsage(c);
            cpuSamples.push((used.user + used.system) / 1000);
          }
        }
      }
    }
    const due = p95(samples);
    console.log(
      `回访 list (5 tabs × filters × pages): p95 ${due.toFixed(2)} ms; CPU p95 ${p95(cpuSamples).toFixed(2)} ms, mean ${(cpuSamples.reduce((a, b) => a + b, 0) / cpuSamples.length).toFixed(2)} ms per call`,
    );
    ledger.close();
    fs.rmSync(seeded.dir, { recursive: true, force: true });
    return { followups_due_p95_ms: round(due) };
  },
};
