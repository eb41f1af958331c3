import type { InvoiceView } from '../../api';

export type ReleaseFigures = {
  /** held to date before any release on this invoice: Σ (I + released on this invoice) */
  heldBeforeCents: number;
  /** released on this invoice: Σ retainage released this period (= line 8 on a release invoice) */
  releasedHereCents: number;
  /** I after the release: G702 line 5 */
  stillHeldCents: number;
};

/** What the release bar shows, from the lines as the server computed them (column I and the release column). */
export function releaseFigures(view: Pick<InvoiceView, 'lines'>): ReleaseFigures {
  let releasedHereCents = 0;
  let stillHeldCents = 0;
  for (const l of view.lines) {
    releasedHereCents += l.retainageReleasedThisPeriodCents;
    stillHeldCents += l.retainageCents;
  }
  return { heldBeforeCents: stillHeldCents + releasedHereCents, releasedHereCents, stillHeldCents };
}

export const isReleaseInvoice = (view: { invoice: { kind: string } }) => view.invoice.kind === 'retainage_release';
