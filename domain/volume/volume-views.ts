import type { AttachmentKind, RetentionPeriod } from './volume-input';
import type { VolumeChecklist } from './volume-checklist';

/** What the volume API answers. */

export interface VolumeAttachment {
  readonly id: number;
  readonly kind: AttachmentKind;
  readonly label: string;
  readonly partyId: number | null;
  readonly partyName: string | null;
  readonly fileName: string;
  readonly mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly byteLength: number;
  readonly sha256: string;
  readonly createdAt: string;
}

/** A dated note appended to the volume (卷宗情况说明); after archiving the only way to add. */
export interface VolumeNote {
  readonly id: number;
  readonly noteDate: string;
  readonly text: string;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Written after the case was archived (a later correction). */
  readonly afterArchiving: boolean;
}

export interface ArchiveRecord {
  readonly volumeNo: string;
  readonly title: string;
  readonly retention: RetentionPeriod;
  readonly retentionLabel: string;
  readonly filedBy: string;
  readonly filedDate: string;
  readonly remarks: string | null;
  readonly archivedAt: string;
}

export interface CaseVolume {
  readonly caseId: number;
  readonly caseVersion: number;
  readonly status: string;
  readonly checklist: VolumeChecklist;
  readonly archive: ArchiveRecord | null;
  readonly notes: readonly VolumeNote[];
  readonly attachments: readonly VolumeAttachment[];
}

/** One row of the printed 卷内目录. */
export interface VolumeIndexRow {
  readonly no: number;
  readonly title: string;
  /** First page, or “首页-末页” when the document spans several pages. */
  readonly pages: string;
  readonly remark: string;
}
