// The one typed client: URLs from the route declarations (shared/api/routes/), headers, the error
// envelope → ApiError, no answer → NetworkError.

import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { ApiError, NetworkError } from './errors';

function recorder(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  return {
    calls,
    fetch: async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return respond(url, init);
    },
  };
}

describe('createApiClient', () => {
  it('PATCH lines with If-Match and bearer token under /api/v1', async () => {
    const r = recorder(() => Response.json({ version: 8, changedLineCount: 1, lines: [], totals: {}, g702: {}, changeOrderSummary: {}, warnings: [] }));
    const api = createApiClient({ baseUrl: 'http://localhost:8787/', getToken: () => 'secret', fetch: r.fetch });
    const out = await api.editLines('inv 1', 7, [{ lineId: 'L1', workCompletedThisPeriod: '12.50' }]);
    expect(out.version).toBe(8);
    expect(r.calls[0].url).toBe('http://localhost:8787/api/v1/invoices/inv%201/lines');
    const h = new Headers(r.calls[0].init.headers);
    expect([r.calls[0].init.method, h.get('if-match'), h.get('authorization'), h.get('content-type')]).toEqual([
      'PATCH',
      '7',
      'Bearer secret',
      'application/json',
    ]);
    expect(JSON.parse(String(r.calls[0].init.body))).toEqual({ edits: [{ lineId: 'L1', workCompletedThisPeriod: '12.50' }] });
  });

  it('the 422 envelope becomes an ApiError with every detail', async () => {
    const envelope = {
      error: {
        code: 'VALIDATION_FAILED',
        message: '2 cell(s) could not be saved; nothing was changed',
        requestId: 'r-1',
        details: [
          {
            lineId: 'L1',
            itemNo: '1',
            field: 'workCompletedThisPeriod',
            code: 'NOT_A_NUMBER',
            message: "Line 1, workCompletedThisPeriod: '12,34x' is not an amount",
          },
          {
            lineId: 'L2',
            itemNo: '2',
            field: 'workCompletedThisPeriod',
            code: 'NOT_A_NUMBER',
            message: "Line 2, workCompletedThisPeriod: '-' is not an amount",
          },
        ],
      },
    };
    const api = createApiClient({ baseUrl: 'http://x', getToken: () => 't', fetch: recorder(() => Response.json(envelope, { status: 422 })).fetch });
    const err = await api.editLines('i', 1, []).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.code, err.requestId, err.details.length]).toEqual([422, 'VALIDATION_FAILED', 'r-1', 2]);
  });

  it('409 VERSION_CONFLICT exposes meta.currentVersion', async () => {
    const body = { error: { code: 'VERSION_CONFLICT', message: 'changed', requestId: 'r', details: [], meta: { currentVersion: 9 } } };
    const api = createApiClient({ baseUrl: 'http://x', getToken: () => null, fetch: recorder(() => Response.json(body, { status: 409 })).fetch });
    const err = (await api.getInvoice('i').catch((e) => e)) as ApiError;
    expect([err.code, err.currentVersion, err.meta]).toEqual(['VERSION_CONFLICT', 9, { currentVersion: 9 }]);
  });

  it('a non-envelope error page still yields an ApiError; no answer yields NetworkError', async () => {
    const html = createApiClient({
      baseUrl: 'http://x',
      getToken: () => 't',
      fetch: recorder(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })).fetch,
    });
    const e1 = (await html.me().catch((e) => e)) as ApiError;
    expect([e1.status, e1.code]).toEqual([502, 'INTERNAL']);
    const down = createApiClient({
      baseUrl: 'http://x',
      getToken: () => 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const e2 = await down.listProjects().catch((e) => e);
    expect(e2).toBeInstanceOf(NetworkError);
  });

  it('routes: groups (none ungroups), history paging, status', async () => {
    const r = recorder(() => Response.json({}));
    const api = createApiClient({ baseUrl: 'http://x/api/v1', getToken: () => 't', fetch: r.fetch });
    await api.assignLines('c1', null, ['L1']);
    await api.history('i1', { after: 10, limit: 50 });
    await api.changeStatus('i1', 'under_review');
    await api.listContracts('p1');
    expect(r.calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST http://x/api/v1/contracts/c1/groups/none/lines',
      'GET http://x/api/v1/invoices/i1/history?after=10&limit=50',
      'POST http://x/api/v1/invoices/i1/status',
      'GET http://x/api/v1/projects/p1/contracts',
    ]);
  });

  it('the email, bulk-send and sign-in calls go through the same client and declarations', async () => {
    const r = recorder((url) =>
      Response.json(url.endsWith('/pdf-link') ? { url: 'signed', expiresAt: 'x' } : {}, { status: url.endsWith('/email-link') ? 202 : 200 }),
    );
    const api = createApiClient({ baseUrl: 'http://x', getToken: () => 't', fetch: r.fetch });
    await api.emails.list('i 1', '2026-11-30T00:00:00.000Z');
    await api.sendBatches.recipients('p1', 'b1', 'i1');
    expect(await api.sendBatches.invoicePdfLink('i1')).toBe('signed');
    await api.auth.requestEmailLink('  ana@example.com ');
    expect(r.calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET http://x/api/v1/invoices/i%201/emails?since=2026-11-30T00%3A00%3A00.000Z',
      'GET http://x/api/v1/projects/p1/send-batches/b1/recipients?invoiceId=i1',
      'POST http://x/api/v1/invoices/i1/pdf-link',
      'POST http://x/api/v1/auth/email-link',
    ]);
    expect(JSON.parse(String(r.calls[3].init.body))).toEqual({ email: 'ana@example.com' });
  });

  it('a call without a path parameter its route needs fails before sending', async () => {
    const r = recorder(() => Response.json({}));
    const api = createApiClient({ baseUrl: 'http://x', getToken: () => 't', fetch: r.fetch });
    const { getInvoice } = await import('@shared/api/routes/invoices');
    await expect(api.call(getInvoice, { param: {} as { id: string } })).rejects.toThrow('needs the path parameter "id"');
    expect(r.calls).toHaveLength(0);
  });
});
