import { Button, Checkbox, DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { CASE_STATES, stateLabelOf, type CaseState } from '../../../../domain/case-lifecycle';
import type { Mediator } from '../../../../domain/cases/case-views';
import {
  COURT_CASE_FILTERS,
  type CourtCaseFilter,
  type LedgerQueryInput,
} from '../../../../domain/cases/ledger-inputs';
import * as caseSources from '../../../../domain/taxonomy/case-sources';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import { RiskTag } from '../../components/RiskTag';
import { useDesk } from '../../desk/desk-context';
import { DATE_FORMAT } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.ledger;

export type LedgerFilters = Omit<LedgerQueryInput, 'text' | 'page'>;

interface Props {
  readonly filters: LedgerFilters;
  readonly mediators: readonly Mediator[];
  readonly filter: (patch: LedgerFilters) => void;
  /** 清除筛选: the filters and the search text. */
  readonly onClear: () => void;
}

/** The ledger's filters under the search box (status, category, source, risk, mediator…). */
export function LedgerFilterBar({ filters, mediators, filter, onClear }: Props) {
  const { user, session } = useDesk();
  // Only a 调解员 is limited to their own cases, and the room opens to them only while the
  // committee allows it (§7.3); the server ignores allCases otherwise. An unlinked one sees no
  // case either way: the ledger shows the server's "not linked" guidance instead.
  const mayListRoom =
    user.role === 'MEDIATOR' && session.mediatorsReadRoom && session.mediatorLinked;
  return (
    <Space wrap>
      {mayListRoom ? (
        <Segmented
          value={filters.allCases === true ? 'ALL' : 'OWN'}
          onChange={(v) => filter({ allCases: v === 'ALL' })}
          options={[
            { value: 'OWN', label: t.ownCases },
            { value: 'ALL', label: t.allCasesReadOnly },
          ]}
          data-testid="ledger-all-cases"
        />
      ) : null}
      <Select
        mode="multiple"
        allowClear
        placeholder={t.status}
        style={{ minWidth: 180 }}
        value={filters.statuses ?? []}
        onChange={(statuses: CaseState[]) => filter({ statuses })}
        options={CASE_STATES.map((s) => ({ value: s, label: stateLabelOf(s) }))}
      />
      <Select
        allowClear
        placeholder={t.category}
        style={{ width: 170 }}
        value={filters.category ?? undefined}
        onChange={(category?: disputeCategories.Code) => filter({ category: category ?? null })}
        options={disputeCategories.rows.map((r) => ({ value: r.code, label: r.label }))}
      />
      <Select
        allowClear
        placeholder={t.source}
        style={{ width: 170 }}
        value={filters.source ?? undefined}
        onChange={(source?: caseSources.Code) => filter({ source: source ?? null })}
        options={caseSources.rows.map((r) => ({ value: r.code, label: r.label }))}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t.risk}
        style={{ minWidth: 150 }}
        value={filters.riskLevels ?? []}
        onChange={(levels: riskLevels.Code[]) => filter({ riskLevels: levels })}
        options={riskLevels.rows.map((r) => ({
          value: r.code,
          label: <RiskTag level={r.code} />,
        }))}
      />
      <Select
        allowClear
        placeholder={t.mediator}
        style={{ width: 130 }}
        value={filters.mediatorId ?? undefined}
        onChange={(mediatorId?: number) => filter({ mediatorId: mediatorId ?? null })}
        options={mediators.map((m) => ({ value: m.id, label: m.name }))}
      />
      <Select
        allowClear
        placeholder={t.courtCases}
        style={{ width: 200 }}
        value={filters.courtCases ?? undefined}
        onChange={(courtCases?: CourtCaseFilter) => filter({ courtCases: courtCases ?? null })}
        options={COURT_CASE_FILTERS.map((v) => ({ value: v, label: t.courtCaseOptions[v] }))}
        data-testid="ledger-court-filter"
      />
      <DatePicker.RangePicker
        placeholder={[t.acceptedRange, t.acceptedRange]}
        value={
          filters.acceptedFrom && filters.acceptedTo
            ? [dayjs(filters.acceptedFrom), dayjs(filters.acceptedTo)]
            : null
        }
        onChange={(range) =>
          filter({
            acceptedFrom: range?.[0]?.format(DATE_FORMAT) ?? null,
            acceptedTo: range?.[1]?.format(DATE_FORMAT) ?? null,
          })
        }
      />
      <Checkbox
        checked={filters.overdueOnly ?? false}
        onChange={(e) => filter({ overdueOnly: e.target.checked })}
      >
        {t.overdueOnly}
      </Checkbox>
      <Button onClick={onClear}>{t.clearFilters}</Button>
    </Space>
  );
}
