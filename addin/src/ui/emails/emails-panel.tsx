import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MailRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { TabContext } from '../tabs/tab-types';
import { errorText } from '../workspace/error-text';
import { EmailForm } from './email-form';
import { emailTabLabels } from './labels';
import { MessageCard } from './message-card';
import { createEmailApi } from '../../api';
import { useSignedInClient } from '../auth/use-signed-in-client';
import { replyMarksFrom } from '../../sync/reply-marks';
import { useInvoiceEmails } from './use-invoice-emails';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  thread: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** The invoice's email threads (polled) and the Email invoice form. */
export function EmailsPanel({ ctx }: { ctx: TabContext }) {
  const styles = useStyles();
  const api = useSignedInClient(createEmailApi);
  const L = emailTabLabels(ctx.i18n.lang);
  const { threads, isLoading, error, reload } = useInvoiceEmails(api, ctx.view.invoice.id);
  const isAdmin = ctx.contract?.myAccess?.isToolAdmin === true;
  const [isComposing, setComposing] = useState(false);
  // the rows the replies name carry the reply's sentence as a note until the line is edited
  const { workbook } = ctx;
  useEffect(() => {
    if (isLoading) return;
    void workbook.setReplyMarks(replyMarksFrom(threads, L.replyNote)).catch(() => {
      // the sheet may be closing or busy: the next poll tries again
    });
  }, [threads, isLoading, workbook, L]);

  return (
    <div className={styles.col} data-testid="emails-panel">
      {isAdmin && (
        <div className={styles.head}>
          <Button
            icon={<MailRegular />}
            appearance={isComposing ? 'secondary' : 'primary'}
            size="small"
            onClick={() => setComposing((x) => !x)}
            data-testid="email-compose"
          >
            {isComposing ? L.closeCompose : L.compose}
          </Button>
        </div>
      )}
      {isAdmin && isComposing && <EmailForm ctx={ctx} api={api} L={L} threads={threads} onSent={() => void reload()} />}
      {error !== null && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{L.loadFailed(errorText(error, ctx.i18n.t))}</MessageBarBody>
        </MessageBar>
      )}
      {isLoading && threads.length === 0 && <Spinner size="tiny" />}
      {!isLoading && threads.length === 0 && error === null && <Text data-testid="emails-none">{L.none}</Text>}
      {threads.map((thread) => (
        <section key={thread.id} className={styles.thread} data-testid="email-thread" data-thread-id={thread.id} aria-label={thread.subject}>
          <div className={styles.head}>
            <Text weight="semibold">{thread.subject}</Text>
            {thread.isPrivate && (
              <Badge appearance="outline" color="important">
                {L.privateThread}
              </Badge>
            )}
          </div>
          <Text size={200} className={styles.meta}>{`${L.replyAddress}: ${thread.replyAddress}`}</Text>
          {thread.messages.map((m) => (
            <MessageCard key={m.id} ctx={ctx} api={api} L={L} m={m} />
          ))}
        </section>
      ))}
    </div>
  );
}

/** Everyone who may see the invoice sees its (visible) threads; admins also get the form and status actions. */
