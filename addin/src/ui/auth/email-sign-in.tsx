import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { createApiClient } from '../../api';
import type { MeResponse } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import type { Credentials } from './credentials';
import { completeUrl, openCompletion, requestEmailLink } from './email-link';
import { ErrorBar } from '../error-bar';
import { emailSignInLabels } from './labels';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Props = { serverUrl: string; onSignedIn: (credentials: Credentials, me: MeResponse) => void };

/** Email me a link → "Check your email" → paste the link → the completion page hands back a session token. */
export function EmailSignIn({ serverUrl, onSignedIn }: Props) {
  const i18n = useI18n();
  const L = useLabels(emailSignInLabels);
  const styles = useStyles();
  const [email, setEmail] = useState('');
  const [link, setLink] = useState('');
  const [isSent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const server = serverUrl.trim().replace(/\/+$/, '');

  async function send() {
    setBusy(true);
    setError(null);
    try {
      await requestEmailLink(server, email);
      setSent(true);
    } catch (err) {
      setError(L.failed(errorText(err, i18n.t)));
    } finally {
      setBusy(false);
    }
  }

  async function complete() {
    const url = completeUrl(server, link);
    if (!url) return setError(L.bad);
    setBusy(true);
    setError(null);
    try {
      const msg = await openCompletion(url);
      if (msg.type === 'pb-session-error') throw new Error(msg.message);
      const credentials = { serverUrl: server, token: msg.token };
      onSignedIn(credentials, await createApiClient({ baseUrl: server, getToken: () => msg.token }).me());
    } catch (err) {
      setError(L.failed(errorText(err, i18n.t)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.col} data-testid="email-sign-in">
      <Text weight="semibold">{L.title}</Text>
      <Field label={L.email}>
        <Input type="email" name="signInEmail" value={email} onChange={(_, d) => setEmail(d.value)} autoComplete="email" />
      </Field>
      <Button disabled={busy || !email.trim() || !server} onClick={() => void send()} data-testid="email-link-send">
        {L.send}
      </Button>
      {isSent && (
        <>
          <MessageBar layout="multiline" intent="info" data-testid="email-link-sent">
            <MessageBarBody>{L.sent}</MessageBarBody>
          </MessageBar>
          <Field label={L.paste}>
            <Input name="signInLink" value={link} onChange={(_, d) => setLink(d.value)} autoComplete="off" />
          </Field>
          <Button appearance="primary" disabled={busy || !link.trim()} onClick={() => void complete()} data-testid="email-link-open">
            {L.open}
          </Button>
        </>
      )}
      <ErrorBar message={error} />
    </div>
  );
}
