import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { createApiClient } from '../../api';
import type { MeResponse } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import type { Credentials } from './credentials';
import { completeUrl, openCompletion, requestEmailLink } from './email-link';
import { ErrorBar } from '../error-bar';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const labels = {
  en: {
    title: 'Or sign in by email',
    email: 'Your email',
    send: 'Email me a sign-in link',
    sent: 'Check your email: if the address has an account, a link is on its way (it works once, for 15 minutes).',
    paste: 'Paste the link from the email',
    open: 'Open the link here',
    bad: 'That is not a sign-in link.',
    failed: (m: string) => `Sign-in failed: ${m}`,
  },
  es: {
    title: 'O acceda por correo',
    email: 'Su correo',
    send: 'Enviarme un enlace de acceso',
    sent: 'Revise su correo: si la dirección tiene una cuenta, el enlace va en camino (sirve una vez, durante 15 minutos).',
    paste: 'Pegue el enlace del correo',
    open: 'Abrir el enlace aquí',
    bad: 'Eso no es un enlace de acceso.',
    failed: (m: string) => `El acceso falló: ${m}`,
  },
  fr: {
    title: 'Ou connectez-vous par e-mail',
    email: 'Votre e-mail',
    send: "M'envoyer un lien de connexion",
    sent: "Consultez vos e-mails : si l'adresse a un compte, un lien arrive (valable une fois, 15 minutes).",
    paste: 'Collez le lien reçu par e-mail',
    open: 'Ouvrir le lien ici',
    bad: "Ce n'est pas un lien de connexion.",
    failed: (m: string) => `Échec de la connexion : ${m}`,
  },
};

type Props = { serverUrl: string; onSignedIn: (credentials: Credentials, me: MeResponse) => void };

/** Email me a link → "Check your email" → paste the link → the completion page hands back a session token. */
export function EmailSignIn({ serverUrl, onSignedIn }: Props) {
  const i18n = useI18n();
  const L = labels[i18n.lang];
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
          <MessageBar intent="info" data-testid="email-link-sent">
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
