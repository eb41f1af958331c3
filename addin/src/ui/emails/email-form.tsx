import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Tag,
  TagGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { TAttachmentView, TEmailThreadView } from '@shared/api/emails';
import { emailLabels } from '@shared/i18n/email-labels';
import { LOCALES, type Locale } from '@shared/i18n/locales';
import { isApiError } from '../../api';
import { languageNames } from '../../i18n';
import type { TabContext } from '../tabs/tab-types';
import { errorText } from '../workspace/error-text';
import type { EmailApi } from '../../api';
import type { Suggestion } from './recipients';
import type { EmailLabels } from './labels';
import { RecipientPicker } from './recipient-picker';
import { addChips, chipOf, directorySuggestions, fieldErrors, type Chip, type FieldErrors } from './recipients';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Fluent's warning bar is pale orange; the source's confirmation bar is yellow.
  sent: { backgroundColor: tokens.colorPaletteYellowBackground2 },
});

type Props = { ctx: TabContext; api: EmailApi; L: EmailLabels; threads: TEmailThreadView[]; onSent: () => void };

/** Email invoice: To, CC (the sender by default), Private, language, Subject, Attachments, Message. */
export function EmailForm({ ctx, api, L, threads, onSent }: Props) {
  const styles = useStyles();
  const { t } = ctx.i18n;
  const me = ctx.me.user;
  const [directory, setDirectory] = useState<Suggestion[]>([]);
  useEffect(() => {
    let isCurrent = true;
    // Members only: an invoice contact signed in gets 403 and keeps the thread-based suggestions.
    api.directory(ctx.view.invoice.projectId).then(
      (d) => isCurrent && setDirectory(d.people.map((p) => ({ email: p.email, name: p.name, userId: p.userId }))),
      // Suggestions are a convenience: typed addresses still work; say why in the console.
      (err) => {
        if (!isApiError(err, 'FORBIDDEN')) console.warn('The project directory could not be loaded', err);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, ctx.view.invoice.projectId]);
  const suggestions = useMemo(() => directorySuggestions(me, threads, directory), [me, threads, directory]);
  const [to, setTo] = useState<Chip[]>([]);
  const [cc, setCc] = useState<Chip[]>(() => [chipOf({ userId: me.id, name: me.name, email: me.email })]);
  const [isPrivate, setPrivate] = useState(false);
  const [locale, setLocale] = useState<Locale>(ctx.i18n.lang);
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<TAttachmentView[]>([]);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ intent: 'warning' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const inv = ctx.view.invoice;
  const defaultSubject = emailLabels(locale).subject({
    kind: ctx.view.contract.kind === 'prime' ? 'prime' : 'commitment',
    invoiceNumber: inv.number,
    contractNumber: ctx.view.contract.number,
    start: inv.billingPeriod.start,
    end: inv.billingPeriod.end,
  });
  const contactIds = ctx.contract?.invoiceContactUserIds ?? [];
  const contactChips = contactIds.map((id) => {
    const known = suggestions.find((s) => s.userId === id);
    return chipOf({ userId: id, name: known?.name ?? L.invoiceContact, ...(known ? { email: known.email } : {}) });
  });

  async function upload(list: FileList | null) {
    if (!list?.length) return;
    setErrors((e) => ({ ...e, attachments: undefined }));
    for (const file of Array.from(list)) {
      setUploading((n) => n + 1);
      try {
        const a = await api.upload(inv.projectId, file);
        setFiles((f) => [...f, a]);
      } catch (err) {
        setErrors((e) => ({ ...e, attachments: [...(e.attachments ?? []), `${file.name}: ${errorText(err, t)}`] }));
      } finally {
        setUploading((n) => n - 1);
      }
    }
    if (fileInput.current) fileInput.current.value = '';
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    if (to.length === 0) {
      setErrors({ to: [L.needRecipient] });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.send(inv.id, {
        to: to.map((c) => c.recipient),
        cc: cc.map((c) => c.recipient),
        isPrivate,
        locale,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        attachmentIds: files.map((f) => f.id),
        message,
      });
      // The source confirms a send with a yellow bar ("Communication created"): Fluent's warning intent.
      setNotice({ intent: 'warning', text: L.sent });
      setTo([]);
      setSubject('');
      setMessage('');
      setFiles([]);
      onSent();
    } catch (err) {
      if (isApiError(err) && err.details.length) setErrors(fieldErrors(err.details, { to, cc }));
      setNotice({ intent: 'error', text: L.sendFailed(errorText(err, t)) });
    } finally {
      setBusy(false);
    }
  }

  const bad = (k: keyof FieldErrors) => (errors[k]?.length ? { validationMessage: errors[k]!.join(' · '), validationState: 'error' as const } : {});

  return (
    <form className={styles.form} onSubmit={submit} aria-label={L.compose} data-testid="email-form" noValidate>
      {notice && (
        <MessageBar layout="multiline" intent={notice.intent} className={notice.intent === 'warning' ? styles.sent : undefined} data-testid="email-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <RecipientPicker
        L={L}
        name="to"
        label={L.to}
        hint={L.toHint}
        required
        chips={to}
        onChange={setTo}
        suggestions={suggestions}
        errors={errors.to}
        extra={
          contactChips.length > 0 && (
            <div className={styles.row}>
              <Link as="button" type="button" onClick={() => setTo((c) => addChips(c, contactChips))} data-testid="add-invoice-contacts">
                {L.invoiceContacts(contactChips.length)}
              </Link>
            </div>
          )
        }
      />
      <RecipientPicker L={L} name="cc" label={L.cc} hint={L.ccHint} chips={cc} onChange={setCc} suggestions={suggestions} errors={errors.cc} />
      <div className={styles.row}>
        <Checkbox checked={isPrivate} onChange={(_, d) => setPrivate(d.checked === true)} label={L.isPrivate} name="isPrivate" title={L.privateHint} />
        <Field label={L.language} orientation="horizontal">
          <Select name="locale" value={locale} onChange={(_, d) => setLocale(d.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {languageNames[l]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={L.subject} hint={L.subjectDefault} {...bad('subject')}>
        <Input name="subject" value={subject} placeholder={defaultSubject} onChange={(_, d) => setSubject(d.value)} data-testid="email-subject" />
      </Field>
      <Field label={L.attachments} {...bad('attachments')}>
        <div className={styles.row}>
          <input ref={fileInput} type="file" multiple hidden onChange={(e) => void upload(e.currentTarget.files)} data-testid="email-file-input" />
          <Button size="small" onClick={() => fileInput.current?.click()} disabled={uploading > 0}>
            {uploading > 0 ? L.uploading : L.attach}
          </Button>
          {files.length > 0 && (
            <TagGroup onDismiss={(_, d) => setFiles((f) => f.filter((x) => x.id !== d.value))} aria-label={L.attachments}>
              {files.map((f) => (
                <Tag key={f.id} value={f.id} size="small" dismissible dismissIcon={{ 'aria-label': `${L.remove} ${f.fileName}` }}>
                  {f.fileName}
                </Tag>
              ))}
            </TagGroup>
          )}
        </div>
      </Field>
      <Field label={L.message} {...bad('message')}>
        <Textarea name="message" value={message} onChange={(_, d) => setMessage(d.value)} rows={4} resize="vertical" />
      </Field>
      {errors.form?.length ? (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{errors.form.join(' · ')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy || uploading > 0} data-testid="email-send">
          {busy ? L.sending : L.send}
        </Button>
      </div>
    </form>
  );
}
