import { Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { uiText } from '../i18n/zh-CN';
import { DeskScreen } from './DeskScreen';
import { recoveryCodeGroups } from './recovery-code';

const t = uiText.desk.recoveryCode;

/**
 * The recovery code, shown once (after set-up and after each recovery): large, in groups of
 * four, printable on its own sheet, and not left behind until the person says it is kept.
 */
export function RecoveryCodeScreen({
  code,
  lead,
  onContinue,
}: {
  code: string;
  lead?: string;
  onContinue: () => void;
}) {
  const [kept, setKept] = useState(false);
  const groups = recoveryCodeGroups(code).map((group, i) => <span key={i}>{group}</span>);
  return (
    <>
      <DeskScreen title={t.title} testId="recovery-code-screen">
        {lead ? <Typography.Paragraph strong>{lead}</Typography.Paragraph> : null}
        <Typography.Paragraph>{t.purpose}</Typography.Paragraph>
        <div className="recovery-code" data-testid="recovery-code">
          {groups}
        </div>
        <Space orientation="vertical" size={16} style={{ width: '100%', marginTop: 16 }}>
          <Button onClick={() => window.print()}>{t.print}</Button>
          <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
            {t.confirm}
          </Checkbox>
          <Button type="primary" block disabled={!kept} onClick={onContinue}>
            {t.continue}
          </Button>
        </Space>
      </DeskScreen>
      <div className="recovery-print-sheet">
        <h2>{t.printHeading}</h2>
        <div className="recovery-code">{groups}</div>
        <p>{t.purpose}</p>
        <p>{t.printNote}</p>
      </div>
    </>
  );
}
