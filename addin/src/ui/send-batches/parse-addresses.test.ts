import { describe, expect, it } from 'vitest';
import { parseAddresses } from './parse-addresses';

describe('parseAddresses', () => {
  it('splits lines, commas, semicolons and tabs, and keeps the address of "Name <address>"', () => {
    expect(parseAddresses('a@x.com, b@y.com\nc@z.com;d@w.com\te@v.com\n\n')).toEqual(
      ['a@x.com', 'b@y.com', 'c@z.com', 'd@w.com', 'e@v.com'].map((email) => ({ email })),
    );
    expect(parseAddresses('María Gómez <maria@owner.example>, "Rep, Jr." <rep@owner.example>')).toEqual([
      { email: 'maria@owner.example' },
      { email: 'rep@owner.example' },
    ]);
    expect(parseAddresses('  ')).toEqual([]);
  });
});
