import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '@shared/api/emails';
import { checkBeforeUpload, problemFromServer } from './upload-check';

describe('upload checks', () => {
  it('refuses before sending what the server would refuse: type, empty, size', () => {
    expect(checkBeforeUpload({ name: 'invoice.PDF', size: 10 })).toBeNull();
    expect(checkBeforeUpload({ name: 'photo.jpeg', size: MAX_UPLOAD_BYTES })).toBeNull();
    expect(checkBeforeUpload({ name: 'tool.exe', size: 10 })).toEqual({ code: 'wrong_type', extension: 'exe' });
    expect(checkBeforeUpload({ name: 'README', size: 10 })).toEqual({ code: 'wrong_type', extension: '' });
    expect(checkBeforeUpload({ name: 'a.pdf', size: 0 })).toEqual({ code: 'empty' });
    expect(checkBeforeUpload({ name: 'big.pdf', size: 25 * 1024 * 1024 + 1 })).toEqual({ code: 'too_large', sizeBytes: 26214401, limitBytes: 26214400 });
  });

  it("reads the server's refusal: per-file limit, quota, content", () => {
    const f = { name: 'x.pdf', size: 99 };
    expect(problemFromServer(f, { status: 413, message: 'm', details: [{ code: 'FILE_TOO_LARGE' }] }).code).toBe('too_large');
    expect(problemFromServer(f, { status: 413, message: 'Your uploads to this project would exceed 200 MB', details: [] })).toEqual({
      code: 'quota',
      message: 'Your uploads to this project would exceed 200 MB',
    });
    expect(problemFromServer(f, { status: 415, message: 'm', details: [{ code: 'CONTENT_MISMATCH' }] }).code).toBe('content_mismatch');
    expect(problemFromServer(f, { status: 403, message: 'needs admin', details: [] })).toEqual({ code: 'other', message: 'needs admin' });
  });
});

describe('fileSize', () => {
  it('reads as bytes, KB or MB in the language', async () => {
    const { fileSize } = await import('./labels');
    expect([fileSize(812, 'en'), fileSize(44_000, 'en'), fileSize(2_621_440, 'en'), fileSize(2_621_440, 'fr')]).toEqual(['812 B', '43 KB', '2.5 MB', '2,5 MB']);
  });
});
