import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { sanitizeReplyHtml } from './sanitize-html';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: 'inherit' },
  html: {
    overflowWrap: 'anywhere',
    maxHeight: '24em',
    overflowY: 'auto',
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
    '& p': { margin: `0 0 ${tokens.spacingVerticalXS} 0` },
    '& blockquote': { margin: 0, paddingLeft: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  },
});

/**
 * A message body: the reply's HTML only after sanitizeReplyHtml (the server sanitized it, DOMPurify
 * does it again here), otherwise the plain text. The ONLY place the Emails tab puts HTML in the page.
 */
export function ReplyBody({ html, text, testId }: { html: string | null; text: string; testId: string }) {
  const styles = useStyles();
  const clean = useMemo(() => sanitizeReplyHtml(html), [html]);
  if (clean === null)
    return (
      <pre className={styles.text} data-testid={testId} data-format="text">
        {text}
      </pre>
    );
  // biome-ignore lint/security/noDangerouslySetInnerHtml: `clean` comes from sanitizeReplyHtml (DOMPurify allow-list)
  return <div className={styles.html} data-testid={testId} data-format="html" dangerouslySetInnerHTML={{ __html: clean }} />;
}
