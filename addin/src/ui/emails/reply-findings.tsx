import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TReplyClassification } from '@shared/api/emails';
import type { TabContext } from '../tabs/tab-types';
import { errorText } from '../workspace/error-text';
import type { EmailLabels } from './labels';
import { ErrorBar } from '../error-bar';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  closed: { textDecorationLine: 'line-through' },
});

/**
 * What a reply names: the G703 lines (links that select the row in the workbook, where the row
 * carries the reply's sentence as a note until the line is edited) and the amount the owner
 * certifies, compared with the G702 current payment due (line 8). Invoice admins can record that
 * amount as the architect's certificate.
 */
export function ReplyFindings({ ctx, L, c, messageId }: { ctx: TabContext; L: EmailLabels; c: TReplyClassification; messageId: string }) {
  const styles = useStyles();
  const money = ctx.i18n.money;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!c.lines.length && !c.amount) return null;
  const due = ctx.view.g702.line8CurrentPaymentDueCents;
  const isAdmin = ctx.contract?.myAccess?.isToolAdmin === true;
  const recorded = ctx.view.invoice.architectCertificate;
  const isRecorded = !!c.amount && recorded?.amountCents === c.amount.cents && recorded.messageId === messageId;

  async function record(cents: number) {
    setBusy(true);
    setError(null);
    try {
      ctx.setView(await ctx.api.recordArchitectCertificate(ctx.view.invoice.id, cents, messageId));
    } catch (err) {
      setError(errorText(err, ctx.i18n.t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="reply-findings">
      {c.lines.length > 0 && (
        <div className={styles.row} data-testid="reply-lines">
          <Text size={200} className={styles.meta}>
            {L.linesNamed}:
          </Text>
          {c.lines.map((l) => (
            <Link
              key={l.lineId}
              as="button"
              title={L.lineLinkTitle(l.sentence)}
              className={l.isOpen ? undefined : styles.closed}
              onClick={() => void ctx.workbook.goToLine(l.lineId)}
              data-testid="reply-line-link"
              data-line-id={l.lineId}
              data-item-no={l.itemNo}
              data-open={l.isOpen}
            >
              {`${l.itemNo} ${l.description}`}
            </Link>
          ))}
        </div>
      )}
      {c.amount && (
        <div className={styles.row} data-testid="reply-amount" data-cents={c.amount.cents}>
          <Text size={200} weight="semibold">
            {L.amountCertified(money(c.amount.cents))}
          </Text>
          <Text size={200} className={styles.meta} data-testid="reply-amount-difference" data-cents={c.amount.cents - due}>
            {c.amount.cents === due
              ? L.amountMatches(money(due))
              : L.amountDifference(`${c.amount.cents > due ? '+' : '−'}${money(Math.abs(c.amount.cents - due))}`, money(due))}
          </Text>
          {isRecorded && (
            <Text size={200} data-testid="reply-amount-recorded">
              {L.certificateRecorded(money(c.amount.cents))}
            </Text>
          )}
          {isAdmin && !isRecorded && (
            <Button size="small" disabled={busy} onClick={() => void record(c.amount!.cents)} data-testid="record-certificate">
              {L.recordCertificate}
            </Button>
          )}
        </div>
      )}
      <ErrorBar message={error} />
    </div>
  );
}
