import { Result } from 'antd';
import { uiText } from '../i18n/zh-CN';

export function NotBuiltPage({ name }: { name: string }) {
  return (
    <Result
      status="info"
      title={uiText.common.notBuiltTitle}
      subTitle={uiText.common.notBuiltBody(name)}
    />
  );
}
