// The pane's sentences built from server data: the status line (from the session's key + params)
// and the lock reason (from the invoice's editability facts), in each language.
import { describe, expect, it } from 'vitest';
import type { InvoiceView } from '../../api';
import { makeI18n } from '../../i18n/i18n-context';
import type { SyncStatus } from '../../sync';
import { lockReason } from './lock-banner';
import { statusText } from './status-line';

const status = (key: SyncStatus['key'], params: SyncStatus['params'] = {}): SyncStatus => ({
  kind: 'saved',
  key,
  params,
  message: 'english',
  pendingCount: 0,
  savingCount: 0,
  rejected: [],
  conflicts: [],
  mismatch: [],
  version: 1,
  lastSavedAt: null,
  retryInMs: null,
  error: null,
});

const view = (invoice: Partial<InvoiceView['invoice']>, kind: 'prime' | 'commitment' = 'prime') =>
  ({
    invoice: { number: 2, status: 'draft', isLatest: true, isEditable: false, notEditableReason: null, editableInvoiceNumber: null, ...invoice },
    contract: { kind },
  }) as unknown as InvoiceView;

describe('statusText', () => {
  const en = makeI18n('en');
  it('says every state of the sync in English', () => {
    expect(statusText(status('sync.saved'), en)).toBe('Saved');
    expect(statusText(status('sync.saving', {}), en)).toBe('Saving…');
    expect(statusText(status('sync.saving', { count: 5000 }), en)).toBe('Saving 5,000 cells…');
    expect(statusText(status('sync.pending', { count: 3 }), en)).toBe('3 edits not yet saved');
    expect(statusText(status('sync.offline', { count: 1, seconds: 5 }), en)).toBe('Offline: 1 edit not yet saved; retrying in 5s');
    expect(statusText(status('sync.conflict', { count: 2 }), en)).toBe('2 of your edits collided with changes made by someone else');
    expect(statusText(status('sync.readOnly', { message: 'x' }), en, 'Approved invoices are locked.')).toBe('Approved invoices are locked.');
  });
  it('localizes the same states in Spanish and French', () => {
    expect(statusText(status('sync.saved'), makeI18n('es'))).toBe('Guardado');
    expect(statusText(status('sync.saving', { count: 5000 }), makeI18n('es'))).toBe('Guardando 5000 celdas…'); // Spanish groups from 5 digits (CLDR)
    expect(statusText(status('sync.saving', { count: 12000 }), makeI18n('es'))).toBe('Guardando 12.000 celdas…');
    expect(statusText(status('sync.pending', { count: 1 }), makeI18n('fr'))).toBe('1 modification pas encore enregistrée');
    expect(statusText(status('sync.error', {}), makeI18n('es'))).toBe('Error: Algo salió mal');
  });
});

describe('lockReason', () => {
  const en = makeI18n('en');
  it('names the editable invoice, the lock of a reviewed or approved invoice, or read-only access', () => {
    expect(lockReason(view({ isEditable: true }), en)).toBeNull();
    expect(lockReason(view({ isLatest: false, editableInvoiceNumber: 3, notEditableReason: 'Only the most recent…' }), en)).toBe(
      'Only the most recent invoice can be edited: Invoice #3 is the editable one.',
    );
    expect(lockReason(view({ status: 'approved', notEditableReason: 'Invoice #2 is approved and locked' }), en)).toBe('Approved invoices are locked.');
    expect(lockReason(view({ status: 'under_review', notEditableReason: '…' }), en)).toBe(
      'Invoice #2 is under review and locked. An admin can return it with Revise & resubmit.',
    );
    expect(lockReason(view({ notEditableReason: 'Read-only access: editing invoices needs admin on Commitments' }, 'commitment'), en)).toBe(
      'Read-only access: editing needs admin on Commitments.',
    );
    expect(lockReason(view({ isLatest: false, editableInvoiceNumber: 3, notEditableReason: 'x' }), makeI18n('fr'))).toBe(
      'Seule la facture la plus récente est modifiable : la facture n° 3 est celle-là.',
    );
  });
});
