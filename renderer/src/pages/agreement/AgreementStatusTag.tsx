import { Tag } from 'antd';
import type { AgreementStatus } from '../../../../domain/agreements/agreement-views';
import { uiText } from '../../i18n/zh-CN';

const COLOURS: Readonly<Record<AgreementStatus, string>> = {
  DRAFT: 'default',
  GENERATED: 'blue',
  SIGNED: 'green',
  VOID: 'red',
};

export function AgreementStatusTag({ status }: { status: AgreementStatus }) {
  return (
    <Tag color={COLOURS[status]} data-testid="agreement-status">
      {uiText.agreement.status[status]}
    </Tag>
  );
}
