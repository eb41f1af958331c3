import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import type { Contract } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { contractLabels } from './labels';

const colors: Record<Contract['status'], BadgeProps['color']> = {
  draft: 'informative',
  approved: 'success',
  complete: 'subtle',
  terminated: 'danger',
};

export function ContractStatusBadge({ status }: { status: Contract['status'] }) {
  const L = useLabels(contractLabels);
  return (
    <Badge appearance="tint" color={colors[status]} data-status={status}>
      {L.status[status]}
    </Badge>
  );
}
