import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import type { VolumeIndexRow } from '../../domain/volume/volume-views.js';
import { EMPTY_FIELD } from './agreement-data.js';
import type { DocumentData } from './document-data.js';

/**
 * The pages the app adds to a volume (domain §2.2, §2.3): cover, 卷内目录 and 封底 (卷内备考表).
 * One input for the three, since they print the same archiving record.
 */
export interface VolumePagesInput {
  readonly committeeName: string;
  readonly title: string;
  readonly volumeNo: string;
  readonly mediatorNames: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly filedBy: string;
  readonly filedDate: string;
  readonly retention: string;
  readonly remarks: string | null;
  readonly entries: readonly VolumeIndexRow[];
  /** 卷宗情况说明, printed on the 卷内备考表. */
  readonly notes: readonly { readonly date: string; readonly text: string }[];
  /** Pages of the whole volume, cover included. */
  readonly pageCount: number;
  readonly dateStyle: DocumentDateStyle;
}

export function buildVolumePagesData(input: VolumePagesInput): DocumentData {
  if (input.to < input.from) throw new RangeError('调解结束日期不能早于开始日期');
  return {
    fields: {
      'committee.name': input.committeeName,
      'volume.title': input.title,
      'volume.number': input.volumeNo,
      'volume.mediators':
        input.mediatorNames.length === 0 ? EMPTY_FIELD : input.mediatorNames.join('、'),
      'volume.from': formatDocumentDate(input.from, input.dateStyle),
      'volume.to': formatDocumentDate(input.to, input.dateStyle),
      'volume.filedBy': input.filedBy,
      'volume.filedDate': formatDocumentDate(input.filedDate, input.dateStyle),
      'volume.retention': input.retention,
      'volume.remarks': input.remarks ?? '',
      'volume.pageCount': String(input.pageCount),
      'volume.documentCount': String(input.entries.length),
    },
    lists: {
      volumeNotes: input.notes.map((n) => ({
        'note.date': formatDocumentDate(n.date, input.dateStyle),
        'note.text': n.text,
      })),
      volumeEntries: input.entries.map((e) => ({
        'entry.no': String(e.no),
        'entry.title': e.title,
        'entry.pages': e.pages,
        'entry.remark': e.remark,
      })),
    },
  };
}
