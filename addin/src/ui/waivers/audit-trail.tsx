import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import type { WaiverApi, WaiverEvent } from './waiver-api';
import { waiverLabels } from './labels';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  sub: { color: tokens.colorNeutralForeground3 },
  detail: { overflowWrap: 'anywhere' },
});

/** A detail value as a line of text: the typed name, the address, the document hash as they were recorded. */
function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

/** The waiver's append-only audit trail (created, signed with the typed name, voided, emailed), oldest first. */
export function AuditTrail({ api, waiverId }: { api: WaiverApi; waiverId: string }) {
  const i18n = useI18n();
  const L = useLabels(waiverLabels);
  const styles = useStyles();
  const events = useLoad<WaiverEvent[]>(waiverId, (id) => api.events(id));
  if (events.error) return <ErrorBar message={L.auditFailed(events.error)} />;
  if (!events.data) return <Spinner size="tiny" />;
  if (events.data.length === 0) return <Text size={200}>{L.auditEmpty}</Text>;
  return (
    <ol className={styles.list} data-testid="waiver-audit">
      {events.data.map((e) => (
        <li key={e.id} data-action={e.action}>
          <Text size={200}>
            <strong>{L.action[e.action]}</strong>
            {` · ${i18n.date(e.at.slice(0, 10))} ${e.at.slice(11, 16)} UTC`}
            {e.user && ` · ${L.auditBy(e.user.name)}`}
          </Text>
          {detailText(e.detail) && (
            <Text as="p" size={100} className={`${styles.sub} ${styles.detail}`} block>
              {detailText(e.detail)}
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
