// Builds the task pane (index.html), the ribbon's function file (commands.html) and the browser
// harness (harness.html) into dist/addin, which the worker serves as static assets
// (wrangler.toml [assets]). `vite --config addin/vite.config.ts` is the sideloading dev server:
// https://localhost:3000 with office-addin-dev-certs, proxying the API to the local worker so the
// task pane stays same-origin (an https page cannot call an http API: mixed content).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, ServerOptions, UserConfig } from 'vite';
import { defineConfig } from 'vite';
import { earlyEntries } from './build/early-entries';
import { headersFile } from './build/security-headers';

const addinDir = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(addinDir, '../dist/addin');
const iconsDir = join(addinDir, 'assets', 'icons');
const ICON_PREFIX = '/assets/icons/';

/** Icons keep fixed URLs (/assets/icons/icon-<size>.png) because manifest.xml names them. */
function manifestIcons(): Plugin {
  let target = join(outDir, 'assets', 'icons');
  return {
    name: 'manifest-icons',
    configResolved(config) {
      // `vite build --outDir <dir>` (the e2e tests build into a private directory) moves them too
      target = join(resolve(config.root, config.build.outDir), 'assets', 'icons');
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(ICON_PREFIX) ? req.url.slice(ICON_PREFIX.length).split('?')[0] : null;
        if (!name || !/^icon-\d+\.png$/.test(name)) return next();
        res.setHeader('content-type', 'image/png');
        res.end(readFileSync(join(iconsDir, name)));
      });
    },
    writeBundle() {
      mkdirSync(target, { recursive: true });
      for (const file of readdirSync(iconsDir).filter((f) => f.endsWith('.png'))) copyFileSync(join(iconsDir, file), join(target, file));
    },
  };
}

/**
 * https with the Office dev certificates (generated and trusted on first use, as `npm run
 * sideload` does). Where trusting the CA fails (Linux without sudo, a container) the generated
 * certificate is still served; the browser or Office must then be told to trust ca.crt by hand.
 */
async function httpsOptions(): Promise<ServerOptions['https']> {
  if (process.env.ADDIN_DEV_HTTP === '1') return undefined;
  const certs = await import('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (err) {
    const dir = join(homedir(), '.office-addin-dev-certs');
    const files = { ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
    if (!Object.values(files).every((f) => existsSync(f))) throw err;
    console.warn(
      `[addin:dev] ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n[addin:dev] serving ${files.cert} anyway; trust ${files.ca} in your OS/browser for Office to load the pane.`,
    );
    return { ca: readFileSync(files.ca), cert: readFileSync(files.cert), key: readFileSync(files.key) };
  }
}

/**
 * Writes `_headers` next to the built pages (addin/build/security-headers.ts): CSP with
 * frame-ancestors for Office, nosniff. The task pane is served at / as well as /index.html.
 */
function securityHeaders(): Plugin {
  return {
    name: 'security-headers',
    apply: 'build',
    // after writing: the pages on disk carry the final script tags whose inline bodies are hashed
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const pages: Array<{ path: string; html: string }> = [];
      for (const name of Object.keys(bundle).filter((n) => n.endsWith('.html'))) {
        const html = readFileSync(join(dir, name), 'utf8');
        pages.push({ path: `/${name}`, html });
        // Cloudflare serves /index.html at / and /harness.html at /harness: same headers there
        pages.push({ path: name === 'index.html' ? '/' : `/${name.replace(/\.html$/, '')}`, html });
      }
      writeFileSync(join(dir, '_headers'), headersFile(pages));
    },
  };
}

/**
 * `npm run build` is the production build: the task pane and the ribbon's function file only, no
 * source maps. The browser harness and source maps are for development and
 * the tests: ADDIN_HARNESS=1 (scripts/local-worker.mjs and addin/e2e/private-worker.mjs set it).
 */
const withHarness = process.env.ADDIN_HARNESS === '1';

export default defineConfig(async ({ command }): Promise<UserConfig> => {
  const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:8787';
  return {
    root: addinDir,
    base: '/',
    publicDir: false,
    plugins: [
      react(),
      manifestIcons(),
      securityHeaders(),
      // GET /me and the first invoice start before the main bundle runs (src/api/early-reads.ts)
      earlyEntries({
        'index.html': { script: 'src/early-reads-entry.ts', injectTo: 'head' }, // after office.js
        'harness.html': { script: 'harness/early-reads-entry.ts', injectTo: 'head-prepend' },
      }),
    ],
    resolve: { alias: { '@shared': resolve(addinDir, '../shared') } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: withHarness,
      // React + Fluent is ~700 kB unminified; the pane loads it once from the worker's edge cache.
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        input: {
          index: join(addinDir, 'index.html'),
          commands: join(addinDir, 'commands.html'),
          ...(withHarness || command === 'serve' ? { harness: join(addinDir, 'harness.html') } : {}),
          'auth-dialog': join(addinDir, 'auth-dialog.html'),
        },
      },
    },
    server:
      command === 'serve'
        ? {
            port: 3000,
            strictPort: true,
            https: await httpsOptions(),
            proxy: {
              '/api': { target: apiOrigin, changeOrigin: true },
              '/dev': { target: apiOrigin, changeOrigin: true },
              // The email sign-in link's completion page: an Office dialog must open on the pane's
              // own origin (error 12004), so the dev server serves it from the worker as well.
              '/auth': { target: apiOrigin, changeOrigin: true },
            },
          }
        : undefined,
  };
});
