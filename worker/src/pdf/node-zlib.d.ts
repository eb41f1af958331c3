// The one node:zlib function the PDF code uses (worker/src/pdf/page-ops.ts). The worker is typed with
// Workers types only (worker/tsconfig.json); Workers provide node:zlib under nodejs_compat
// (developers.cloudflare.com/workers/runtime-apis/nodejs/zlib/). Declaration merging keeps this
// compatible with @types/node where both are seen.
declare module 'node:zlib' {
  export function deflateSync(data: string | Uint8Array, options?: { level?: number }): Uint8Array;
}
