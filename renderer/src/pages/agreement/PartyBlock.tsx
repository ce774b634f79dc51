import { Descriptions, Tag } from 'antd';
import type { Party } from '../../../../domain/cases/case-views';
import { DEFAULT_EXTENSIONS, labelOfWith } from '../../../../domain/taxonomy/ethnic-groups';
import * as genders from '../../../../domain/taxonomy/genders';
import * as languages from '../../../../domain/taxonomy/languages';
import * as partyRoles from '../../../../domain/taxonomy/party-roles';
import { ageOn } from '../../../../domain/validation/calendar-date';
import { MaskedIdNumber } from '../../components/MaskedIdNumber';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.agreement.editor.party;
const dash = uiText.common.dash;

/** The party block of §2.4 as it will be printed (read-only: the ledger is the source). */
export function PartyBlock({
  party,
  onDate,
  showIdNumber,
}: {
  party: Party;
  onDate: string;
  showIdNumber: boolean;
}) {
  const phone =
    party.phone.kind === 'NONE'
      ? `${party.phone.phone}（${party.phone.noPhoneReason ?? ''}）`
      : party.phone.phone;
  const natural = party.kind === 'NATURAL';
  return (
    <Descriptions
      size="small"
      bordered
      column={4}
      data-testid="agreement-party"
      title={
        <>
          {partyRoles.labelOf(party.role)}：{party.name}
          {natural && party.preferredLanguage !== 'zh' ? (
            <Tag color="gold" style={{ marginLeft: 8 }}>
              {t.language(languages.labelOf(party.preferredLanguage))}
            </Tag>
          ) : null}
        </>
      }
      items={[
        { key: 'name', label: t.name, children: party.name },
        ...(natural
          ? [
              {
                key: 'gender',
                label: t.gender,
                children: party.gender ? genders.labelOf(party.gender) : dash,
              },
              {
                key: 'ethnicity',
                label: t.ethnicity,
                children: party.ethnicity ? labelOfWith(party.ethnicity, DEFAULT_EXTENSIONS) : dash,
              },
              {
                key: 'age',
                label: t.age,
                children: party.birthDate ? (ageOn(party.birthDate, onDate) ?? dash) : dash,
              },
              { key: 'occupation', label: t.occupation, children: party.occupation ?? dash },
            ]
          : [{ key: 'rep', label: t.legalRep, children: party.legalRepName ?? dash }]),
        { key: 'phone', label: t.phone, children: phone },
        { key: 'address', label: t.address, children: party.address, span: 2 },
        ...(showIdNumber && party.idDocument?.number
          ? [
              {
                key: 'id',
                label: t.idNumber,
                children: (
                  <MaskedIdNumber
                    caseId={party.caseId}
                    partyId={party.id}
                    partyName={party.name}
                    number={party.idDocument.number}
                  />
                ),
                span: 2,
              },
            ]
          : []),
      ]}
    />
  );
}
