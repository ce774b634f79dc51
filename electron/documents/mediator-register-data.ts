import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import {
  EMPLOYMENT_LABELS,
  FILING_STATUS_LABELS,
  MEDIATOR_GRADE_LABELS,
  type MediatorProfile,
} from '../../domain/cases/mediator-profile.js';
import * as genders from '../../domain/taxonomy/genders.js';
import * as languages from '../../domain/taxonomy/languages.js';
import type { DocumentData } from './document-data.js';

/**
 * The 人民调解员登记表 (domain §4.11) of one mediator: what the county checks before it pays
 * per case (grade, 备案) and what the room keeps on file (training). Empty lines stay blank to
 * be filled in by hand rather than printing “null”.
 */
export interface MediatorRegisterInput {
  readonly committeeName: string;
  readonly dateStyle: DocumentDateStyle;
  readonly registerDate: string;
  readonly name: string;
  readonly isPeopleMediator: boolean;
  readonly active: boolean;
  readonly languages: readonly languages.Code[];
  readonly profile: MediatorProfile;
}

function hours(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}

export function buildMediatorRegisterData(input: MediatorRegisterInput): DocumentData {
  if (input.name.trim() === '') throw new RangeError('登记表要写明调解员姓名');
  const p = input.profile;
  const d = (iso: string) => formatDocumentDate(iso, input.dateStyle);
  const trainings = [...p.trainings].sort((a, b) => a.date.localeCompare(b.date));
  const total = trainings.reduce((sum, t) => sum + t.hours, 0);
  return {
    fields: {
      'committee.name': input.committeeName,
      'register.date': d(input.registerDate),
      'profile.name': input.name,
      'profile.gender': p.gender === null ? '' : genders.labelOf(p.gender),
      'profile.birthDate': p.birthDate === null ? '' : d(p.birthDate),
      'profile.education': p.education ?? '',
      'profile.political': p.politicalStatus ?? '',
      'profile.workUnit': p.workUnit ?? '',
      'profile.title': p.title ?? '',
      'profile.phone': p.phone ?? '',
      'profile.grade': p.grade === null ? '未评定' : MEDIATOR_GRADE_LABELS[p.grade],
      'profile.filingStatus': FILING_STATUS_LABELS[p.filingStatus],
      'profile.filingNumber': p.filingNumber ?? '',
      'profile.employment': EMPLOYMENT_LABELS[p.employment],
      'profile.languages': input.languages.map((l) => languages.labelOf(l)).join('、'),
      'profile.kind': input.isPeopleMediator ? '人民调解员' : '其他工作人员',
      'profile.active': input.active ? '在岗' : '不在岗',
      'profile.trainingSummary':
        trainings.length === 0
          ? '暂无培训记录'
          : `共参加培训 ${trainings.length} 次，合计 ${hours(total)} 学时（明细见下表）`,
    },
    lists: {
      trainings: trainings.map((t, i) => ({
        'training.no': String(i + 1),
        'training.date': d(t.date),
        'training.title': t.title,
        'training.hours': hours(t.hours),
        'training.organiser': t.organiser ?? '',
      })),
    },
  };
}
