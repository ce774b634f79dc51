import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.agreement.index;

/**
 * The API lists agreements per case only (agreements.listForCase), so this page explains where
 * agreements are drafted and opens the ledger on the cases that can have one.
 */
export function AgreementsIndexPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title={t.title}
      subTitle={t.body}
      extra={
        <Button type="primary" onClick={() => void navigate('/cases?status=MEDIATING')}>
          {t.toLedger}
        </Button>
      }
    />
  );
}
