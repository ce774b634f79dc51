import { Button, Card, Space, Spin } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { RoomSettings } from '../../../../domain/room-settings';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';
import { AuditLogSection } from './AuditLogSection';
import { BackupsSection } from './BackupsSection';
import { CaseSettingsSection } from './CaseSettingsSection';
import { FollowUpSettingsSection } from './FollowUpSettingsSection';
import { HolidayCalendarSection } from './HolidayCalendarSection';
import { MediatorsSection } from './MediatorsSection';
import { RoomSettingsForm } from './RoomSettingsForm';
import { SubsidyRulesSection } from '../subsidy/SubsidyRulesSection';
import { mayCall } from '../../app/role-access';
import { useDesk } from '../../desk/desk-context';
import type { ApiMethod } from '../../../../domain/api/contract';
import { AccountsSection } from './AccountsSection';
import { WordingSection } from './WordingSection';

// 设置 is where the room is administered: each section is shown to the roles that may make its
// change (the audit log: that may read it), never as a form whose save would be refused.
const SECTIONS: readonly (readonly [ApiMethod, () => ReactNode])[] = [
  ['accounts.list', () => <AccountsSection key="accounts" />],
  ['mediators.save', () => <MediatorsSection key="mediators" />],
  ['caseSettings.save', () => <CaseSettingsSection key="case" />],
  ['followups.saveSettings', () => <FollowUpSettingsSection key="followups" />],
  ['subsidy.saveRules', () => <SubsidyRulesSection key="subsidy" />],
  ['agreements.saveHolidayCalendar', () => <HolidayCalendarSection key="holidays" />],
  ['settings.saveWording', () => <WordingSection key="wording" />],
  ['system.backupNow', () => <BackupsSection key="backups" />],
  ['audit.list', () => <AuditLogSection key="audit" />],
];

export function SettingsPage() {
  const { user } = useDesk();
  const [settings, setSettings] = useState<RoomSettings | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  // Remounting the form after a reload resets its fields to what is stored.
  const [formKey, setFormKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setSettings(await api('settings.get', {}));
      setError(null);
      setFormKey((k) => k + 1);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (settings === undefined) return <Spin />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={uiText.settings.title}
        extra={
          <Space>
            <Button onClick={() => void load()}>{uiText.common.reload}</Button>
          </Space>
        }
      >
        <RoomSettingsForm
          key={formKey}
          initial={settings}
          submitLabel={uiText.common.save}
          onSaved={(saved) => {
            setSettings(saved);
            setFormKey((k) => k + 1);
          }}
        />
      </Card>
      {SECTIONS.filter(([m]) => mayCall(user.role, m)).map(([, section]) => section())}
    </Space>
  );
}
