// Each page's early-reads script (addin/src/api/early-reads.ts) as its own small chunk, placed first
// in the page's <head>. Vite bundles all module scripts of one HTML page into one entry, so the
// early script cannot simply be a second <script> in index.html: it would wait for (and be
// compiled with) the whole main bundle. Instead it is a separate Rollup input, and its built
// file is put in the page; the dev server gets the source file. It is `async`: a deferred module
// script waits for the page to be parsed and for every stylesheet (HTML standard, "style sheet
// that is blocking scripts"), a round trip more on a slow network; an async one runs as soon as
// it is loaded, with fetchpriority=high (async scripts are fetched at low priority otherwise).
// In index.html it goes at the end of <head>, after office.js: the parser inserts it only after
// that classic script has run, so `Office` is defined when it runs (the browser's preload
// scanner still fetches it at once). In the harness it goes first.
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** What the early chunk may load in all: its own code, the requester, credentials and the bindings read. */
export const EARLY_MAX_BYTES = 12_000;
/** Packages that must never reach the early chunk (each is large to compile, the point is to run before them). */
const FORBIDDEN = /[\\/]node_modules[\\/](zod|react|react-dom|scheduler|@fluentui|@griffel)[\\/]/;

/** A page's early script, relative to the Vite root, and where in <head> it goes. */
type EarlyScript = { script: string; injectTo: 'head' | 'head-prepend' };

/**
 * `pages`: HTML file name → its early script (e.g. { 'index.html': { script:
 * 'src/early-reads-entry.ts', injectTo: 'head' } }). Pages not built in this run are skipped.
 */
export function earlyEntries(pages: Record<string, EarlyScript>): Plugin {
  const entryName = (page: string) => `early-${page.replace(/\.html$/, '')}`;
  let root = '';
  return {
    name: 'early-entries',
    configResolved(config) {
      root = config.root;
    },
    options(opts) {
      const input = opts.input;
      if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
      const added: Record<string, string> = {};
      for (const [page, { script }] of Object.entries(pages)) {
        if (Object.values(input).some((file) => file.endsWith(`/${page}`))) added[entryName(page)] = `${root || '.'}/${script}`;
      }
      return { ...opts, input: { ...input, ...added } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const page = ctx.filename.split(/[\\/]/).pop() ?? '';
        const early = pages[page];
        if (!early) return;
        let src = `/${early.script}`;
        let imports: string[] = [];
        if (ctx.bundle) {
          const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === entryName(page));
          if (chunk?.type !== 'chunk') throw new Error(`early-entries: no chunk built for ${page}'s ${early.script}`);
          src = `/${chunk.fileName}`;
          imports = [...reachable(ctx.bundle, chunk.fileName)].filter((f) => f !== chunk.fileName);
        }
        const script: HtmlTagDescriptor = {
          tag: 'script',
          attrs: { type: 'module', async: true, fetchpriority: 'high', crossorigin: true, src },
          injectTo: early.injectTo,
        };
        // its imports are asked for beside it, not after it has been parsed, and before the main
        // bundle's files (six connections per host over HTTP/1.1: they would otherwise queue)
        const preloads: HtmlTagDescriptor[] = imports.map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', fetchpriority: 'high', crossorigin: true, href: `/${f}` },
          injectTo: early.injectTo,
        }));
        return [script, ...preloads];
      },
    },
    generateBundle(_options, bundle) {
      // The early chunk with everything it imports must stay small and free of the app's libraries.
      for (const page of Object.keys(pages)) {
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === entryName(page));
        if (entry?.type !== 'chunk') continue;
        const seen = reachable(bundle, entry.fileName);
        let bytes = 0;
        for (const name of seen) {
          const c = bundle[name];
          if (c?.type !== 'chunk') continue;
          bytes += c.code.length;
          const bad = c.moduleIds.find((m) => FORBIDDEN.test(m));
          if (bad) this.error(`early-entries: ${page}'s early script loads ${bad} (through ${name}); it must stay small`);
        }
        if (bytes > EARLY_MAX_BYTES)
          this.error(`early-entries: ${page}'s early script loads ${bytes} bytes (${[...seen].join(', ')}), over ${EARLY_MAX_BYTES}`);
      }
    },
  };
}

/** `fileName` and every chunk it imports statically, transitively. */
function reachable(bundle: Record<string, { type: string; imports?: string[] }>, fileName: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const c = bundle[name];
    if (c?.type === 'chunk') c.imports?.forEach(visit);
  };
  visit(fileName);
  return seen;
}
