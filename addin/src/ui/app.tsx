import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { createApiClient, isApiError } from '../api';
import type { ApiClient, MeResponse } from '../api';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import type { Lang } from '../i18n';
import { clearToken, loadCredentials, saveCredentials } from './auth/credentials';
import type { Credentials } from './auth/credentials';
import { SignIn } from './auth/sign-in';
import { InvoicePicker } from './picker/invoice-picker';
import type { PickedInvoice } from './picker/invoice-picker';
import { InvoiceWorkspace } from './workspace/invoice-workspace';
import { errorText } from './workspace/error-text';
import { invoicesInWorkbook } from './workspace/workbook-invoices';
import type { BoundInvoice } from './workspace/workbook-invoices';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  top: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { flexGrow: 1, minWidth: 0 },
  who: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  body: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  center: { padding: tokens.spacingHorizontalL },
});

export type TaskPaneProps = {
  lang: Lang;
  /** open this invoice as soon as the user is signed in (the harness's ?invoice=, a reconnect) */
  initialInvoiceId?: string | null;
};

type Session = { credentials: Credentials; api: ApiClient; me: MeResponse };

/** The whole task pane. Runs the same in Excel and in the browser harness. */
export function TaskPane({ lang, initialInvoiceId }: TaskPaneProps) {
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <I18nProvider lang={lang}>
        <Shell initialInvoiceId={initialInvoiceId ?? null} />
      </I18nProvider>
    </FluentProvider>
  );
}

function clientFor(credentials: Credentials): ApiClient {
  return createApiClient({ baseUrl: credentials.serverUrl, getToken: () => credentials.token });
}

function Shell({ initialInvoiceId }: { initialInvoiceId: string | null }) {
  const { t } = useI18n();
  const styles = useStyles();
  const stored = useMemo(loadCredentials, []);
  const [session, setSession] = useState<Session | null>(null);
  const [isRestoring, setRestoring] = useState(stored !== null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [picked, setPicked] = useState<PickedInvoice | null>(null);
  const [openInvoiceId, setOpenInvoiceId] = useState<string | null>(initialInvoiceId);
  const [bound, setBound] = useState<BoundInvoice[]>([]);
  const [hasReconnected, setReconnected] = useState(initialInvoiceId !== null);

  // Reopening a workbook that holds an invoice reconnects to it (the most recently synced one);
  // the others are offered in the picker.
  useEffect(() => {
    if (!session) return;
    let isCurrent = true;
    void invoicesInWorkbook().then((list) => {
      if (!isCurrent) return;
      setBound(list);
      if (!hasReconnected && list[0]) setOpenInvoiceId(list[0].invoiceId);
      setReconnected(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [session, hasReconnected, openInvoiceId]);

  // A stored token is checked once on start; a revoked one sends the user back to sign-in.
  useEffect(() => {
    if (!stored) return;
    const api = clientFor(stored);
    api.me().then(
      (me) => {
        setSession({ credentials: stored, api, me });
        setRestoring(false);
      },
      (err: unknown) => {
        if (isApiError(err, 'UNAUTHENTICATED')) clearToken();
        else setRestoreError(errorText(err, t));
        setRestoring(false);
      },
    );
  }, [stored, t]);

  function signedIn(credentials: Credentials, me: MeResponse) {
    saveCredentials(credentials);
    setRestoreError(null);
    setSession({ credentials, api: clientFor(credentials), me });
  }

  function signOut() {
    clearToken();
    setSession(null);
    setOpenInvoiceId(null);
  }

  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <img src="/assets/icons/icon-32.png" width={24} height={24} alt="" />
        <div className={styles.brand}>
          {/* Excel's pane title already names the add-in: once signed in, say who instead */}
          {session ? (
            <Text size={200} className={styles.who} data-testid="signed-in-as">
              {t('signIn.as', { name: session.me.user.name, company: session.me.user.companyName })}
            </Text>
          ) : (
            <Text weight="semibold">{t('app.title')}</Text>
          )}
        </div>
        {session && (
          <Button size="small" appearance="subtle" icon={<SignOutRegular />} onClick={signOut} title={t('signIn.signOut')} aria-label={t('signIn.signOut')} />
        )}
      </header>
      <main className={styles.body}>
        {isRestoring ? (
          <div className={styles.center}>
            <Spinner size="small" label={t('picker.loading')} />
          </div>
        ) : !session ? (
          <>
            {restoreError && (
              <MessageBar intent="error">
                <MessageBarBody>{restoreError}</MessageBarBody>
              </MessageBar>
            )}
            <SignIn onSignedIn={signedIn} />
          </>
        ) : openInvoiceId ? (
          <InvoiceWorkspace
            key={openInvoiceId}
            api={session.api}
            me={session.me}
            invoiceId={openInvoiceId}
            onOpenInvoice={setOpenInvoiceId}
            onClose={() => setOpenInvoiceId(null)}
          />
        ) : (
          <InvoicePicker
            api={session.api}
            projects={session.me.projects}
            inWorkbook={bound}
            onReopen={setOpenInvoiceId}
            initial={picked ?? undefined}
            isOpening={false}
            onOpen={(p) => {
              setPicked(p);
              setOpenInvoiceId(p.invoiceId);
            }}
          />
        )}
      </main>
    </div>
  );
}
