import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from './utf8';

describe('utf8ByteLength', () => {
  const encoded = (s: string) => new TextEncoder().encode(s).length;

  it('gives what TextEncoder encodes, for every kind of character', () => {
    const samples = [
      '',
      'A1',
      '=SUM(D8,E8,F8)',
      'Ümlaut é ñ', // 2-byte
      '€ 1 234,50 ₹ — “quoted”', // 3-byte
      'emoji 😀 and 𝄞', // surrogate pairs, 4 bytes each
      '\ud83d', // lone high surrogate at the end
      'a\ud83db', // lone high surrogate before a non-surrogate
      '\ude00x', // lone low surrogate
      '\ud83d\ud83d\ude00', // a lone high followed by a pair
      '\u007f\u0080\u07ff\u0800\uffff',
      JSON.stringify([['Item "1"\n', 12.5, true, null, 'tab\there']]),
    ];
    for (const s of samples) expect(utf8ByteLength(s), JSON.stringify(s)).toBe(encoded(s));
  });

  it('agrees on every code unit from 0 to 0xFFFF and on random strings', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      if (utf8ByteLength(s) !== encoded(s)) expect(utf8ByteLength(s), `U+${c.toString(16)}`).toBe(encoded(s));
    }
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const pool = [0x41, 0xe9, 0x20ac, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0x7ff, 0x800];
    for (let k = 0; k < 2_000; k++) {
      const s = String.fromCharCode(...Array.from({ length: next() % 12 }, () => pool[next() % pool.length]));
      expect(utf8ByteLength(s), JSON.stringify(s)).toBe(encoded(s));
    }
  });
});
