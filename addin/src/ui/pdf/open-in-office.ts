// Opening a signed PDF link from the pane: an Office dialog, the system browser, or a download.
// Used by the PDF tab, the waiver cards and the backup compilation (apart from the PDF tab's panel,
// which loads on first show: addin/src/ui/lazy/lazy-part.tsx).
import { eventErrorMessage, officeUi, openDialog } from '../auth/office-dialog';

type OfficeUiExtras = { openBrowserWindow?: (u: string) => void };

/**
 * The link on the pane's own origin when the pane reaches the server through it (the worker serves
 * the pane, or the dev server proxies /api: addin/vite.config.ts). The worker signs the link with
 * the origin the request arrived on, which behind the dev proxy is the worker's http://localhost:8787:
 * Office would refuse that dialog (12004 other origin, 12005 http).
 */
export function pdfDialogUrl(url: string, paneOrigin: string, apiBaseUrl: string): string {
  const u = new URL(url);
  if (u.origin === paneOrigin || new URL(apiBaseUrl).origin !== paneOrigin) return url;
  return `${paneOrigin}${u.pathname}${u.search}`;
}

/**
 * In Office: a preview in an Office dialog, a download in the system browser (where available).
 * The dialog opens after the link request, outside the user's click, so Office's own prompt comes
 * first on the web (promptBeforeOpen: true) rather than a pop-up a blocker stops (12011); every
 * failure rejects with a specific message (auth/office-dialog.ts).
 */
export async function openInOffice(url: string, isDownload: boolean): Promise<void> {
  const ui = officeUi();
  const extras = (globalThis as { Office?: { context?: { ui?: OfficeUiExtras } } }).Office?.context?.ui;
  if (isDownload && extras?.openBrowserWindow) return extras.openBrowserWindow(url);
  if (ui) {
    const dialog = await openDialog(ui, url, { height: 85, width: 70, promptBeforeOpen: true });
    // A PDF page cannot message back; only a load failure is worth reporting (12006 = closed).
    dialog.addEventHandler('dialogEventReceived', (arg) => {
      if (arg.error !== 12006) console.warn(eventErrorMessage(arg.error));
    });
    return;
  }
  // no Office dialog API here (a page hosting the pane outside Office): a download is a same-origin
  // attachment answer that a link with `download` saves without any window
  if (isDownload) {
    Object.assign(document.createElement('a'), { href: url, download: '' }).click();
    return;
  }
  if (!window.open(url, '_blank', 'noopener')) throw new Error('The browser blocked the PDF window. Allow pop-ups for this site, then try again.');
}
