import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TEmailMessageView } from '@shared/api/emails';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import type { EmailApi } from '../../api';
import type { EmailLabels } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  item: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, alignItems: 'center' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The message's files, downloaded through the API with the bearer token (fetch → blob URL). */
export function AttachmentLinks({ api, L, files }: { api: EmailApi; L: EmailLabels; files: TEmailMessageView['attachments'] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  if (files.length === 0) return null;

  async function download(attachmentId: string, fileName: string) {
    setError(null);
    try {
      const url = URL.createObjectURL(await api.download(attachmentId));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setError(L.downloadFailed(errorText(err, t)));
    }
  }

  return (
    <div className={styles.list} data-testid="email-attachments">
      {files.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a file not yet stored has no id; the list is never reordered
        <span key={`${f.attachmentId ?? 'x'}-${i}`} className={styles.item}>
          <AttachRegular />
          {f.attachmentId ? (
            <Link as="button" onClick={() => void download(f.attachmentId!, f.fileName)} title={L.download} data-testid="email-attachment">
              {f.fileName}
            </Link>
          ) : (
            <Text>{f.fileName}</Text>
          )}
          <Text size={200}>({size(f.sizeBytes)})</Text>
        </span>
      ))}
      {error && (
        <Text size={200} className={styles.error} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
