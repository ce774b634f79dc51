import { Button, Result } from 'antd';
import { ApiCallError } from '../api/client';
import { uiText } from '../i18n/zh-CN';

/** Shows an API error's Chinese message; anything else gets a generic sentence, never a stack. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiCallError ? error.message : uiText.common.unexpected;
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Result
      status="error"
      title={errorMessage(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {uiText.common.reload}
          </Button>
        ) : null
      }
    />
  );
}
