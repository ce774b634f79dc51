import { Tag } from 'antd';
import { stateLabelOf, type CaseState } from '../../../domain/case-states';

// Colour by what the state asks of the mediator: blue = working, green = settled,
// orange = ended without agreement, grey = nothing left to do.
const COLOURS: Readonly<Record<CaseState, string>> = {
  INTAKE: 'default',
  ACCEPTED: 'blue',
  REJECTED: 'default',
  INVESTIGATING: 'cyan',
  MEDIATING: 'processing',
  SETTLED_WRITTEN: 'green',
  SETTLED_ORAL: 'green',
  TERMINATED_FAILED: 'orange',
  TERMINATED_REFUSED: 'orange',
  REFERRED: 'purple',
  PERFORMING: 'lime',
  FOLLOW_UP: 'gold',
  CLOSED: 'default',
  ARCHIVED: 'default',
};

export function StatusTag({ status }: { status: CaseState }) {
  return (
    <Tag color={COLOURS[status]} data-testid="status-tag">
      {stateLabelOf(status)}
    </Tag>
  );
}
