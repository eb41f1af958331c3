import { type LoadOptions, ParseSpeeds, type SaveOptions } from '@cantoo/pdf-lib';

// pdf-lib yields to the event loop every 50 objects while saving and every 100 while parsing
// (ParseSpeeds.Slow), each time through setTimeout(0): at least 1 ms of wall time per yield in
// Node, a timer turn in workerd. That is for keeping a browser tab responsive; a Worker request
// or queue job has nothing to give the time to. Measured on the 800-page backup of the PDF bench
// (scripts/bench/pdf.mjs): save 146 ms → 24 ms.

/** Parse in one go, and leave the source's Producer/ModDate alone (it is only read and copied from). */
export const NO_YIELD_LOAD: LoadOptions = { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false };

/** Serialise in one go. */
export const NO_YIELD_SAVE: SaveOptions = { objectsPerTick: Number.POSITIVE_INFINITY };
