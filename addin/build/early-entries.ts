// Each page's early-reads script (addin/src/api/early-reads.ts) as its own small chunk, placed first
// in the page's <head>. Vite bundles all module scripts of one HTML page into one entry, so the
// early script cannot simply be a second <script> in index.html: it would wait for (and be
// compiled with) the whole main bundle. Instead it is a separate Rollup input, and its built
// file is put in the page; the dev server gets the source file. Module scripts run in document
// order once the page is parsed, so it runs before the main script, after office.js (a classic
// script, which has run by then).
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** What the early chunk may load in all: its own code, the requester, credentials and the bindings read. */
export const EARLY_MAX_BYTES = 12_000;
/** Packages that must never reach the early chunk (each is large to compile, the point is to run before them). */
const FORBIDDEN = /[\\/]node_modules[\\/](zod|react|react-dom|scheduler|@fluentui|@griffel)[\\/]/;

/**
 * `pages`: HTML file name → its early script, relative to the Vite root (e.g.
 * { 'index.html': 'src/early-reads-entry.ts' }). Pages not built in this run are skipped.
 */
export function earlyEntries(pages: Record<string, string>): Plugin {
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
      for (const [page, script] of Object.entries(pages)) {
        if (Object.values(input).some((file) => file.endsWith(`/${page}`))) added[entryName(page)] = `${root || '.'}/${script}`;
      }
      return { ...opts, input: { ...input, ...added } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const page = ctx.filename.split(/[\\/]/).pop() ?? '';
        const script = pages[page];
        if (!script) return;
        let src = `/${script}`;
        if (ctx.bundle) {
          const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === entryName(page));
          if (!chunk) throw new Error(`early-entries: no chunk built for ${page}'s ${script}`);
          src = `/${chunk.fileName}`;
        }
        const tag: HtmlTagDescriptor = { tag: 'script', attrs: { type: 'module', crossorigin: true, src }, injectTo: 'head-prepend' };
        return [tag];
      },
    },
    generateBundle(_options, bundle) {
      // The early chunk with everything it imports must stay small and free of the app's libraries.
      for (const page of Object.keys(pages)) {
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === entryName(page));
        if (entry?.type !== 'chunk') continue;
        const seen = new Set<string>();
        const visit = (fileName: string) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          const c = bundle[fileName];
          if (c?.type === 'chunk') c.imports.forEach(visit);
        };
        visit(entry.fileName);
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
