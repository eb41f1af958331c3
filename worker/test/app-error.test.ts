import { describe, expect, it } from 'vitest';
import { AppError, asNotFound, notFound, orNullIfNotFound } from '../src/lib/app-error';

describe('visibility checks answer 404 only for 404s', () => {
  it('re-labels a hidden parent and lets every other failure through', async () => {
    await expect(asNotFound(Promise.reject(notFound('Contract')), 'Invoice')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Invoice not found' });
    const d1 = new Error('D1_ERROR: database is locked');
    await expect(asNotFound(Promise.reject(d1), 'Invoice')).rejects.toBe(d1);
    const forbidden = new AppError('FORBIDDEN', 'needs admin');
    await expect(asNotFound(Promise.reject(forbidden), 'Invoice')).rejects.toBe(forbidden);
    await expect(asNotFound(Promise.resolve(7), 'Invoice')).resolves.toBe(7);
  });

  it('turns only a 404 into null', async () => {
    await expect(orNullIfNotFound(Promise.reject(notFound('Contract')))).resolves.toBeNull();
    await expect(orNullIfNotFound(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
