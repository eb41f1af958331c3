// The PDF bench's measurements, run in a child process per scenario (scripts/bench/pdf.mjs bundles
// this file with esbuild): the worker's pure code — renderInvoicePdf, planVolumes, compileVolume —
// with R2 replaced by an in-memory map. Prints one JSON object on stdout.
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from '@cantoo/pdf-lib';
import { randomFillSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pdfLabels } from '@shared/i18n/pdf-labels';
import { compileVolume } from '../../worker/src/pdf/backup/compile-volume';
import { DEFAULT_VOLUME_BUDGET_BYTES, planVolumes } from '../../worker/src/pdf/backup/plan-volumes';
import type { BackupAttachment, BackupInvoice } from '../../worker/src/pdf/backup/types';
import { renderInvoicePdf } from '../../worker/src/pdf/render-invoice';
import { nodeTtf } from './node-fonts';
import { attachmentsDir, fixtureInvoices, largeInvoice } from './sample-invoices';

const MB = 1024 * 1024;
const labels = pdfLabels('en');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Peak of what a Worker isolate is charged for — JS heap + ArrayBuffers — live (after a full GC,
 * as the isolate collects before it would run out), sampled after every input fetched, every
 * invoice run and the final save, relative to the start of the volume.
 */
class MemoryPeak {
  peak = 0;
  base = 0;
  last = 0;
  constructor(readonly isOn: boolean) {}
  private now() {
    if (!this.isOn) return 0;
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  }
  start() {
    this.base = this.now();
    this.peak = this.base;
  }
  sample() {
    this.last = this.now();
    this.peak = Math.max(this.peak, this.last);
  }
}

async function render(lines: number, runs: number) {
  const input = largeInvoice(lines);
  await renderInvoicePdf(input, labels, nodeTtf); // warm-up (JIT, font metrics)
  const times: number[] = [];
  // CPU time of the process beside wall time: on a shared machine wall ≫ CPU means the render
  // waited for a core, not that it did more work
  const cpu: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    bytes = await renderInvoicePdf(input, labels, nodeTtf);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  return {
    lines,
    runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    cpuMedianMs: median(cpu),
    cpuMinMs: Math.min(...cpu),
    pages,
    bytes: bytes.byteLength,
  };
}

/** 100 invoices × 3 PDF attachments from the fixtures (one of them owner-password encrypted). */
function fixtureJob(invoiceCount: number) {
  const names = ['subcontractor-invoice-0042.pdf', 'signed-change-order-owner-encrypted.pdf', 'lien-waiver-conditional.pdf'];
  const blobs = new Map(names.map((n) => [n, new Uint8Array(readFileSync(attachmentsDir + n))]));
  const invoices: BackupInvoice[] = Array.from({ length: invoiceCount }, (_, i) => ({
    invoiceId: `inv${i}`,
    number: i + 1,
    contractNumber: 1 + (i % 4),
    contractTitle: `Contract ${1 + (i % 4)}`,
    periodStart: '2025-01-01',
    periodEnd: '2025-01-31',
    lineCount: 3,
    attachments: names.map(
      (n, k): BackupAttachment => ({ id: `a${i}-${k}`, fileName: n, contentType: 'application/pdf', sizeBytes: blobs.get(n)!.byteLength, r2Key: n }),
    ),
  }));
  return { invoices, blobs, names };
}

/** A valid PDF of `sizeMb` MB: one page with an incompressible RGB image (random pixels, Flate). */
async function bigPdf(sizeMb: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const side = Math.floor(Math.sqrt((sizeMb * MB) / 3));
  const pixels = randomFillSync(new Uint8Array(side * side * 3)); // noise: Flate cannot shrink it
  const image = doc.context.flateStream(pixels, { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 });
  const page = doc.addPage([612, 792]);
  const name = page.node.newXObject('Im', doc.context.register(image));
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(540, 0, 0, 540, 36, 126), drawObject(name), popGraphicsState());
  return doc.save();
}

/** Compiles every planned volume in turn; with `measureMemory` each sample costs a full GC, so its time is not a timing. */
async function compileAll(
  invoices: BackupInvoice[],
  blobs: Map<string, Uint8Array>,
  budget: number,
  measureMemory: boolean,
  sampleEachFetch = true,
  rendered?: Map<string, Uint8Array>,
) {
  const [a, b] = fixtureInvoices();
  const mem = new MemoryPeak(measureMemory);
  const plans = planVolumes(invoices, budget);
  const volumes: Array<{ pages: number; inputMb: number; outputMb: number; peakMb: number | null }> = [];
  // a fresh copy per fetch, as R2 gives: nothing is shared between the inputs
  const store = {
    get: async (key: string) => {
      if (sampleEachFetch) mem.sample();
      return blobs.get(key)?.slice() ?? null;
    },
  };
  const t = performance.now();
  let pages = 0;
  for (const [i, plan] of plans.entries()) {
    mem.start();
    const r = await compileVolume(
      {
        invoices,
        plan,
        labels,
        meta: {
          projectName: 'Bench project',
          projectNumber: 'B-1',
          requestedBy: 'Bench',
          compiledAt: { date: '2026-11-22', time: '12:00', timeZone: 'UTC' },
          partNo: i + 1,
          partCount: plans.length,
        },
      },
      {
        store,
        ttf: nodeTtf,
        loadInvoice: async (id) => (Number(id.slice(3)) % 2 ? b! : a!),
        renderedInvoice: rendered ? async (id) => rendered.get(id)!.slice() : undefined,
        onSegmentDone: async () => mem.sample(),
      },
    );
    // save() serialises the finished document into one more buffer: at that moment both are alive
    // (the last sample, after the last invoice, plus the output), which no await point can observe.
    const atSave = mem.last + r.bytes.byteLength;
    mem.sample();
    pages += r.pageCount;
    const peakMb = (Math.max(mem.peak, atSave) - mem.base) / MB;
    volumes.push({ pages: r.pageCount, inputMb: plan.estimatedBytes / MB, outputMb: r.bytes.byteLength / MB, peakMb: measureMemory ? peakMb : null });
  }
  const ms = performance.now() - t;
  return { ms, pages, volumes, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function main() {
  const [scenario, ...args] = process.argv.slice(2);
  let out: unknown;
  if (scenario === 'render') out = await render(Number(args[0] ?? 2000), Number(args[1] ?? 5));
  else if (scenario === 'compile') {
    const { invoices, blobs } = fixtureJob(Number(args[0] ?? 100));
    await compileAll(invoices.slice(0, 5), blobs, DEFAULT_VOLUME_BUDGET_BYTES, false); // warm-up
    const timed = await compileAll(invoices, blobs, DEFAULT_VOLUME_BUDGET_BYTES, false);
    const measured = await compileAll(invoices, blobs, DEFAULT_VOLUME_BUDGET_BYTES, true, false); // small inputs: per invoice is enough
    // the two stages apart: rendering the invoice PDFs, then merging pre-rendered files (as qpdf does)
    const [a, b] = fixtureInvoices();
    const t = performance.now();
    const rendered = new Map<string, Uint8Array>();
    for (const [i, inv] of invoices.entries()) rendered.set(inv.invoiceId, await renderInvoicePdf(i % 2 ? b! : a!, labels, nodeTtf));
    const renderMs = performance.now() - t;
    const merges: number[] = [];
    for (let r = 0; r < 3; r++) merges.push((await compileAll(invoices, blobs, DEFAULT_VOLUME_BUDGET_BYTES, false, true, rendered)).ms);
    merges.sort((x, y) => x - y);
    out = { ...timed, volumes: measured.volumes, renderMs, mergeMs: merges[1], mergeMinMs: merges[0] };
  } else if (scenario === 'qpdf-inputs') {
    // the same inputs as 'compile', as files: each invoice's rendered PDF, then its attachments.
    // `files`: one file per attachment, as the worker gets one R2 object per upload. `sharedFiles`:
    // the 3 fixture files named 100 times each — qpdf opens a path once however often it is
    // named, so it parses (and, for the AES-256 one, derives the key of) only 3 attachments.
    const dir = args[0]!;
    mkdirSync(dir, { recursive: true });
    const { invoices, blobs, names } = fixtureJob(Number(args[1] ?? 100));
    for (const n of names) writeFileSync(`${dir}/${n}`, blobs.get(n)!);
    const [a, b] = fixtureInvoices();
    const files: string[] = [];
    const sharedFiles: string[] = [];
    for (const [i, inv] of invoices.entries()) {
      const path = `${dir}/invoice-${i}.pdf`;
      writeFileSync(path, await renderInvoicePdf(i % 2 ? b! : a!, labels, nodeTtf));
      sharedFiles.push(path, ...inv.attachments.map((x) => `${dir}/${x.r2Key}`));
      files.push(path);
      for (const x of inv.attachments) {
        const own = `${dir}/${x.id}-${x.r2Key}`;
        writeFileSync(own, blobs.get(x.r2Key)!);
        files.push(own);
      }
    }
    out = { files, sharedFiles };
  } else if (scenario === 'memory') {
    // 20 invoices × 2 attachments of `sizeMb` MB each: far more input than one volume may hold
    const sizeMb = Number(args[0] ?? 4);
    const budget = args[1] === 'unsplit' ? Number.MAX_SAFE_INTEGER : DEFAULT_VOLUME_BUDGET_BYTES;
    const blobs = new Map<string, Uint8Array>();
    for (let k = 0; k < 6; k++) blobs.set(`big${k}`, await bigPdf(sizeMb));
    const invoices: BackupInvoice[] = Array.from({ length: 20 }, (_, i) => ({
      invoiceId: `inv${i}`,
      number: i + 1,
      contractNumber: 1,
      contractTitle: 'Prime contract',
      periodStart: '2025-01-01',
      periodEnd: '2025-01-31',
      lineCount: 3,
      attachments: [0, 1].map(
        (k): BackupAttachment => ({
          id: `b${i}-${k}`,
          fileName: `scan-${i}-${k}.pdf`,
          contentType: 'application/pdf',
          sizeBytes: blobs.get(`big${(i * 2 + k) % 6}`)!.byteLength,
          r2Key: `big${(i * 2 + k) % 6}`,
        }),
      ),
    }));
    const inputMb = invoices.reduce((s, inv) => s + inv.attachments.reduce((t, x) => t + x.sizeBytes, 0), 0) / MB;
    out = { inputMb, budgetMb: budget / MB, ...(await compileAll(invoices, blobs, budget, true)) };
  } else throw new Error(`unknown scenario ${scenario}`);
  process.stdout.write(JSON.stringify(out));
}

await main();
