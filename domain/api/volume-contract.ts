import { z } from 'zod';
import type { RenderedDocument, ScanFile } from '../agreements/agreement-views';
import { rowIdField } from '../cases/input-fields';
import { archiveSchema, attachSchema, volumeNoteSchema } from '../volume/volume-input';
import type { CaseVolume } from '../volume/volume-views';
import { method } from './method.js';

/** The volume (一案一卷, domain §2.2, §2.3, §4.8). */
export const volumeContract = {
  /** The checklist (as archived, once archived), archiving record, notes and attachments. */
  'volume.get': method<CaseVolume>()(z.strictObject({ caseId: rowIdField('案件') })),
  'volume.archive': method<CaseVolume>()(archiveSchema),
  /** A dated 卷宗情况说明; the only write an archived case accepts. */
  'volume.addNote': method<CaseVolume>()(volumeNoteSchema),
  'volume.attach': method<CaseVolume>()(attachSchema),
  'volume.attachment': method<ScanFile>()(z.strictObject({ attachmentId: rowIdField('卷宗材料') })),
  /** The whole volume as one PDF (cover, 卷内目录, documents and scans, 卷内备考表); archived only. */
  'volume.pdf': method<RenderedDocument>()(z.strictObject({ caseId: rowIdField('案件') })),
} as const;
