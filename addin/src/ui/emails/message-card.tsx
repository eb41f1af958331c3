import { Badge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TEmailMessageView } from '@shared/api/emails';
import type { ReplyKind } from '@shared/email/reply-kinds';
import type { TabContext } from '../tabs/tab-types';
import type { EmailApi } from '../../api';
import { AttachmentLinks } from './attachment-links';
import type { EmailLabels } from './labels';
import { ReplyActions } from './reply-actions';
import { ReplyBody } from './reply-body';
import { ReplyFindings } from './reply-findings';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  inbound: { backgroundColor: tokens.colorNeutralBackground2 },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  sender: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  outsider: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, alignItems: 'center', color: tokens.colorPaletteDarkOrangeForeground1 },
  failure: { color: tokens.colorPaletteRedForeground1 },
});

const statusColor: Record<TEmailMessageView['status'], 'informative' | 'success' | 'warning' | 'danger' | 'subtle'> = {
  queued: 'subtle',
  sending: 'informative',
  retrying: 'warning',
  sent: 'informative',
  delivered: 'success',
  bounced: 'danger',
  failed: 'danger',
  received: 'subtle',
};

const person = (p: { name: string; email: string }) => (p.name ? `${p.name} <${p.email}>` : p.email);

const badgeColor: Record<ReplyKind, 'success' | 'danger' | 'warning' | 'informative' | 'subtle'> = {
  approval: 'success',
  rejection: 'danger',
  revise: 'warning',
  question: 'informative',
  payment: 'success',
  auto_reply: 'subtle',
  other: 'informative',
};

export function ClassificationBadge({ L, c }: { L: EmailLabels; c: NonNullable<TEmailMessageView['classification']> }) {
  const text: Record<ReplyKind, string> = {
    approval: c.isConditional ? L.conditional : L.approval,
    rejection: c.reason ? L.rejectionReason(c.reason) : L.rejection,
    revise: c.reason ? L.reviseReason(c.reason) : L.revise,
    question: L.question,
    payment: L.payment,
    auto_reply: L.autoReply,
    other: L.other,
  };
  return (
    <Badge
      appearance="filled"
      color={badgeColor[c.kind]}
      title={L.suggestion}
      data-testid="classification-badge"
      data-kind={c.kind}
      data-conditional={c.isConditional}
    >
      {text[c.kind]}
    </Badge>
  );
}

/** One message on a thread: sender, time, text (full text on demand), status, files, classification. */
export function MessageCard({ ctx, api, L, m }: { ctx: TabContext; api: EmailApi; L: EmailLabels; m: TEmailMessageView }) {
  const styles = useStyles();
  const [isFull, setFull] = useState(false);
  const isInbound = m.direction === 'inbound';
  const time = new Date(m.at).toLocaleString(ctx.i18n.lang, { dateStyle: 'medium', timeStyle: 'short' });
  const hasMore = isInbound && (!!m.html || (!!m.fullText && m.fullText.trim() !== m.text.trim()));
  const c = m.classification;

  return (
    <div
      className={`${styles.card} ${isInbound ? styles.inbound : ''}`}
      data-testid="email-message"
      data-direction={m.direction}
      data-message-id={m.id}
      data-status={m.status}
    >
      <div className={styles.head}>
        <Text weight="semibold" className={styles.sender} data-testid="email-sender">
          {person(m.from)}
        </Text>
        <Text size={200} className={styles.meta}>
          <time dateTime={m.at}>{time}</time>
        </Text>
        {!isInbound && (
          <Badge appearance="tint" color={statusColor[m.status]} data-testid="email-status">
            {L.status[m.status]}
          </Badge>
        )}
      </div>
      {m.to.length > 0 && <Text size={200} className={styles.meta}>{`${L.toList}: ${m.to.map(person).join(', ')}`}</Text>}
      {m.cc.length > 0 && <Text size={200} className={styles.meta}>{`${L.ccList}: ${m.cc.map(person).join(', ')}`}</Text>}
      {isInbound && m.isFromOutsider && (
        <Text size={200} className={styles.outsider} data-testid="email-outsider">
          <WarningRegular />
          {L.outsider}
        </Text>
      )}
      {isInbound && m.senderAuth && m.senderAuth.verdict !== 'pass' && (
        <Text size={200} className={styles.outsider} data-testid="email-unverified-sender" title={m.senderAuth.detail}>
          <WarningRegular />
          {L.unverifiedSender}
        </Text>
      )}
      {c && (
        <div className={styles.head}>
          <ClassificationBadge L={L} c={c} />
          {c.matched && (
            <Text size={200} className={styles.meta}>
              “{c.matched}”
            </Text>
          )}
        </div>
      )}
      {isFull ? <ReplyBody html={m.html} text={m.fullText ?? m.text} testId="email-full" /> : <ReplyBody html={null} text={m.text} testId="email-text" />}
      {hasMore && (
        <Link as="button" onClick={() => setFull((x) => !x)} data-testid="email-toggle-full">
          {isFull ? L.hideFull : L.showFull}
        </Link>
      )}
      {m.isBodyTruncated && (
        <Text size={200} className={styles.meta}>
          {L.truncated}
        </Text>
      )}
      {m.failureReason && (
        <Text size={200} className={styles.failure}>
          {m.failureReason}
        </Text>
      )}
      {m.deliveries.length > 0 && (
        <Text size={200} className={styles.meta}>
          {m.deliveries.map((d) => `${d.recipient}: ${L.delivery[d.kind]}`).join(' · ')}
        </Text>
      )}
      {isInbound && c && <ReplyFindings ctx={ctx} L={L} c={c} messageId={m.id} />}
      <AttachmentLinks api={api} L={L} files={m.attachments} />
      {isInbound && c?.suggestion && <ReplyActions ctx={ctx} L={L} suggested={c.suggestion} />}
    </div>
  );
}
