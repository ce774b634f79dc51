import { assembleVolume, type VolumePart } from '../documents/volume-assembly.js';
import { buildVolumePagesData, type VolumePagesInput } from '../documents/volume-pages-data.js';
import type { VolumeIndexRow } from '../../domain/volume/volume-views.js';
import { DocumentEngine } from './document-engine.js';

/**
 * A volume PDF's assembly as plain data: the parts' bytes (stored PDFs, scans, documents the
 * core rendered or took from the print register) and the archiving record for the cover,
 * 卷内目录 and 卷内备考表. pdf-lib copies every page and the frame is re-rendered until the page
 * count is stable: seconds for a thick volume, so it runs on the export thread.
 */
export interface VolumeAssemblyJob {
  readonly parts: readonly VolumePart[];
  /** The cover/index/back data except the rows and page count, which assembly computes. */
  readonly pages: Omit<VolumePagesInput, 'entries' | 'pageCount'>;
  readonly backRemark: string;
  readonly creationDate: Date;
  readonly fontsDir: string;
  readonly templatesDir: string;
}

export async function assembleVolumeJob(job: VolumeAssemblyJob): Promise<Uint8Array> {
  // A new engine per job; the fonts themselves are parsed once per thread (font-registry).
  const engine = new DocumentEngine({ fontsDir: job.fontsDir, templatesDir: job.templatesDir });
  const render = async (
    kind: 'VOLUME_COVER' | 'VOLUME_INDEX' | 'VOLUME_BACK_COVER',
    entries: readonly VolumeIndexRow[],
    pageCount: number,
  ) =>
    (
      await engine.render(kind, buildVolumePagesData({ ...job.pages, entries, pageCount }), {
        creationDate: job.creationDate,
        allowMissingGlyphs: true,
      })
    ).bytes;
  const assembled = await assembleVolume(job.parts, {
    cover: () => render('VOLUME_COVER', [], 0),
    index: (rows, n) => render('VOLUME_INDEX', rows, n),
    back: (rows, n) => render('VOLUME_BACK_COVER', rows, n),
    backTitle: '卷内备考表（封底）',
    backRemark: job.backRemark,
    creationDate: job.creationDate,
  });
  return assembled.bytes;
}
