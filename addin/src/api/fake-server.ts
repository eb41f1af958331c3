// An in-memory stand-in for the worker's invoice endpoints, for the add-in's unit tests (sync,
// conflicts, offline) and an offline harness. It holds no rule of its own: cells are parsed and
// every refusal worded by shared/api/line-edits.ts, the same code the worker's
// worker/src/services/invoices/{parse-edits,edit-lines,versioned-write}.ts run, and totals come
// from the shared engine; URLs are matched from the route declarations in shared/api/routes/.
// Kept instead of the real worker because the worker needs workerd + D1, and the sync tests need
// to script what a real server cannot do on demand (another user's edit between two PATCHes, a
// dropped connection, a lock mid-session) in milliseconds on Node.

import type { ErrorDetail, ErrorEnvelope } from '@shared/errors';
import type { LineEntry } from '@shared/engine/types';
import { billsByQuantity, computeInvoice } from '@shared/engine';
import { applyLineEdit, editRefusedMessage, lineNotFound, versionConflictMessage } from '@shared/api/line-edits';
import * as invoices from '@shared/api/routes/invoices';
import { buildView, type ViewSpec } from '../workbook-double/demo-views';
import type { InvoiceView, LineEdit } from './types';

/** "/invoices/{id}/lines" → the pathname the client requests for invoice `id`. */
const pathOf = (route: { path: string }, id: string) => `/api/v1${route.path.replace('{id}', encodeURIComponent(id))}`;

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
      if (next[k] !== line.entry[k])
        this.history.push({
          id: this.history.length + 1,
          version: this.version + 1,
          lineId: line.sov.lineId,
          itemNo: line.sov.itemNo,
          field: k,
          oldValue: line.entry[k],
          newValue: next[k],
        });
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
    if (method === 'GET' && url.pathname === pathOf(invoices.getInvoice, id)) return Response.json(this.view(), { headers: { etag: `"${this.version}"` } });
    if (method === 'GET' && url.pathname === pathOf(invoices.getInvoiceHistory, id))
      return Response.json({ revisions: [], changes: this.history, nextAfter: null });
    if (method === 'PATCH' && url.pathname === pathOf(invoices.editInvoiceLines, id)) {
      if (this.editableReason)
        return fail(409, { code: 'INVOICE_NOT_EDITABLE', message: this.editableReason, details: [], meta: { editableInvoiceNumber: null } });
      const sent = Number(headers.get('if-match'));
      if (sent !== this.version) {
        return fail(409, {
          code: 'VERSION_CONFLICT',
          message: versionConflictMessage(sent, this.version),
          details: [],
          meta: { currentVersion: this.version },
        });
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
      if (!line) {
        details.push(lineNotFound(edit, i));
        return;
      }
      const edited = {
        lineId: line.sov.lineId,
        itemNo: line.sov.itemNo,
        contractSumCents: line.sov.originalScheduledValueCents + line.sov.changeOrderCents,
        workCompletedPreviousCents: line.prior.workCompletedToDateCents,
        quantity: billsByQuantity(line.sov, this.spec.terms) ? { scheduledQty: line.sov.scheduledQty ?? 0, workQtyPrevious: line.prior.workQtyToDate } : null,
      };
      const applied = applyLineEdit(edit, edited, next.get(line.sov.lineId)!);
      next.set(line.sov.lineId, applied.entry);
      details.push(...applied.errors);
    });
    const spec = { ...this.spec, lines: this.spec.lines.map((l) => ({ ...l, entry: next.get(l.sov.lineId)! })) };
    const result = computeInvoice({
      terms: spec.terms,
      period: spec.period,
      lines: spec.lines,
      changeOrders: (spec.changeOrders ?? []).map((c) => ({ amountCents: c.amountCents, approvedOn: c.approvedOn })),
      previousCertificatesCents: spec.previousCertificatesCents ?? 0,
    });
    details.push(...result.errors);
    if (details.length) return fail(422, { code: 'VALIDATION_FAILED', message: editRefusedMessage(details.length), details });
    const changed = new Set<string>();
    for (const l of this.spec.lines) {
      const n = next.get(l.sov.lineId)!;
      if (JSON.stringify(n) !== JSON.stringify(l.entry)) {
        changed.add(l.sov.lineId);
        this.record(l, n);
      }
    }
    if (changed.size) this.version++;
    return Response.json({
      version: this.version,
      changedLineCount: changed.size,
      lines: result.lines.filter((l) => changed.has(l.lineId)),
      totals: result.totals,
      g702: result.g702,
      changeOrderSummary: result.changeOrderSummary,
      warnings: result.warnings,
    });
  }

  patches(): FakeRequest[] {
    return this.requests.filter((r) => r.method === 'PATCH');
  }
}
