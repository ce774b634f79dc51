import { Alert, Button } from 'antd';
import { uiText } from '../i18n/zh-CN';
import { chinaTimeText } from '../forms/date-field';

/** Says that unsaved typing came back after a reload or crash, and offers to throw it away. */
export function RestoredDraftBanner(props: {
  readonly title: string;
  readonly savedAt: string | null;
  readonly onDiscard: () => void;
}) {
  if (props.savedAt === null) return null;
  const at = chinaTimeText(props.savedAt);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={props.title}
      description={uiText.common.restoredDraftHint(at)}
      data-testid="restored-draft"
      action={
        <Button size="small" danger onClick={props.onDiscard} data-testid="discard-draft">
          {uiText.common.discardDraft}
        </Button>
      }
    />
  );
}
