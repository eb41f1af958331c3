import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createApiClient, isApiError } from '../api';
import { takeEarlyReads } from '../api/early-reads';
import type { ApiClient, MeResponse } from '../api';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import type { Lang } from '../i18n';
import { clearToken, loadCredentials, saveCredentials } from './auth/credentials';
import type { Credentials } from './auth/credentials';
import { InvoiceCrumbs } from './nav/invoice-crumbs';
import type { InvoicePlace } from './nav/invoice-crumbs';
import { BackupReadyBar } from './billing/backup-ready-bar';
import { InvoiceWorkspace } from './workspace/invoice-workspace';
import { errorText } from './workspace/error-text';
import { readFirstInvoice } from './workspace/first-invoice';
import type { FirstInvoice } from './workspace/first-invoice';
import { invoicesInWorkbook } from './workspace/workbook-invoices';
import { LazyPart, lazyNamed } from './lazy/lazy-part';
import type { BoundInvoice } from './workspace/workbook-invoices';

// Opening an invoice (the harness's ?invoice=, a reopened workbook) shows none of these: each
// loads on first show from its own chunk (lazy/lazy-part.tsx), keeping the first script small.
const SignIn = lazyNamed(() => import('./auth/sign-in'), 'SignIn');
const ContractScreen = lazyNamed(() => import('./contract/contract-screen'), 'ContractScreen');
const ProjectScreen = lazyNamed(() => import('./project/project-screen'), 'ProjectScreen');

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

/** Where the pane is: a project's screen, a contract's, or an open invoice (project › contract › invoice). */
type Screen =
  | { kind: 'project'; tab?: string }
  | { kind: 'contract'; contractId: string; tab?: string }
  | { kind: 'invoice'; invoiceId: string; place: InvoicePlace | null };

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
  // GET /me and the first invoice's GET, started by the page's first script when it ran
  // (api/early-reads.ts), taken once and only when sent with these credentials.
  const [early] = useState(() => (stored ? takeEarlyReads(stored) : null));
  // The invoice this pane opens first is read while the stored token is checked, not after it.
  const [firstInvoice, setFirstInvoice] = useState<FirstInvoice | null>(() =>
    stored
      ? readFirstInvoice(clientFor(stored), initialInvoiceId, async () => (await invoicesInWorkbook())[0]?.invoiceId ?? null, early?.invoice ?? null)
      : null,
  );
  const [session, setSession] = useState<Session | null>(null);
  const [isRestoring, setRestoring] = useState(stored !== null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>(initialInvoiceId ? { kind: 'invoice', invoiceId: initialInvoiceId, place: null } : { kind: 'project' });
  const [projectId, setProjectId] = useState<string | null>(null);
  const [bound, setBound] = useState<BoundInvoice[]>([]);
  const [hasReconnected, setReconnected] = useState(initialInvoiceId !== null);
  const openInvoiceId = screen.kind === 'invoice' ? screen.invoiceId : null;

  // Reopening a workbook that holds an invoice reconnects to it (the most recently synced one);
  // the others are offered on the project screen.
  useEffect(() => {
    if (!session) return;
    let isCurrent = true;
    void invoicesInWorkbook().then((list) => {
      if (!isCurrent) return;
      setBound(list);
      if (!hasReconnected && list[0]) setScreen({ kind: 'invoice', invoiceId: list[0].invoiceId, place: null });
      setReconnected(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [session, hasReconnected, openInvoiceId]);

  // With a single project there is nothing to choose: open it.
  useEffect(() => {
    if (session && projectId === null && session.me.projects.length === 1) setProjectId(session.me.projects[0]!.id);
  }, [session, projectId]);

  const openProject = (id: string | null) => {
    if (id) setProjectId(id);
    setScreen({ kind: 'project' });
  };
  const openContract = (contractId: string, tab?: string) => setScreen({ kind: 'contract', contractId, tab });
  const openInvoice = (invoiceId: string) => setScreen({ kind: 'invoice', invoiceId, place: null });

  // A stored token is checked once on start; a revoked one sends the user back to sign-in.
  const earlyMe = useRef(early?.me ?? null);
  useEffect(() => {
    if (!stored) return;
    const api = clientFor(stored);
    const sent = earlyMe.current;
    earlyMe.current = null; // its answer is used once; a re-run (language change) asks again
    api.me(sent).then(
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
    setFirstInvoice(null); // read with the old token
    setRestoreError(null);
    setSession({ credentials, api: clientFor(credentials), me });
  }

  function signOut() {
    clearToken();
    setSession(null);
    setScreen({ kind: 'project' });
    setProjectId(null);
  }

  /** A new project: read the user's projects again (it is theirs now) and show it. */
  async function projectCreated(projectIdCreated: string) {
    if (!session) return;
    const me = await session.api.me();
    setSession({ ...session, me });
    setProjectId(projectIdCreated);
    setScreen({ kind: 'project' });
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
      {/* a compilation started on the project's Invoices tab reports here whatever screen the user is on */}
      {session && (
        <BackupReadyBar
          onShow={(id) => {
            setProjectId(id);
            setScreen({ kind: 'project', tab: 'invoices' });
          }}
        />
      )}
      <main className={styles.body}>
        {isRestoring ? (
          <div className={styles.center}>
            <Spinner size="small" label={t('picker.loading')} />
          </div>
        ) : !session ? (
          <>
            {restoreError && (
              <MessageBar layout="multiline" intent="error">
                <MessageBarBody>{restoreError}</MessageBarBody>
              </MessageBar>
            )}
            <LazyPart>
              <SignIn onSignedIn={signedIn} />
            </LazyPart>
          </>
        ) : screen.kind === 'invoice' ? (
          <>
            <InvoiceCrumbs me={session.me} place={screen.place} openProject={openProject} openContract={(id) => openContract(id)} />
            <InvoiceWorkspace
              key={screen.invoiceId}
              api={session.api}
              me={session.me}
              invoiceId={screen.invoiceId}
              firstInvoice={firstInvoice}
              onOpenInvoice={openInvoice}
              onLoaded={(place) => {
                setProjectId(place.projectId);
                setScreen((s) => (s.kind === 'invoice' && s.invoiceId === screen.invoiceId ? { ...s, place } : s));
              }}
              onClose={() => (screen.place ? openContract(screen.place.contractId, 'invoices') : openProject(null))}
            />
          </>
        ) : screen.kind === 'contract' ? (
          <LazyPart key={`contract:${screen.contractId}`}>
            <ContractScreen
              key={screen.contractId}
              api={session.api}
              me={session.me}
              contractId={screen.contractId}
              initialTab={screen.tab}
              openProject={openProject}
              openInvoice={openInvoice}
            />
          </LazyPart>
        ) : (
          <LazyPart key="project">
            <ProjectScreen
              key={`${projectId ?? ''}:${screen.tab ?? ''}`}
              initialTab={screen.tab}
              api={session.api}
              me={session.me}
              projectId={projectId}
              onProjectChange={setProjectId}
              onProjectCreated={(p) => void projectCreated(p.id)}
              onProjectChanged={(p) => setSession((s) => s && { ...s, me: { ...s.me, projects: s.me.projects.map((x) => (x.id === p.id ? p : x)) } })}
              inWorkbook={bound}
              openContract={openContract}
              openInvoice={openInvoice}
            />
          </LazyPart>
        )}
      </main>
    </div>
  );
}
