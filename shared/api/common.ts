// Request schemas: Z<Name> validates; T<Name> = z.output is what a service verb receives (parsed,
// defaults applied: defaults live in the schema only); T<Name>Input = z.input is what a client sends.
import { z } from 'zod';

export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');
export const ZCents = z.number().int('amounts are integer cents').refine(Number.isSafeInteger, 'amount out of range');
export const ZBps = z.number().int('rates are integer basis points (10% = 1000)').min(0).max(10000);
export const ZQty = z.number().int('quantities are integer ten-thousandths of a unit').refine(Number.isSafeInteger, 'quantity out of range');
export const ZLevel = z.enum(['none', 'read_only', 'standard', 'admin']);
export const ZId = z.string().min(1).max(64);
