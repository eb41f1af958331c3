import { describe, expect, it } from 'vitest';
import type { Contract } from '../../api';
import { isToolAdmin } from './tab-types';

describe("this user's admin access, as the tabs see it", () => {
  it('is not known while the contract is not read (or its read failed), rather than read-only', () => {
    expect(isToolAdmin(null)).toBeNull();
  });

  it("is the contract's myAccess once read", () => {
    expect(isToolAdmin({ myAccess: { isToolAdmin: true } } as unknown as Contract)).toBe(true);
    expect(isToolAdmin({ myAccess: { isToolAdmin: false } } as unknown as Contract)).toBe(false);
    expect(isToolAdmin({ myAccess: null } as unknown as Contract)).toBe(false);
  });
});
