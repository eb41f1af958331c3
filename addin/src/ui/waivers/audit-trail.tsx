import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import type { I18n } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import type { WaiverApi, WaiverEvent } from './waiver-api';
import { waiverLabels, type DetailKey } from './labels';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  facts: { margin: 0, display: 'flex', flexDirection: 'column' },
  // hashes and browser strings are long unbroken words: they wrap anywhere rather than widen the pane
  fact: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, wordBreak: 'break-all' },
});

type Labels = ReturnType<typeof waiverLabels>;
const SHOWN: DetailKey[] = [
  'type',
  'form',
  'amountCents',
  'throughDate',
  'signerName',
  'signerTitle',
  'consent',
  'ip',
  'userAgent',
  'formSha256',
  'pdfSha256',
  'reason',
  'was',
  'to',
];

/** One recorded value as a person reads it: money, dates and the names of types, forms and states in the pane's words. */
function valueText(key: DetailKey, v: unknown, L: Labels, i18n: Pick<I18n, 'money' | 'date'>): string {
  const name = <T extends Record<string, string>>(names: T) => (typeof v === 'string' && v in names ? names[v as keyof T] : null);
  if (key === 'amountCents' && typeof v === 'number') return i18n.money(v);
  if (key === 'throughDate' && typeof v === 'string') return i18n.date(v);
  if (key === 'type') return name(L.type) ?? String(v);
  if (key === 'form') return name(L.form) ?? String(v);
  if (key === 'was') return name(L.status) ?? String(v);
  if (v === true) return L.yes;
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** The recorded details a person reads (typed name, address, hashes…) in the pane's words; internal ids are left out. */
export function auditFacts(detail: Record<string, unknown>, L: Labels, i18n: Pick<I18n, 'money' | 'date'>): Array<[string, string]> {
  return SHOWN.filter((key) => detail[key] !== null && detail[key] !== undefined && detail[key] !== '').map((key) => [
    L.detail[key],
    valueText(key, detail[key], L, i18n),
  ]);
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
          <div className={styles.facts}>
            {auditFacts(e.detail, L, i18n).map(([label, value]) => (
              <p key={label} className={styles.fact}>{`${label}: ${value}`}</p>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
