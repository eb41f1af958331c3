import { it, expect } from 'vitest';
import { env } from 'cloudflare:test';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { jobHandlers } from '../src/queues/jobs';
it('extract in workerd + queue delivery', async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Hello 24,897.17 café', { x: 50, y: 700, font, size: 12 });
  const loaded = await PDFDocument.load(await doc.save());
  console.log('EXTRACT', loaded.getPage(0).extractContents().filter((a) => a.kind === 'text').map((a: any) => a.getText()).join('|'));
  let got: unknown = null;
  jobHandlers['zz.test'] = async (job) => { got = job; };
  await env.JOBS.send({ type: 'zz.test', n: 1 });
  for (let i = 0; i < 50 && !got; i++) await new Promise((r) => setTimeout(r, 100));
  console.log('QUEUE', JSON.stringify(got));
});
