import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { createApiClient, isApiError } from '../../api';
import type { MeResponse } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import { lastServerUrl } from './credentials';
import { EmailSignIn } from './email-sign-in';
import type { Credentials } from './credentials';
import { errorText } from '../workspace/error-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Props = { onSignedIn: (credentials: Credentials, me: MeResponse) => void };

export function SignIn({ onSignedIn }: Props) {
  const { t } = useI18n();
  const styles = useStyles();
  const [serverUrl, setServerUrl] = useState(lastServerUrl);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const credentials = { serverUrl: serverUrl.trim().replace(/\/+$/, ''), token: token.trim() };
    try {
      const me = await createApiClient({ baseUrl: credentials.serverUrl, getToken: () => credentials.token }).me();
      onSignedIn(credentials, me);
    } catch (err) {
      setError(isApiError(err, 'UNAUTHENTICATED') ? err.message : errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className={styles.form} onSubmit={submit} aria-label={t('signIn.title')}>
        <Text as="h2" size={500} weight="semibold">
          {t('signIn.title')}
        </Text>
        <Text>{t('signIn.intro')}</Text>
        <Field label={t('signIn.serverUrl')} required>
          <Input type="url" value={serverUrl} onChange={(_, d) => setServerUrl(d.value)} name="serverUrl" />
        </Field>
        <Field label={t('signIn.token')} required hint={<span className={styles.hint}>{t('signIn.tokenHint')}</span>}>
          <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} name="token" autoComplete="off" />
        </Field>
        {error && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{t('signIn.failed', { message: error })}</MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" type="submit" disabled={busy || !token.trim() || !serverUrl.trim()}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </Button>
      </form>
      <div className={styles.form}>
        {/* outside the token form: Enter in the email field must not submit the token */}
        <EmailSignIn serverUrl={serverUrl} onSignedIn={onSignedIn} />
      </div>
    </>
  );
}
