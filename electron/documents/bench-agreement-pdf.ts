import path from 'node:path';
import { buildAgreementDocumentData, type AgreementDocumentInput } from './agreement-data.js';
import { defaultDevFontsDir, loadDocumentFonts } from './font-registry.js';
import { renderDocument } from './render-document.js';
import { defaultTemplatesDir, loadTemplateFile } from './template-loader.js';

/**
 * Benchmark of the agreement PDF (2 parties, 3 terms, an amount; 2 pages).
 *
 * Warm: fonts and template loaded once, median of `iterations` renders in this process.
 * Cold (module load + font parse + first render) needs a fresh process: run
 * `bench-agreement-pdf-cli.ts` (see there) and read `cold_ms`.
 */

export const SAMPLE_AGREEMENT_INPUT: AgreementDocumentInput = {
  committeeName: '格尔木市河西街道人民调解委员会',
  agreementNumber: '（2026）河西调字第015号',
  parties: [
    {
      kind: 'PERSON',
      name: '张建国',
      gender: '男',
      ethnicity: '汉族',
      age: 52,
      occupation: '个体',
      phone: '13897012345',
      address: '青海省格尔木市河西街道昆仑路18号3单元201室',
    },
    {
      kind: 'PERSON',
      name: '扎西多杰',
      gender: '男',
      ethnicity: '藏族',
      age: 38,
      occupation: '牧民',
      phone: '13909791234',
      address: '青海省格尔木市唐古拉山镇长江源村',
    },
  ],
  factsAndIssues:
    '2026年10月5日，扎西多杰驾驶的货车在昆仑路倒车时撞坏张建国经营的门面卷帘门及货架，造成财物损失。双方对损失金额和赔偿方式发生争议。经人民调解员现场查看、询问双方及证人，确认事故系扎西多杰倒车时未注意观察所致，扎西多杰应承担全部责任；张建国对损失金额的主张偏高，应以维修单据为准。',
  terms: [
    '扎西多杰赔偿张建国卷帘门、货架维修费及货物损失共计人民币叁万元整（¥30,000.00）。',
    '扎西多杰于2026年11月30日前将上述款项一次性转入张建国指定的银行账户。',
    '款项付清后，双方就本纠纷再无其他争议，张建国不再就此事向扎西多杰主张任何权利。',
  ],
  performance: '银行转账，一次性付清，履行期限至2026年11月30日。',
  amountFen: 3_000_000,
  copies: 3,
  agreementDate: '2026-11-23',
  dateStyle: 'CHINESE',
  mediatorNames: ['李秀兰'],
  recorderName: '王海燕',
};

export interface BenchAgreementPdfOptions {
  readonly iterations?: number;
  readonly fontsDir?: string;
  readonly templatesDir?: string;
  /** Set by the script entry: the process was started for this run, so `cold_ms` is meaningful. */
  readonly freshProcess?: boolean;
}

export interface BenchAgreementPdfResult {
  readonly warm_p50_ms: number;
  readonly first_render_ms: number;
  readonly bytes: number;
  readonly pages: number;
  /** Process start → first PDF finished; only in a fresh process. */
  readonly cold_ms?: number;
  /**
   * CPU time of the process (all threads) by then: on a shared machine the wall time includes
   * waiting for a core, this does not.
   */
  readonly cold_cpu_ms?: number;
}

export async function benchAgreementPdf(
  options: BenchAgreementPdfOptions = {},
): Promise<BenchAgreementPdfResult> {
  const iterations = options.iterations ?? 30;
  const firstStart = performance.now();
  const fonts = loadDocumentFonts(options.fontsDir ?? defaultDevFontsDir());
  const template = loadTemplateFile(
    path.join(options.templatesDir ?? defaultTemplatesDir(), 'agreement.v1.json'),
  );
  const data = buildAgreementDocumentData(SAMPLE_AGREEMENT_INPUT);
  const creationDate = new Date('2026-11-23T02:00:00Z');
  const first = await renderDocument(template, data, { creationDate, fonts });
  const firstDone = performance.now();
  const firstCpu = process.cpuUsage();
  const firstRenderMs = firstDone - firstStart;
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    await renderDocument(template, data, { creationDate, fonts });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  const pages = first.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  return {
    warm_p50_ms: Math.round(median * 10) / 10,
    first_render_ms: Math.round(firstRenderMs * 10) / 10,
    bytes: first.length,
    pages,
    ...(options.freshProcess
      ? {
          cold_ms: Math.round(firstDone * 10) / 10,
          cold_cpu_ms: Math.round((firstCpu.user + firstCpu.system) / 100) / 10,
        }
      : {}),
  };
}
