// The sign-in and PDF dialogs against a fake Office.context.ui that behaves as Microsoft documents
// displayDialogAsync (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events):
// the callback gets { status: 'failed', error: { code } } when the dialog cannot open; an open
// dialog reports messageParent through DialogMessageReceived ({ message, origin }) and closing or
// load failures through DialogEventReceived ({ error }).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfDialogUrl, openInOffice } from '../pdf/open-in-office';
import { completionDialogUrl, forwardTarget, openCompletion } from './email-link';
import { DialogError, type OfficeDialog } from './office-dialog';
import { loadCredentials, saveCredentials, clearToken } from './credentials';

type Handler = (arg: { message?: string; origin?: string; error?: number }) => void;
type Call = { url: string; options: { promptBeforeOpen?: boolean; height?: number; width?: number } };

class FakeDialog implements OfficeDialog {
  handlers = new Map<string, Handler>();
  closed = false;
  addEventHandler(type: string, handler: Handler) {
    this.handlers.set(type, handler);
  }
  close() {
    this.closed = true;
  }
  emit(type: 'dialogMessageReceived' | 'dialogEventReceived', arg: Parameters<Handler>[0]) {
    this.handlers.get(type)?.(arg);
  }
}

/** Fails with the queued codes in order (Office's AsyncResult), then opens a FakeDialog. */
class FakeUi {
  calls: Call[] = [];
  failures: number[] = [];
  dialog = new FakeDialog();
  displayDialogAsync(url: string, options: Call['options'], callback: (r: unknown) => void) {
    this.calls.push({ url, options });
    const code = this.failures.shift();
    // Office calls back asynchronously
    queueMicrotask(() =>
      callback(code ? { status: 'failed', value: undefined, error: { code, message: `Office message ${code}` } } : { status: 'succeeded', value: this.dialog }),
    );
  }
}

const PANE = 'https://localhost:3000';
const token = 'abcdefghijklmnopqrstuvwxyz_0123456789-AB';
let ui: FakeUi;
const g = globalThis as Record<string, unknown>;

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

beforeEach(() => {
  ui = new FakeUi();
  g.Office = { context: { ui } };
  g.location = { origin: PANE };
  g.localStorage = memoryStorage();
});
afterEach(() => {
  delete g.Office;
  delete g.location;
  delete g.localStorage;
});

const within = <T>(p: Promise<T>, ms = 2000) =>
  Promise.race([p, new Promise<never>((_, no) => setTimeout(() => no(new Error(`no answer within ${ms} ms`)), ms))]);

describe('sign-in dialog', () => {
  it("opens the completion page on the pane's origin directly, and resolves with the session it hands back", async () => {
    const session = { type: 'pb-session', token: 't1', expiresAt: '2026-12-30T00:00:00Z', user: { id: 'u', name: 'Ana', email: 'a@x.co' } };
    const done = openCompletion(`${PANE}/auth/complete?token=${token}`);
    await new Promise((r) => setTimeout(r, 0));
    expect(ui.calls).toEqual([{ url: `${PANE}/auth/complete?token=${token}`, options: { height: 50, width: 40, promptBeforeOpen: false } }]);
    ui.dialog.emit('dialogMessageReceived', { message: JSON.stringify({ ...session, token: 'forged' }), origin: 'https://evil.example' });
    ui.dialog.emit('dialogMessageReceived', { message: JSON.stringify(session), origin: PANE });
    await expect(within(done)).resolves.toEqual(session);
    expect(ui.dialog.closed).toBe(true);
  });

  it("a server on another origin goes through the pane's auth-dialog.html with the parent origin", () => {
    const url = completionDialogUrl(PANE, `https://pb.example/auth/complete?token=${token}`);
    expect(url).toBe(`${PANE}/auth-dialog.html?to=${encodeURIComponent(`https://pb.example/auth/complete?token=${token}&parent=${encodeURIComponent(PANE)}`)}`);
    const to = new URL(url).searchParams.get('to');
    expect(forwardTarget(to, PANE)).toBe(`https://pb.example/auth/complete?token=${token}&parent=${encodeURIComponent(PANE)}`);
    // the forwarding page follows only https completion links
    expect(forwardTarget(`http://pb.example/auth/complete?token=${token}`, PANE)).toBeNull();
    expect(forwardTarget(`https://evil.example/phish?token=${token}`, PANE)).toBeNull();
    expect(forwardTarget('javascript:alert(1)', PANE)).toBeNull();
  });

  it.each([
    [12004, /not on the add-in's own server/],
    [12005, /uses http; Office dialogs need https/],
    [12007, /Another add-in window is already open/],
    [12009, /choose "Allow" when Excel asks/],
    [12345, /Office could not open the window \(error 12345\): Office message 12345/],
  ])('a dialog that cannot open (%i) is a specific error', async (code, message) => {
    ui.failures = [code];
    const err = await within(openCompletion(`${PANE}/auth/complete?token=${token}`)).catch((e) => e);
    expect(err).toBeInstanceOf(DialogError);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(ui.calls).toHaveLength(1);
  });

  it("a pop-up blocked by the browser (12011) is tried again with Office's prompt; blocked again, the user is told", async () => {
    ui.failures = [12011];
    const done = openCompletion(`${PANE}/auth/complete?token=${token}`);
    await new Promise((r) => setTimeout(r, 0));
    expect(ui.calls.map((c) => c.options.promptBeforeOpen)).toEqual([false, true]);
    ui.dialog.emit('dialogMessageReceived', { message: JSON.stringify({ type: 'pb-session-error', message: 'This link has expired' }) });
    await expect(within(done)).resolves.toEqual({ type: 'pb-session-error', message: 'This link has expired' });

    ui = new FakeUi();
    (g.Office as { context: { ui: FakeUi } }).context.ui = ui;
    ui.failures = [12011, 12011];
    const err = await within(openCompletion(`${PANE}/auth/complete?token=${token}`)).catch((e) => e);
    expect([err.code, err.message]).toEqual([12011, expect.stringMatching(/Your browser blocked the pop-up window/)]);
  });

  it.each([
    [12006, /closed before it finished/],
    [12002, /could not load its page/],
    [12003, /sent to an http page/],
  ])('a dialog that ends without a session (%i) says why', async (code, message) => {
    const done = openCompletion(`${PANE}/auth/complete?token=${token}`);
    await new Promise((r) => setTimeout(r, 0));
    ui.dialog.emit('dialogEventReceived', { error: code });
    await expect(within(done)).rejects.toThrow(message);
  });
});

describe('PDF dialog', () => {
  it('passes a callback: a refused dialog rejects with the reason instead of failing silently', async () => {
    ui.failures = [12004];
    await expect(within(openInOffice('https://localhost:3000/api/v1/invoices/inv_1/pdf?sig=x', false))).rejects.toThrow(/not on the add-in's own server/);
    expect(ui.calls[0]!.options).toEqual({ height: 85, width: 70, promptBeforeOpen: true });
    await expect(within(openInOffice('https://localhost:3000/api/v1/invoices/inv_1/pdf?sig=x', false))).resolves.toBeUndefined();
  });

  it("a link signed behind the dev proxy is put back on the pane's origin; a remote server's link is kept", () => {
    const link = 'http://localhost:8787/api/v1/invoices/inv_1/pdf?uid=u&exp=1&sig=s';
    expect(pdfDialogUrl(link, PANE, PANE)).toBe(`${PANE}/api/v1/invoices/inv_1/pdf?uid=u&exp=1&sig=s`);
    expect(pdfDialogUrl('https://pb.example/api/v1/invoices/inv_1/pdf?sig=s', PANE, 'https://pb.example')).toBe(
      'https://pb.example/api/v1/invoices/inv_1/pdf?sig=s',
    );
  });
});

describe('credentials in partitioned storage', () => {
  it('keys the token with Office.context.partitionKey, and drops a token stored before partitioning', () => {
    const storage = g.localStorage as Storage;
    storage.setItem('progress-billing.token', 'old-unpartitioned');
    (g.Office as { context: Record<string, unknown> }).context.partitionKey = 'doc-A/';
    saveCredentials({ serverUrl: PANE, token: 'tok-A' });
    expect(storage.getItem('doc-A/progress-billing.token')).toBe('tok-A');
    expect(storage.getItem('progress-billing.token')).toBeNull();
    expect(loadCredentials()).toEqual({ serverUrl: PANE, token: 'tok-A' });
    // another partition does not see it
    (g.Office as { context: Record<string, unknown> }).context.partitionKey = 'doc-B/';
    expect(loadCredentials()).toBeNull();
    (g.Office as { context: Record<string, unknown> }).context.partitionKey = 'doc-A/';
    clearToken();
    expect(loadCredentials()).toBeNull();
  });

  it('without a partition key (outside Office, or storage already partitioned) the plain key is used', () => {
    delete g.Office;
    saveCredentials({ serverUrl: PANE, token: 'tok' });
    expect((g.localStorage as Storage).getItem('progress-billing.token')).toBe('tok');
  });
});
