import { Badge } from '@fluentui/react-components';
import { useLabels } from '../../i18n/i18n-context';
import { releaseLabels } from './labels';

/** "Retainage release" next to an invoice's number; nothing for a progress invoice. */
export function KindBadge({ kind }: { kind: string }) {
  const L = useLabels(releaseLabels);
  if (kind !== 'retainage_release') return null;
  return (
    <Badge appearance="tint" color="brand" size="small" data-testid="invoice-kind" data-kind={kind}>
      {L.kindBadge}
    </Badge>
  );
}
