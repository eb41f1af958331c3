import { Button, ProgressBar, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, AttachRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { attachToInvoice, listInvoiceAttachments } from '@shared/api/routes/backups';
import type { ApiClient } from '../../api';
import { isApiError } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { attachmentLabels } from './labels';
import { ACCEPTED_EXTENSIONS, checkBeforeUpload, problemFromServer, type UploadProblem } from './upload-check';
import { MAX_UPLOAD_BYTES } from '@shared/api/emails';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: 'center',
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  file: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sub: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  hidden: { display: 'none' },
});

type Attachment = Awaited<ReturnType<typeof loadList>>[number];
type Upload = { key: number; name: string; state: 'waiting' | 'uploading' | 'attaching' | 'done' | 'failed'; problem?: UploadProblem };

const loadList = async (api: ApiClient, invoiceId: string) => (await api.call(listInvoiceAttachments, { param: { id: invoiceId } })).attachments;
let nextKey = 1;

/** The invoice's backup files: the list with downloads, and uploads by drag and drop or a picker, one file at a time. */
export function AttachmentsPanel({ api, invoiceId, projectId, canAttach }: { api: ApiClient; invoiceId: string; projectId: string; canAttach: boolean }) {
  const i18n = useI18n();
  const L = useLabels(attachmentLabels);
  const styles = useStyles();
  const [files, setFiles] = useState<Attachment[] | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [isOver, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const reload = useCallback(async () => {
    try {
      setFiles(await loadList(api, invoiceId));
    } catch (err) {
      setError(L.loadFailed(errorText(err, i18n.t)));
    }
  }, [api, invoiceId, L, i18n.t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setUpload = (key: number, change: Partial<Upload>) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...change } : x)));

  /** Each file on its own: one refused file never stops the others, and what was attached stays. */
  async function send(file: File, key: number) {
    setUpload(key, { state: 'uploading' });
    try {
      const uploaded = await api.emails.upload(projectId, file);
      setUpload(key, { state: 'attaching' });
      const { attachments } = await api.call(attachToInvoice, { param: { id: invoiceId }, json: { attachmentIds: [uploaded.id] } });
      setFiles(attachments);
      setUpload(key, { state: 'done' });
    } catch (err) {
      const problem: UploadProblem = isApiError(err) ? problemFromServer(file, err) : { code: 'other', message: errorText(err, i18n.t) };
      setUpload(key, { state: 'failed', problem });
    }
  }

  function add(list: FileList | null) {
    if (!list) return;
    const added: Upload[] = [];
    for (const file of Array.from(list)) {
      const key = nextKey++;
      const problem = checkBeforeUpload(file);
      added.push({ key, name: file.name, state: problem ? 'failed' : 'waiting', ...(problem ? { problem } : {}) });
      if (!problem) queue.current = queue.current.then(() => send(file, key));
    }
    // refusals of an earlier drop have been read: only this drop's outcome stays on screen
    setUploads((u) => [...u.filter((x) => x.state !== 'failed' && x.state !== 'done'), ...added]);
  }

  async function download(a: Attachment) {
    setError(null);
    try {
      const blob = await api.emails.download(a.id);
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: a.fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setError(errorText(err, i18n.t));
    }
  }

  const active = uploads.filter((u) => u.state !== 'failed');
  const finished = active.filter((u) => u.state === 'done').length;

  return (
    <div className={styles.col} data-testid="attachments-panel">
      <Text size={200} className={styles.sub} style={{ whiteSpace: 'normal' }}>
        {L.intro}
      </Text>
      {canAttach ? (
        <div
          className={mergeClasses(styles.zone, isOver && styles.over)}
          data-testid="attachments-drop"
          role="group"
          aria-label={L.drop}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            add(e.dataTransfer.files);
          }}
        >
          <AttachRegular fontSize={24} />
          <Text size={200}>
            {L.drop}{' '}
            <Button size="small" appearance="transparent" onClick={() => picker.current?.click()} style={{ padding: 0, minWidth: 0 }}>
              {L.pick}
            </Button>
          </Text>
          <Text size={100} className={styles.sub} style={{ whiteSpace: 'normal' }}>
            {L.accepted(ACCEPTED_EXTENSIONS.join(' '), MAX_UPLOAD_BYTES)}
          </Text>
          <input
            ref={picker}
            className={styles.hidden}
            type="file"
            multiple
            accept={ACCEPTED_EXTENSIONS.join(',')}
            data-testid="attachments-input"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
      ) : (
        <Text size={200} className={styles.sub} style={{ whiteSpace: 'normal' }}>
          {L.readOnly}
        </Text>
      )}
      {active.length > 0 && finished < active.length && <Text size={200}>{L.progress(finished, active.length)}</Text>}
      {uploads.map((u) =>
        u.state === 'failed' ? (
          <ErrorBar key={u.key} message={L.problem(u.name, u.problem ?? { code: 'other', message: '' })} />
        ) : u.state === 'done' ? null : (
          <div key={u.key} className={styles.file} data-testid="attachment-upload" data-state={u.state}>
            <Text size={200} className={styles.grow}>
              {u.name}
            </Text>
            <Text size={200} className={styles.sub}>
              {u.state === 'waiting' ? L.waiting : u.state === 'uploading' ? L.uploading : L.attaching}
            </Text>
            {u.state !== 'waiting' && <ProgressBar style={{ width: 60 }} />}
          </div>
        ),
      )}
      <ErrorBar message={error} />
      {!files ? (
        <Spinner size="tiny" />
      ) : files.length === 0 ? (
        <Text className={styles.sub}>{L.none}</Text>
      ) : (
        <>
          <Text size={200} className={styles.sub}>
            {L.files(files.length)}
          </Text>
          {files.map((a) => (
            <div key={a.id} className={styles.file} data-testid="attachment" data-attachment-id={a.id}>
              <Text size={200} className={styles.grow} title={a.fileName}>
                {a.fileName}
              </Text>
              <Text size={200} className={styles.sub}>
                {L.size(a.sizeBytes)}
              </Text>
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownloadRegular />}
                title={L.open}
                aria-label={`${L.open} ${a.fileName}`}
                onClick={() => void download(a)}
              />
            </div>
          ))}
        </>
      )}
    </div>
  );
}
