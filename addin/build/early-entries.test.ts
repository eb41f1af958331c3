// The early-reads chunk (src/api/early-reads.ts) is only worth having while it is small: the build
// fails when it would load the app's libraries or grow past EARLY_MAX_BYTES; each page gets its
// own early script first in <head>.
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { EARLY_MAX_BYTES, earlyEntries } from './early-entries';

type FakeChunk = { type: 'chunk'; isEntry: boolean; name: string; fileName: string; imports: string[]; moduleIds: string[]; code: string };
const chunk = (fileName: string, c: Partial<FakeChunk> = {}): FakeChunk => ({
  type: 'chunk',
  isEntry: false,
  name: fileName,
  fileName,
  imports: [],
  moduleIds: [`/repo/addin/src/${fileName}.ts`],
  code: 'x'.repeat(100),
  ...c,
});
const bundleOf = (...chunks: FakeChunk[]) => Object.fromEntries(chunks.map((c) => [c.fileName, c]));

function generate(plugin: Plugin, bundle: Record<string, FakeChunk>) {
  const hook = plugin.generateBundle as (this: unknown, o: unknown, b: unknown) => void;
  hook.call(
    {
      error: (m: string) => {
        throw new Error(m);
      },
    },
    {},
    bundle,
  );
}

describe('early entries (vite plugin)', () => {
  const plugin = earlyEntries({ 'index.html': { script: 'src/early-reads-entry.ts', injectTo: 'head' } });

  it('accepts a small early chunk whose imports are the app’s own small modules', () => {
    const entry = chunk('assets/early-index.js', { isEntry: true, name: 'early-index', imports: ['assets/requester.js'] });
    expect(() => generate(plugin, bundleOf(entry, chunk('assets/requester.js'), chunk('assets/base.js', { code: 'x'.repeat(900_000) })))).not.toThrow();
  });

  it('fails the build when zod (or React) reaches the early chunk through an import', () => {
    const entry = chunk('assets/early-index.js', { isEntry: true, name: 'early-index', imports: ['assets/shared.js'] });
    const shared = chunk('assets/shared.js', { moduleIds: ['/repo/addin/src/api/requester.ts', '/repo/node_modules/zod/v4/classic/schemas.js'] });
    expect(() => generate(plugin, bundleOf(entry, shared))).toThrow(/early script loads .*node_modules\/zod/);
    const react = chunk('assets/shared.js', { moduleIds: ['/repo/node_modules/react/index.js'] });
    expect(() => generate(plugin, bundleOf(entry, react))).toThrow(/node_modules\/react/);
  });

  it('fails the build when what the early chunk loads outgrows its budget', () => {
    const entry = chunk('assets/early-index.js', { isEntry: true, name: 'early-index', imports: ['assets/big.js'] });
    expect(() => generate(plugin, bundleOf(entry, chunk('assets/big.js', { code: 'x'.repeat(EARLY_MAX_BYTES) })))).toThrow(/over 12000/);
  });

  it('puts the built early chunk and its imports in the page’s head, async (the dev server gets the source file)', () => {
    const hook = (plugin.transformIndexHtml as { handler: (html: string, ctx: unknown) => unknown }).handler;
    const bundle = bundleOf(
      chunk('assets/early-index-abc.js', { isEntry: true, name: 'early-index', imports: ['assets/requester.js'] }),
      chunk('assets/requester.js', { imports: ['assets/errors.js'] }),
      chunk('assets/errors.js'),
      chunk('assets/base.js'),
    );
    expect(hook('<html></html>', { filename: '/repo/addin/index.html', bundle })).toEqual([
      { tag: 'script', attrs: { type: 'module', async: true, fetchpriority: 'high', crossorigin: true, src: '/assets/early-index-abc.js' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'modulepreload', fetchpriority: 'high', crossorigin: true, href: '/assets/requester.js' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'modulepreload', fetchpriority: 'high', crossorigin: true, href: '/assets/errors.js' }, injectTo: 'head' },
    ]);
    expect(hook('<html></html>', { filename: '/repo/addin/index.html' })).toEqual([
      expect.objectContaining({ attrs: expect.objectContaining({ src: '/src/early-reads-entry.ts' }) }),
    ]);
    expect(hook('<html></html>', { filename: '/repo/addin/commands.html', bundle })).toBeUndefined();
  });
});
