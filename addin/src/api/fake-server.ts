// A stand-in for the worker's invoice endpoints, for tests and an offline harness: same routes,
// same envelopes, the same parsing rules (shared/money) and the same engine (shared/engine), so
// a 422 lists every bad cell with the server's wording and a stale If-Match gets the real 409.
// It mirrors worker/src/services/invoices/{edit-lines,parse-edits,versioned-write}.ts.

import type { ErrorDetail, ErrorEnvelope } from '@shared/errors';
import { parseMoneyInput, parseQtyInput } from '@shared/money';
import type { LineEntry } from '@shared/engine/types';
import { computeInvoice } from '@shared/engine';
import { buildView, type ViewSpec } from '../workbook-double/demo-views';
import type { InvoiceView, LineEdit } from './types';
import { cellErrorMessage } from '@shared/api/invoices';

type Parsed = { ok: true; value: number } | { ok: false; code: string; message: string };
const money = (v: unknown): Parsed => { const r = parseMoneyInput(v); return r.ok ? { ok: true, value: r.cents } : r; };
const qty = (v: unknown): Parsed => { const r = parseQtyInput(v); return r.ok ? { ok: true, value: r.qty } : r; };
const cell = (raw: unknown, p: (v: unknown) => Parsed): Parsed => (raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '') ? { ok: true, value: 0 } : p(raw));

const FIELDS: Array<[keyof LineEdit, (v: unknown) => Parsed, keyof LineEntry]> = [
  ['workCompletedThisPeriod', money, 'workCompletedThisPeriodCents'],
  ['materialsPresentlyStored', money, 'materialsPresentlyStoredCents'],
  ['workQtyThisPeriod', qty, 'workQtyThisPeriod'],
  ['storedQty', qty, 'storedQty'],
  ['retainageReleased', money, 'retainageReleasedCents'],
];

export type FakeRequest = { method: string; path: string; body: unknown; ifMatch: string | null };

export class FakeServer {
  version: number;
  isOffline = false;
  editableReason: string | null = null;
  readonly requests: FakeRequest[] = [];
  readonly history: Array<{ id: number; version: number; lineId: string; itemNo: string; field: string; oldValue: number; newValue: number }> = [];
  private requestNo = 0;

  constructor(private spec: ViewSpec) {
    this.version = spec.version ?? 1;
  }

  view(): InvoiceView {
    const v = buildView({ ...this.spec, version: this.version, isEditable: this.editableReason === null });
    v.invoice.notEditableReason = this.editableReason;
    return v;
  }

  /** Another user's accepted edit (cents / ten-thousandths per entry field). */
  editAsOtherUser(lineId: string, patch: Partial<LineEntry>): void {
    const line = this.spec.lines.find((l) => l.sov.lineId === lineId)!;
    this.record(line, { ...line.entry, ...patch });
    this.version++;
  }

  private record(line: ViewSpec['lines'][number], next: LineEntry) {
    for (const k of Object.keys(next) as Array<keyof LineEntry>) {
      if (next[k] !== line.entry[k]) this.history.push({ id: this.history.length + 1, version: this.version + 1, lineId: line.sov.lineId, itemNo: line.sov.itemNo, field: k, oldValue: line.entry[k], newValue: next[k] });
    }
    line.entry = next;
  }

  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body = init.body ? JSON.parse(String(init.body)) : null;
    this.requests.push({ method, path: url.pathname + url.search, body, ifMatch: headers.get('if-match') });
    await new Promise((r) => setTimeout(r, 1));
    if (this.isOffline) throw new TypeError('Failed to fetch');
    const requestId = `req-${++this.requestNo}`;
    const fail = (status: number, error: Omit<ErrorEnvelope['error'], 'requestId'>) => Response.json({ error: { ...error, requestId } }, { status });
    const id = this.spec.invoiceId ?? 'inv-1';
    if (method === 'GET' && url.pathname === `/api/v1/invoices/${id}`) return Response.json(this.view(), { headers: { etag: `"${this.version}"` } });
    if (method === 'GET' && url.pathname === `/api/v1/invoices/${id}/history`) return Response.json({ revisions: [], changes: this.history, nextAfter: null });
    if (method === 'PATCH' && url.pathname === `/api/v1/invoices/${id}/lines`) {
      if (this.editableReason) return fail(409, { code: 'INVOICE_NOT_EDITABLE', message: this.editableReason, details: [], meta: { editableInvoiceNumber: null } });
      const sent = Number(headers.get('if-match'));
      if (sent !== this.version) {
        return fail(409, { code: 'VERSION_CONFLICT', message: `The invoice changed since version ${sent}; it is now at version ${this.version}. Refresh and reapply your edits.`, details: [], meta: { currentVersion: this.version } });
      }
      return this.editLines(body.edits as LineEdit[], fail);
    }
    return fail(404, { code: 'NOT_FOUND', message: `No route ${method} ${url.pathname}`, details: [] });
  };

  private editLines(edits: LineEdit[], fail: (s: number, e: Omit<ErrorEnvelope['error'], 'requestId'>) => Response): Response {
    const details: ErrorDetail[] = [];
    const next = new Map(this.spec.lines.map((l) => [l.sov.lineId, { ...l.entry }]));
    edits.forEach((edit, i) => {
      const line = this.spec.lines.find((l) => l.sov.lineId === edit.lineId);
      if (!line) { details.push({ lineId: edit.lineId, field: 'lineId', code: 'LINE_NOT_FOUND', message: `Edit ${i + 1}: no line ${edit.lineId} on this invoice` }); return; }
      const entry = next.get(line.sov.lineId)!;
      for (const [field, parse, key] of FIELDS) {
        if (!(field in edit)) continue;
        const r = cell(edit[field], parse);
        if (r.ok) entry[key] = r.value;
        else details.push({ lineId: line.sov.lineId, itemNo: line.sov.itemNo, field, code: r.code, message: cellErrorMessage(line.sov.itemNo, field, r.message) });
      }
    });
    const spec = { ...this.spec, lines: this.spec.lines.map((l) => ({ ...l, entry: next.get(l.sov.lineId)! })) };
    const result = computeInvoice({ terms: spec.terms, period: spec.period, lines: spec.lines, changeOrders: (spec.changeOrders ?? []).map((c) => ({ amountCents: c.amountCents, approvedOn: c.approvedOn })), previousCertificatesCents: spec.previousCertificatesCents ?? 0 });
    details.push(...result.errors);
    if (details.length) return fail(422, { code: 'VALIDATION_FAILED', message: `${details.length} cell(s) could not be saved; nothing was changed`, details });
    const changed = new Set<string>();
    for (const l of this.spec.lines) {
      const n = next.get(l.sov.lineId)!;
      if (JSON.stringify(n) !== JSON.stringify(l.entry)) { changed.add(l.sov.lineId); this.record(l, n); }
    }
    if (changed.size) this.version++;
    return Response.json({
      version: this.version,
      changedLineCount: changed.size,
      lines: result.lines.filter((l) => changed.has(l.lineId)),
      totals: result.totals, g702: result.g702, changeOrderSummary: result.changeOrderSummary, warnings: result.warnings,
    });
  }

  patches(): FakeRequest[] {
    return this.requests.filter((r) => r.method === 'PATCH');
  }
}
