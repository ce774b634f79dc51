import { Button, Space, Table, Tag } from 'antd';
import { memo, useEffect, useState } from 'react';
import type { Party } from '../../../../domain/cases/case-views';
import { REPRESENTATIVE_KIND_LABELS } from '../../../../domain/cases/party-input';
import { labelOfWith, type Extension } from '../../../../domain/taxonomy/ethnic-groups';
import * as genders from '../../../../domain/taxonomy/genders';
import * as idDocTypes from '../../../../domain/taxonomy/id-doc-types';
import * as languages from '../../../../domain/taxonomy/languages';
import * as partyRoles from '../../../../domain/taxonomy/party-roles';
import { ageOn, chinaToday } from '../../../../domain/validation/calendar-date';
import { scriptOfLanguage } from '../../../../domain/validation/own-script';
import { MaskedIdNumber } from '../../components/MaskedIdNumber';
import { OwnScriptText } from '../../components/OwnScriptText';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.case;
const dash = uiText.common.dash;

/** Rows drawn with the page: a screen's worth; the rest follow in a background render. */
const FIRST_ROWS = 4;

/**
 * Memoised: the case page renders again for each of its loads (settings, mediators, history…),
 * and each render of an antd Table with new columns redraws every row (~30 elements a party).
 */
export const PartiesTable = memo(function PartiesTable({
  parties,
  extensions,
  onCorrect,
  onRemove,
}: {
  parties: readonly Party[];
  extensions: readonly Extension[];
  /** Absent when the case can no longer be edited (archived). */
  onCorrect?: (party: Party) => void;
  onRemove?: (party: Party) => void;
}) {
  const today = chinaToday();
  // A 15-party case opened right after its intake: the title and the first parties are drawn in
  // the page's first frame, the other rows in the next one. (React's useDeferredValue put them at
  // its lowest priority, under a page's navigation: a toast's animation kept them waiting.)
  const [allRows, setAllRows] = useState(parties.length <= FIRST_ROWS);
  useEffect(() => {
    if (allRows) return;
    const frame = requestAnimationFrame(() => setAllRows(true));
    return () => cancelAnimationFrame(frame);
  }, [allRows]);
  const shown = allRows ? parties : parties.slice(0, FIRST_ROWS);
  return (
    <Table<Party>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...shown]}
      data-testid="parties-table"
      columns={[
        {
          title: t.partyColumns.role,
          key: 'role',
          width: 80,
          render: (_, p) => partyRoles.labelOf(p.role),
        },
        {
          title: t.partyColumns.name,
          key: 'name',
          render: (_, p) => (
            <>
              {p.name}
              <OwnScriptLine party={p} text={p.ownScriptName} testId={`party-${p.id}-own-name`} />
              {p.kind !== 'NATURAL' ? (
                <Tag style={{ marginLeft: 6 }}>{partyRoles.kindLabelOf(p.kind)}</Tag>
              ) : null}
              {p.representatives.map((r) => (
                <div key={r.id} style={{ color: '#666', fontSize: 12 }}>
                  {t.representative(REPRESENTATIVE_KIND_LABELS[r.kind], r.name, r.relationship)}
                </div>
              ))}
            </>
          ),
        },
        {
          title: t.partyColumns.gender,
          key: 'gender',
          width: 60,
          render: (_, p) => (p.gender ? genders.labelOf(p.gender) : dash),
        },
        {
          title: t.partyColumns.ethnicity,
          key: 'ethnicity',
          width: 90,
          render: (_, p) => (p.ethnicity ? labelOfWith(p.ethnicity, extensions) : dash),
        },
        {
          title: t.partyColumns.age,
          key: 'age',
          width: 60,
          render: (_, p) => (p.birthDate ? (ageOn(p.birthDate, today) ?? dash) : dash),
        },
        {
          title: t.partyColumns.idNumber,
          key: 'id',
          render: (_, p) =>
            p.idDocument ? (
              <Space size={4}>
                {idDocTypes.labelOf(p.idDocument.type)}
                {p.idDocument.number ? (
                  <MaskedIdNumber
                    caseId={p.caseId}
                    partyId={p.id}
                    partyName={p.name}
                    number={p.idDocument.number}
                  />
                ) : (
                  (p.idDocument.noneReason ?? '')
                )}
              </Space>
            ) : (
              (p.socialCreditCode ?? dash)
            ),
        },
        {
          title: t.partyColumns.phone,
          key: 'phone',
          render: (_, p) =>
            p.phone.kind === 'NONE'
              ? `${p.phone.phone}（${p.phone.noPhoneReason ?? ''}）`
              : p.phone.phone,
        },
        {
          title: t.partyColumns.address,
          key: 'address',
          render: (_, p) => (
            <>
              {p.address}
              <OwnScriptLine
                party={p}
                text={p.ownScriptAddress}
                testId={`party-${p.id}-own-address`}
              />
            </>
          ),
        },
        {
          title: t.partyColumns.language,
          key: 'language',
          width: 110,
          render: (_, p) =>
            p.kind === 'NATURAL' ? (
              <>
                {languages.labelOf(p.preferredLanguage)}
                {p.needsInterpreter ? (
                  <Tag color="gold" style={{ marginLeft: 4 }}>
                    {t.interpreterTag}
                  </Tag>
                ) : null}
              </>
            ) : (
              dash
            ),
        },
        ...(onCorrect
          ? [
              {
                title: '',
                key: 'edit',
                width: 110,
                render: (_: unknown, p: Party) => (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => onCorrect(p)}
                      data-testid={`correct-party-${p.id}`}
                    >
                      {t.edit.correctParty}
                    </Button>
                    {onRemove && parties.length > 1 ? (
                      <Button type="link" size="small" danger onClick={() => onRemove(p)}>
                        {t.edit.removeParty}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
});

/** The own-script name or address under the Chinese one, in the script of the party's language. */
function OwnScriptLine(props: {
  readonly party: Party;
  readonly text: string | null;
  readonly testId: string;
}) {
  const script = scriptOfLanguage(props.party.preferredLanguage);
  if (props.text === null || script === null) return null;
  return (
    <div>
      <OwnScriptText text={props.text} script={script} testId={props.testId} />
    </div>
  );
}
