// Office dialogs (Office.context.ui.displayDialogAsync) with every failure turned into a message a
// user can act on. Codes and meanings from Microsoft's "Handle errors and events in the Office
// dialog box" (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events):
// displayDialogAsync fails with 12004 (URL not on the host page's domain, protocol and port
// included), 12005 (HTTP URL), 12007 (a dialog is already open from this pane), 12009 (the user
// chose to ignore the dialog, Office on the web) or 12011 (the browser blocks pop-ups, Office on
// the web); once open, DialogEventReceived reports 12002 (page not found / could not load), 12003
// (navigated to an HTTP page) or 12006 (closed by the user).

export type OfficeDialog = {
  addEventHandler: (type: string, handler: (arg: { message?: string; origin?: string; error?: number }) => void) => void;
  close: () => void;
};
type AsyncResult = { status: string; value: OfficeDialog; error?: { code?: number; message?: string } };
export type OfficeUi = {
  displayDialogAsync: (url: string, options: object, callback: (r: AsyncResult) => void) => void;
};

const OPEN_ERRORS: Record<number, string> = {
  12004: "Office refused the window: its address is not on the add-in's own server (same protocol, host and port as the task pane).",
  12005: 'Office refused the window: its address uses http; Office dialogs need https.',
  12007: 'Another add-in window is already open. Close it, then try again.',
  12009: 'The window was not allowed. Try again and choose "Allow" when Excel asks to open it.',
  12011: 'Your browser blocked the pop-up window. Allow pop-ups for this site (or use Excel desktop), then try again.',
};

const EVENT_ERRORS: Record<number, string> = {
  12002: 'The window could not load its page (not found, or the server did not answer).',
  12003: 'The window was sent to an http page, which Office does not allow.',
  12006: 'The window was closed before it finished.',
};

/** A dialog failure with Office's code, so callers can tell a closed window from a refused one. */
export class DialogError extends Error {
  constructor(
    readonly code: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'DialogError';
  }
}

export function openErrorMessage(code: number | undefined, officeMessage?: string): string {
  if (code !== undefined && OPEN_ERRORS[code]) return OPEN_ERRORS[code];
  return `Office could not open the window${code ? ` (error ${code})` : ''}${officeMessage ? `: ${officeMessage}` : '.'}`;
}

export function eventErrorMessage(code: number | undefined): string {
  if (code !== undefined && EVENT_ERRORS[code]) return EVENT_ERRORS[code];
  return `The window stopped unexpectedly${code ? ` (error ${code})` : ''}.`;
}

export function officeUi(): OfficeUi | null {
  const ui = (globalThis as { Office?: { context?: { ui?: Partial<OfficeUi> } } }).Office?.context?.ui;
  return ui?.displayDialogAsync ? (ui as OfficeUi) : null;
}

export type DialogOptions = { height: number; width: number; promptBeforeOpen: boolean };

/**
 * Opens a dialog; rejects with a DialogError carrying a specific message. With
 * promptBeforeOpen: false, Office on the web opens a browser pop-up directly, which a pop-up
 * blocker may stop (12011) unless the call happens inside the user's click; then it is tried once
 * more with Office's own prompt, whose "Allow" is a click the browser accepts ("Handling pop-up
 * blockers with Office on the web" in the same docs). 12009 means the user declined that prompt.
 */
export function openDialog(ui: OfficeUi, url: string, options: DialogOptions): Promise<OfficeDialog> {
  return new Promise((resolve, reject) => {
    ui.displayDialogAsync(url, options, (r) => {
      if (r.status === 'succeeded') return resolve(r.value);
      const code = r.error?.code;
      if (code === 12011 && !options.promptBeforeOpen) {
        openDialog(ui, url, { ...options, promptBeforeOpen: true }).then(resolve, reject);
        return;
      }
      reject(new DialogError(code ?? null, openErrorMessage(code, r.error?.message)));
    });
  });
}
