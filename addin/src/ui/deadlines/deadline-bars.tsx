import { Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { deadlineLabels } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  source: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** One rule's warning as the contract and invoice views carry it (shared/jurisdiction, docs/get-paid.md). */
export type Deadline = {
  code: string;
  severity: 'info' | 'warning';
  message: string;
  dueOn: string | null;
  source: { title: string; url: string; checkedOn: string };
};

/**
 * The jurisdiction's warnings (retainage above the cap, Ontario's prompt-payment clocks, the
 * annual holdback release) as wrapping bars, each with the statute it comes from and when that
 * source was last checked, so the user can judge it.
 */
export function DeadlineBars({ deadlines, testId }: { deadlines: Deadline[] | undefined; testId: string }) {
  const i18n = useI18n();
  const L = useLabels(deadlineLabels);
  const styles = useStyles();
  if (!deadlines?.length) return null;
  return (
    <div className={styles.list} role="region" aria-label={L.region} data-testid={testId}>
      {deadlines.map((d) => (
        <MessageBar key={d.code} layout="multiline" intent={d.severity} data-testid="deadline" data-code={d.code}>
          <MessageBarBody>
            {d.message}
            {d.dueOn && ` ${L.dueOn(i18n.date(d.dueOn))}`}
            <span className={styles.source}>
              {`${L.source} `}
              <Link href={d.source.url} target="_blank" rel="noopener noreferrer" inline>
                {d.source.title}
              </Link>
              {` ${L.checkedOn(i18n.date(d.source.checkedOn))}`}
            </span>
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
