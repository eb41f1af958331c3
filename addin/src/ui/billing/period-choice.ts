// Which billing period the Invoices tab opens on: the one today falls in, else the latest that
// has invoices, else the latest. Periods come sorted by start (worker/src/services/billing-periods/list-billing-periods.ts).
export function defaultPeriodId(periods: ReadonlyArray<{ id: string; start: string; end: string; invoiceCount: number }>, today: string): string | null {
  const current = periods.find((p) => p.start <= today && today <= p.end);
  if (current && current.invoiceCount > 0) return current.id;
  const used = periods.filter((p) => p.invoiceCount > 0).at(-1);
  return used?.id ?? current?.id ?? periods.at(-1)?.id ?? null;
}
