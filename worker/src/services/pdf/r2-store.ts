import type { R2Bucket } from '@cloudflare/workers-types';
import type { BlobStore } from '../../pdf/backup/types';

/** Attachment bytes from R2, one object at a time (the compile loop drops each after use). */
export function r2Store(bucket: R2Bucket): BlobStore {
  return {
    async get(key) {
      const object = await bucket.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
  };
}
