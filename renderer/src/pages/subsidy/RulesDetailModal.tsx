import { Alert, Descriptions, Modal, Table, Tag, Typography } from 'antd';
import type { SubsidyRules, SubsidyTier } from '../../../../domain/subsidy/subsidy-rules';
import {
  ORAL_PROOF_LABELS,
  VOLUME_DOCUMENT_LABELS,
} from '../../../../domain/subsidy/subsidy-rules';
import { describeCondition } from '../../../../domain/subsidy/tier-suggestion';
import * as organisationTypes from '../../../../domain/taxonomy/organisation-types';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.subsidy.rules;

export function tierAmountText(amountFen: number | null, paidElsewhereNote: string | null) {
  return amountFen === null
    ? `${t.paidElsewhere}（${paidElsewhereNote ?? ''}）`
    : t.yuan(amountFen);
}

/** One county rule, read-only, worded the way a county notice words it. */
export function RulesDetailModal({ rules, onClose }: { rules: SubsidyRules; onClose: () => void }) {
  return (
    <Modal
      open
      title={`${t.detailTitle}：${rules.title}`}
      width={860}
      footer={null}
      onCancel={onClose}
    >
      {rules.isExample ? <Alert type="warning" showIcon title={t.exampleWarning} /> : null}
      <Table<SubsidyTier>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...rules.tiers].sort((a, b) => a.rank - b.rank)}
        columns={[
          { title: t.columns.tiers, key: 'label', render: (_, tier) => <Tag>{tier.label}</Tag> },
          {
            title: uiText.subsidy.panel.amount,
            key: 'amount',
            render: (_, tier) => (
              <>
                {tierAmountText(tier.amountFen, tier.paidElsewhereNote)}
                {Object.entries(tier.amountByLevel).map(([level, fen]) => (
                  <div key={level}>
                    <Typography.Text type="secondary">
                      {organisationTypes.labelOf(level as organisationTypes.Code)}：{t.yuan(fen)}
                    </Typography.Text>
                  </div>
                ))}
              </>
            ),
          },
          {
            title: t.criteria,
            key: 'when',
            render: (_, tier) =>
              tier.when.length === 0
                ? t.defaultTier
                : tier.when.map((group, i) => (
                    <div key={i}>{group.map(describeCondition).join('，且')}</div>
                  )),
          },
          {
            title: t.requiredDocuments,
            key: 'docs',
            render: (_, tier) =>
              tier.requiredDocuments.map((d) => VOLUME_DOCUMENT_LABELS[d]).join('、'),
          },
        ]}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t.columns.issuer}>{rules.issuer}</Descriptions.Item>
        <Descriptions.Item label={t.columns.validity}>
          {t.validity(rules.validFrom, rules.validTo)}
        </Descriptions.Item>
        <Descriptions.Item label={t.oral}>
          {rules.oral.paid
            ? t.oralPaid(rules.oral.percent, ORAL_PROOF_LABELS[rules.oral.proof])
            : t.oralUnpaid}
        </Descriptions.Item>
        <Descriptions.Item label={t.requires}>
          {[
            rules.requires.completeVolume ? t.requireCompleteVolume : null,
            rules.requires.countyRegister ? t.requireCountyRegister : null,
            rules.requires.mediatorFiled ? t.requireMediatorFiled : null,
          ]
            .filter(Boolean)
            .join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t.multipleMediators}>
          {t.multipleMediatorLabels[rules.multipleMediators]}
        </Descriptions.Item>
        <Descriptions.Item label={t.duplicateLabel}>
          {t.duplicateWindow(rules.duplicateWindowDays)}
        </Descriptions.Item>
        {rules.basis ? <Descriptions.Item label={t.basis}>{rules.basis}</Descriptions.Item> : null}
      </Descriptions>
    </Modal>
  );
}
