import { Badge, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentPdfRegular, HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { defaultServerUrl, loadCredentials } from '../auth/credentials';
import { openInOffice, pdfDialogUrl } from '../pdf/open-in-office';
import { AuditTrail } from './audit-trail';
import { SignForm } from './sign-form';
import type { WaiverApi, WaiverView } from './waiver-api';
import { waiverLabels } from './labels';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, minWidth: 0 },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: '2px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  void: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const statusColor: Record<WaiverView['status'], BadgeProps['color']> = { draft: 'informative', signed: 'success', void: 'danger' };

/** Saves a file the API answered with, as the Attachments tab does (a link click: no window, no dialog). */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Props = { api: WaiverApi; waiver: WaiverView; canAct: boolean; onChanged: (w: WaiverView) => void };

/** One waiver: what it waives, its state and signer; sign a draft, download the PDF, see the audit trail, void it. */
export function WaiverCard({ api, waiver: w, canAct, onChanged }: Props) {
  const i18n = useI18n();
  const L = useLabels(waiverLabels);
  const styles = useStyles();
  const [isAuditOpen, setAuditOpen] = useState(false);
  const [isVoiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setError(null);
    try {
      const { blob, fileName } = await api.pdf(w.id);
      saveFile(blob, fileName);
    } catch (err) {
      setError(L.pdfFailed(errorText(err, i18n.t)));
    }
  }

  /** Opens the PDF to read it, as the PDF tab does (pdf/pdf-tab.tsx): a window outside Office, an Office dialog inside. */
  async function open() {
    setError(null);
    // the window opens inside the click (a popup blocker allows that) and is pointed at the link once it is known
    const isInOffice = typeof (globalThis as { Office?: unknown }).Office !== 'undefined';
    const win = isInOffice ? null : window.open('about:blank', '_blank');
    try {
      const url = await api.pdfLink(w.id);
      if (win) {
        win.opener = null;
        win.location.href = url;
      } else await openInOffice(pdfDialogUrl(url, globalThis.location.origin, loadCredentials()?.serverUrl ?? defaultServerUrl()), false);
    } catch (err) {
      win?.close();
      setError(L.pdfFailed(errorText(err, i18n.t)));
    }
  }

  async function voidIt() {
    if (!reason.trim()) return setReasonProblem(L.voidRequired);
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.void(w.id, reason.trim()));
      setVoiding(false);
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  const fact = (term: string, value: string, testId?: string) => (
    <>
      <dt className={styles.term}>
        <Text size={200}>{term}</Text>
      </dt>
      <dd className={styles.value} data-testid={testId}>
        <Text size={200}>{value}</Text>
      </dd>
    </>
  );

  return (
    <div className={styles.card} data-testid="waiver" data-waiver-id={w.id} data-status={w.status} data-type={w.type} data-direction={w.direction}>
      <div className={styles.head}>
        <Text weight="semibold" className={styles.title}>
          {L.type[w.type]}
        </Text>
        <Badge appearance="tint" color={statusColor[w.status]} data-testid="waiver-status">
          {w.direction === 'received' && w.status !== 'void' ? L.received : L.status[w.status]}
        </Badge>
      </div>
      <dl className={styles.facts}>
        {w.direction === 'issued' && fact(L.formLabel, L.form[w.form])}
        {fact(L.amount, i18n.money(w.amountCents), 'waiver-amount')}
        {fact(L.throughDate, i18n.date(w.throughDate))}
        {w.signer && fact(L.signer, L.signerLine(w.signer.name, w.signer.title), 'waiver-signer')}
        {w.signer && fact(L.signedAt, `${i18n.date(w.signer.signedAt.slice(0, 10))} ${w.signer.signedAt.slice(11, 16)} UTC`)}
        {w.voided && fact(L.status.void, w.voided.reason)}
      </dl>
      {w.status === 'draft' && canAct && <SignForm api={api} waiver={w} onSigned={onChanged} />}
      <div className={styles.actions}>
        <Button size="small" icon={<DocumentPdfRegular />} onClick={() => void open()} data-testid="waiver-open">
          {L.openPdf}
        </Button>
        <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => void download()} data-testid="waiver-pdf">
          {w.direction === 'received' ? L.downloadFile : L.downloadPdf}
        </Button>
        <Button size="small" appearance="subtle" icon={<HistoryRegular />} onClick={() => setAuditOpen((o) => !o)} data-testid="waiver-audit-toggle">
          {isAuditOpen ? L.hideAudit : L.showAudit}
        </Button>
        {canAct && w.status !== 'void' && !isVoiding && (
          <Button size="small" appearance="subtle" onClick={() => setVoiding(true)} data-testid="waiver-void">
            {L.voidButton}
          </Button>
        )}
      </div>
      {isVoiding && (
        <div className={styles.void}>
          <Field label={L.voidReason} required validationState={reasonProblem ? 'error' : 'none'} validationMessage={reasonProblem}>
            <Input
              name="void-reason"
              value={reason}
              onChange={(_, d) => {
                setReason(d.value);
                setReasonProblem(null);
              }}
            />
          </Field>
          <div className={styles.actions}>
            <Button size="small" onClick={() => setVoiding(false)}>
              {L.cancel}
            </Button>
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void voidIt()} data-testid="waiver-void-confirm">
              {L.voidConfirm}
            </Button>
          </div>
        </div>
      )}
      <ErrorBar message={error} />
      {/* keyed by status: signing or voiding adds an event, so the trail is read again */}
      {isAuditOpen && <AuditTrail key={w.status} api={api} waiverId={w.id} />}
    </div>
  );
}
