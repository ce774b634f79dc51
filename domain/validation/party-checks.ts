import { ageOn, chinaToday, parseIsoDate } from './calendar-date';
import type { Code as GenderCode } from '../taxonomy/genders';
import type { Code as IdDocTypeCode } from '../taxonomy/id-doc-types';
import { checkIdNumber, genderMismatchWarning } from './id-number';

/**
 * Cross-field checks on one party (§6.9) that concern the person: legal capacity (age and
 * guardian) and agreement between the ID number and what the mediator typed. Field-level
 * problems (an ID with a wrong check digit, say) are reported by the field schemas, not here.
 */

export type PartyKind = 'NATURAL' | 'LEGAL' | 'OTHER_ORG';

export interface PartyCheckInput {
  readonly kind: PartyKind;
  readonly birthDate?: string | null;
  readonly gender?: GenderCode | null;
  readonly idDocType?: IdDocTypeCode | null;
  readonly idNumber?: string | null;
  readonly hasGuardian: boolean;
  /** The mediator confirmed a gender that differs from the one in the ID number. */
  readonly genderConfirmed?: boolean;
}

export interface PartyCheckOptions {
  /** The date the check is about: the document or signing date, `YYYY-MM-DD`. */
  readonly onDate: string;
  /** For judging ID birth dates "in the future"; defaults to today's date in China. */
  readonly today?: string;
}

export type CheckLevel = 'ERROR' | 'WARNING';

export interface PartyIssue {
  readonly level: CheckLevel;
  readonly field: string;
  readonly message: string;
}

/**
 * Document types whose number follows GB 11643: the household register shows the holder's
 * resident ID number, and the 2023 permanent-residence card uses the same structure. (The
 * older 15-character card does not, but it also fails the check and is then skipped.)
 */
export const GB11643_ID_DOC_TYPES: ReadonlySet<IdDocTypeCode> = new Set<IdDocTypeCode>([
  'RESIDENT_ID',
  'TEMPORARY_RESIDENT_ID',
  'HOUSEHOLD_REGISTER',
  'HMT_RESIDENCE_PERMIT',
  'FOREIGNER_PERMANENT_RESIDENCE',
]);

const ADULT_AGE = 18;
const MAX_AGE = 120;

export const GENDER_CONFIRM_HINT =
  '如核实无误（例如证件已变更），请勾选“性别与身份证号码不一致，已核实”';
/** What the change history records when a mediator confirms a gender against the number. */
export const GENDER_CONFIRMATION_RECORD = '性别与身份证号码不一致，已由调解员核实确认';

function idBirthAndGender(party: PartyCheckInput, today: string) {
  const idNumber = party.idNumber?.trim();
  if (!idNumber) return null;
  // Without a type the number is most likely a resident ID; other documents are skipped so
  // that a passport number is never read as a birth date.
  const type = party.idDocType ?? null;
  if (type !== null && !GB11643_ID_DOC_TYPES.has(type)) return null;
  const result = checkIdNumber(idNumber, { today });
  return result.valid ? result : null;
}

export function checkPartyPerson(party: PartyCheckInput, options: PartyCheckOptions): PartyIssue[] {
  if (party.kind !== 'NATURAL') return [];
  const issues: PartyIssue[] = [];
  const today = options.today ?? chinaToday();
  const fromId = idBirthAndGender(party, today);
  const stated = party.birthDate && parseIsoDate(party.birthDate) ? party.birthDate : null;

  if (fromId && stated && fromId.birthDate !== stated) {
    issues.push({
      level: 'WARNING',
      field: 'birthDate',
      message: `填写的出生日期（${stated}）与身份证号码中的出生日期（${fromId.birthDate}）不一致，请核对`,
    });
  }

  // A gender against the number is nearly always a slip (the 15-digit reading of a number
  // still being typed, a wrong pick): refused unless the mediator explicitly confirms it,
  // and the confirmation is recorded with the save.
  if (fromId) {
    const gender = genderMismatchWarning(fromId.gender, party.gender);
    if (gender && party.genderConfirmed === true) {
      issues.push({ level: 'WARNING', field: 'gender', message: `${gender}（已确认）` });
    } else if (gender) {
      issues.push({
        level: 'ERROR',
        field: 'gender',
        message: `${gender}。${GENDER_CONFIRM_HINT}`,
      });
    }
  }

  // When the two birth dates disagree the later one is used: wrongly asking for a guardian
  // costs a question, wrongly letting a minor sign can void the agreement.
  const birthDates = [stated, fromId?.birthDate].filter(
    (d): d is string => d !== null && d !== undefined,
  );
  const statedAge = stated ? ageOn(stated, options.onDate) : null;
  if (statedAge !== null && statedAge > MAX_AGE) {
    issues.push({
      level: 'ERROR',
      field: 'birthDate',
      message: `出生日期（${stated}）表示当事人已${statedAge}岁，超过${MAX_AGE}岁，请核对`,
    });
  }
  if (birthDates.length > 0) {
    const birthDate = birthDates.reduce((a, b) => (a > b ? a : b));
    const age = ageOn(birthDate, options.onDate);
    if (age !== null && age < 0) {
      issues.push({
        level: 'ERROR',
        field: 'birthDate',
        message: `出生日期（${birthDate}）晚于文书日期（${options.onDate}），请核对`,
      });
    } else if (age !== null && age < ADULT_AGE && !party.hasGuardian) {
      issues.push({
        level: 'ERROR',
        field: 'hasGuardian',
        message: `当事人在${options.onDate}未满18周岁（${age}岁），须登记法定代理人（监护人）并由其参加调解、签名`,
      });
    }
  }
  return issues;
}
