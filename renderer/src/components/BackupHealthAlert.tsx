import { Alert, Space } from 'antd';
import { useCallback, useEffect } from 'react';
import { api } from '../api/client';
import { chinaTimeText } from '../forms/date-field';
import { useApiValue } from '../hooks/use-api-value';
import { uiText } from '../i18n/zh-CN';

const t = uiText.storage.health;
const REFRESH_MS = 60_000;
// While a copy or the audit baseline is being made, look again soon so the notice follows it.
const REFRESH_RUNNING_MS = 3_000;

/**
 * The audit baseline being built after an upgrade (writes are refused until it is done), a plain
 * ledger being converted to an encrypted one (likewise, or why it did not finish), a
 * backup being made, a core restarted after a crash, and a failed backup (or a second copy that
 * did not arrive) stays on 工作台 and 设置 until a later one succeeds: a log nobody reads is how
 * rooms find out they had no backup.
 */
export function BackupHealthAlert({ showSuccess = false }: { showSuccess?: boolean }) {
  const load = useCallback(() => api('system.status', {}), []);
  const { value: status, reload } = useApiValue(load);
  const converting =
    status?.encryption?.state === 'WAITING' || status?.encryption?.state === 'RUNNING';
  const running =
    (status?.backup.running ?? false) || (status?.auditBaseline ?? null) !== null || converting;
  useEffect(() => {
    const timer = window.setInterval(
      () => void reload(),
      running ? REFRESH_RUNNING_MS : REFRESH_MS,
    );
    return () => window.clearInterval(timer);
  }, [reload, running]);
  if (!status) return null;
  const health = status.backup;
  const alerts = [];
  if (status.restartedAfterCrashAt) {
    alerts.push(
      <Alert
        key="restarted"
        type="warning"
        showIcon
        data-testid="core-restarted"
        title={t.restartedTitle}
        description={t.restarted(chinaTimeText(status.restartedAfterCrashAt))}
      />,
    );
  }
  if (status.auditProblem) {
    const problem = status.auditProblem;
    alerts.push(
      <Alert
        key="audit"
        type={problem.verdict === 'BROKEN' ? 'error' : 'warning'}
        showIcon
        data-testid="audit-problem"
        title={
          problem.verdict === 'BROKEN' ? uiText.audit.alertBrokenTitle : uiText.audit.alertKeyTitle
        }
        description={uiText.audit.alertDetail(problem.summary, chinaTimeText(problem.finishedAt))}
      />,
    );
  }
  if (status.auditBaseline) {
    const { done, total } = status.auditBaseline;
    alerts.push(
      <Alert
        key="baseline"
        type="info"
        showIcon
        data-testid="audit-baseline"
        title={t.auditBaseline(done, total)}
      />,
    );
  }
  if (status.encryption) {
    const progress = status.encryption;
    alerts.push(
      progress.state === 'WAITING_FOR_CODE' ? (
        <Alert
          key="encryption"
          type="warning"
          showIcon
          data-testid="ledger-encrypting"
          title={t.encryptionWaitsTitle}
          description={progress.message}
        />
      ) : (
        <Alert
          key="encryption"
          type={progress.state === 'FAILED' ? 'warning' : 'info'}
          showIcon
          data-testid="ledger-encrypting"
          title={
            progress.state === 'FAILED'
              ? t.encryptionFailedTitle
              : t.encryptionRunning(progress.state === 'RUNNING' ? progress.phase : 'WAITING')
          }
          {...(progress.state === 'FAILED'
            ? { description: t.failed(progress.message, chinaTimeText(progress.at)) }
            : {})}
        />
      ),
    );
  }
  if (health.running) {
    alerts.push(
      <Alert key="running" type="info" showIcon data-testid="backup-running" title={t.running} />,
    );
  }
  if (health.failure) {
    alerts.push(
      <Alert
        key="failure"
        type="error"
        showIcon
        data-testid="backup-failure"
        title={t.failedTitle}
        description={t.failed(health.failure.message, chinaTimeText(health.failure.at))}
      />,
    );
  }
  if (health.secondCopyFailure) {
    alerts.push(
      <Alert
        key="second"
        type="warning"
        showIcon
        data-testid="backup-second-failure"
        title={t.secondFailedTitle}
        description={t.failed(
          health.secondCopyFailure.message,
          chinaTimeText(health.secondCopyFailure.at),
        )}
      />,
    );
  }
  if (showSuccess) {
    alerts.push(
      <Alert
        key="last"
        type={health.lastSuccessAt ? 'success' : 'info'}
        data-testid="backup-last-success"
        title={health.lastSuccessAt ? t.lastSuccess(chinaTimeText(health.lastSuccessAt)) : t.never}
      />,
    );
  }
  if (alerts.length === 0) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {alerts}
    </Space>
  );
}
