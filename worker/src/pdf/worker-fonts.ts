import dejaVuSansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf';
import dejaVuSans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
import type { TtfSource } from './fonts';

/** The Unicode fallback font inside the worker: bundled with the script (workers have no file system). */
export const workerTtf: TtfSource = async () => ({ regular: dejaVuSans, bold: dejaVuSansBold });
