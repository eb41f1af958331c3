import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n';

const colors: Record<string, BadgeProps['color']> = {
  draft: 'informative',
  under_review: 'warning',
  pending_owner_approval: 'warning',
  approved: 'success',
  approved_as_noted: 'success',
  revise_and_resubmit: 'danger',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={colors[status] ?? 'informative'} data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </Badge>
  );
}
