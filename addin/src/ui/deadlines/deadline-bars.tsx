import { Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { TDeadline } from '@shared/api/deadline-views';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { deadlineLabels } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  source: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/**
 * The jurisdiction's warnings (retainage above the cap, Ontario's prompt-payment clocks, the
 * annual holdback release) as wrapping bars, each with the statute it comes from and when that
 * source was last checked, so the user can judge it.
 */
export function DeadlineBars({ deadlines, testId }: { deadlines: TDeadline[] | undefined; testId: string }) {
  const i18n = useI18n();
  const L = useLabels(deadlineLabels);
  const styles = useStyles();
  if (!deadlines?.length) return null;
  return (
    <div className={styles.list} role="region" aria-label={L.region} data-testid={testId}>
      {deadlines.map((d) => (
        <MessageBar key={d.code} layout="multiline" intent={d.severity} data-testid="deadline" data-code={d.code} data-due-on={d.dueOn ?? ''}>
          <MessageBarBody>
            {d.message}
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
