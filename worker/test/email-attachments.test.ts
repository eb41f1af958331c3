import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '@shared/api/emails';
import { addMember, buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { seedUser } from './helpers';

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function upload(token: string, fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await SELF.fetch('http://localhost/api/v1/attachments', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

describe('POST /api/v1/attachments', () => {
  let b: ReadyInvoice;
  beforeAll(async () => {
    b = await buildReadyInvoice();
  });

  it('stores the file in R2 under the project and records it', async () => {
    const r = await upload(b.admin.token, {
      projectId: b.projectId,
      file: new File([PDF], 'C:\\scans\\..\\Lien   waiver final.pdf', { type: 'application/pdf' }),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.stringMatching(/^att_/),
      projectId: b.projectId,
      fileName: 'Lien waiver final.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      origin: 'upload',
    });
    const obj = await env.FILES.get(`projects/${b.projectId}/attachments/${r.body.id}/Lien waiver final.pdf`);
    expect(new Uint8Array(await obj!.arrayBuffer())).toEqual(PDF);
    // a generic type from the browser is resolved by the extension (and checked against the content)
    const generic = await upload(b.admin.token, { projectId: b.projectId, file: new File([PNG], 'photo.png', { type: 'application/octet-stream' }) });
    expect(generic.body.contentType).toBe('image/png');
  });

  it('refuses bad uploads with a specific error', async () => {
    const cases: Array<[Record<string, string | File>, number, string, string]> = [
      [{ projectId: b.projectId }, 422, 'file', 'REQUIRED'],
      [{ file: new File([PDF], 'a.pdf') }, 422, 'projectId', 'REQUIRED'],
      [{ projectId: b.projectId, file: new File([], 'empty.pdf', { type: 'application/pdf' }) }, 422, 'file', 'EMPTY_FILE'],
      [{ projectId: b.projectId, file: new File([new Uint8Array([0x4d, 0x5a])], 'setup.exe') }, 415, 'file', 'TYPE_NOT_ACCEPTED'],
      [{ projectId: b.projectId, file: new File([PNG], 'invoice.pdf', { type: 'application/pdf' }) }, 415, 'file', 'CONTENT_MISMATCH'],
      [{ projectId: b.projectId, file: new File([PDF], 'invoice.pdf', { type: 'image/png' }) }, 415, 'file', 'TYPE_MISMATCH'],
      [
        { projectId: b.projectId, file: new File([new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(65)], 'notes.txt', { type: 'text/plain' }) },
        413,
        'file',
        'FILE_TOO_LARGE',
      ],
    ];
    for (const [fields, status, field, code] of cases) {
      const r = await upload(b.admin.token, fields);
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
    }
    const json = await SELF.fetch('http://localhost/api/v1/attachments', {
      method: 'POST',
      headers: { authorization: `Bearer ${b.admin.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    await json.arrayBuffer();
  });

  it('read-only members may not upload; outsiders do not see the project; downloads follow the same rules', async () => {
    const reader = await addMember(b.admin.token, b.projectId, { primeContracts: 'read_only' });
    const r = await upload(reader.token, { projectId: b.projectId, file: new File([PDF], 'a.pdf', { type: 'application/pdf' }) });
    expect(r.status).toBe(403);
    const outsider = await seedUser();
    expect((await upload(outsider.token, { projectId: b.projectId, file: new File([PDF], 'a.pdf', { type: 'application/pdf' }) })).status).toBe(404);
    const mine = await upload(b.admin.token, { projectId: b.projectId, file: new File([PDF], 'a.pdf', { type: 'application/pdf' }) });
    const get = (token: string) => SELF.fetch(`http://localhost/api/v1/attachments/${mine.body.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    const own = await get(b.admin.token);
    expect(own.status).toBe(200);
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(PDF);
    const asMember = await get(reader.token);
    expect(asMember.status).toBe(200); // linked to nothing yet: project members may read it
    await asMember.arrayBuffer();
    const asOutsider = await get(outsider.token);
    expect(asOutsider.status).toBe(404);
    await asOutsider.arrayBuffer();
  });
});
