// DejaVu Sans for Node-side renders (checks, bench): read from node_modules, the same files the
// worker bundles as binary modules (worker/src/pdf/worker-fonts.ts).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { TtfSource } from '../../worker/src/pdf/fonts';

// resolved from the working directory (the repository), so a bundled copy of this file finds them too
const require = createRequire(`${process.cwd()}/package.json`);
const ttfPath = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);

export const nodeTtf: TtfSource = async () => ({
  regular: await readFile(ttfPath('DejaVuSans.ttf')),
  bold: await readFile(ttfPath('DejaVuSans-Bold.ttf')),
});
