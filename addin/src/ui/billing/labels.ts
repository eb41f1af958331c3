// Texts of the project's Invoices tab (a period's owner and subcontractor invoices) and of the
// invoice-backup compilation, in the pane's languages (one feature's words).
import type { TBackupJob } from '@shared/api/backup-views';
import { defineLabels, plural } from '@shared/i18n/define-labels';

export type ExcludedReason = TBackupJob['parts'][number]['notIncluded'][number]['reason'];
type Kind = 'all' | 'prime' | 'commitment';

const mb = (bytes: number, locale: string) =>
  `${new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale, { maximumFractionDigits: 1 }).format(bytes / 1048576)} MB`;

const en = {
  tab: 'Invoices',
  period: 'Billing period',
  choosePeriod: 'Choose a billing period',
  noPeriods: 'This project has no billing periods yet.',
  periodRange: (start: string, end: string) => `${start} – ${end}`,
  kind: { all: 'All', prime: 'Owner', commitment: 'Subcontractor' } satisfies Record<Kind, string>,
  none: 'No invoices you can see in this period.',
  selectAll: 'Select all',
  invoice: (n: number) => `Invoice #${n}`,
  amountDue: 'Amount due',
  notFrozen: 'Draft: not final yet',
  open: 'Open',
  selected: (n: number) => plural('en', n, { one: (s) => `${s} invoice selected`, other: (s) => `${s} invoices selected` }),
  compile: 'Compile invoice backups',
  compiling: 'Compiling invoice backups…',
  chooseInvoices: 'Tick the invoices to include in the backup.',
  needsAdmin: 'Compiling backups needs admin permission on the tool (Prime Contracts or Commitments) of every ticked invoice.',
  loadFailed: (message: string) => `Could not load the invoices: ${message}`,
  progress: (percent: number, done: number, total: number) => `${percent}% · ${done} of ${total} invoices`,
  queued: 'Waiting to start…',
  ready: (file: string) => `Invoice backups ready: ${file}`,
  failed: (error: string) => `The compilation failed: ${error}`,
  download: 'Download',
  downloadPart: (n: number, of: number) => `Download part ${n} of ${of}`,
  downloadFailed: (message: string) => `Could not download: ${message}`,
  notIncluded: (n: number) => plural('en', n, { one: (s) => `${s} file could not be included`, other: (s) => `${s} files could not be included` }),
  notIncludedOf: (file: string, invoice: number, contract: string) => `${file} (invoice #${invoice}, ${contract})`,
  reason: (r: ExcludedReason): string => {
    switch (r.code) {
      case 'corrupt':
        return 'the file is damaged and cannot be read';
      case 'needs_password':
        return 'the PDF is protected by a password';
      case 'unsupported_type':
        return `${r.contentType} files cannot be put in a PDF`;
      case 'too_large':
        return `too large (${mb(r.sizeBytes, 'en')}; limit ${mb(r.limitBytes, 'en')})`;
      case 'image_too_large':
        return `the image is too large (${r.widthPx} × ${r.heightPx} px; limit ${r.limitMegapixels} megapixels)`;
      case 'missing':
        return 'the file is no longer in storage';
    }
  },
  earlier: 'Earlier compilations',
  noEarlier: 'None yet.',
  earlierRow: (date: string, n: number) => `${date} · ${plural('en', n, { one: (s) => `${s} invoice`, other: (s) => `${s} invoices` })}`,
  jobStatus: { queued: 'Queued', running: 'Compiling', done: 'Ready', failed: 'Failed' } satisfies Record<TBackupJob['status'], string>,
  show: 'Show',
  barReady: (file: string) => `Invoice backups are ready: ${file}`,
  barFailed: 'An invoice backup compilation failed.',
  dismiss: 'Dismiss',
};
type Labels = typeof en;

const es: Labels = {
  tab: 'Facturas',
  period: 'Período de facturación',
  choosePeriod: 'Elija un período de facturación',
  noPeriods: 'Este proyecto aún no tiene períodos de facturación.',
  periodRange: (start, end) => `${start} – ${end}`,
  kind: { all: 'Todas', prime: 'Propietario', commitment: 'Subcontratista' },
  none: 'No hay facturas visibles para usted en este período.',
  selectAll: 'Seleccionar todas',
  invoice: (n) => `Factura n.º ${n}`,
  amountDue: 'Importe a pagar',
  notFrozen: 'Borrador: aún no es definitivo',
  open: 'Abrir',
  selected: (n) => plural('es', n, { one: (s) => `${s} factura seleccionada`, other: (s) => `${s} facturas seleccionadas` }),
  compile: 'Compilar respaldos de facturas',
  compiling: 'Compilando respaldos de facturas…',
  chooseInvoices: 'Marque las facturas que incluir en el respaldo.',
  needsAdmin: 'Compilar respaldos requiere permiso de administrador en la herramienta (contratos principales o subcontratos) de cada factura marcada.',
  loadFailed: (message) => `No se pudieron cargar las facturas: ${message}`,
  progress: (percent, done, total) => `${percent} % · ${done} de ${total} facturas`,
  queued: 'En espera…',
  ready: (file) => `Respaldos de facturas listos: ${file}`,
  failed: (error) => `La compilación falló: ${error}`,
  download: 'Descargar',
  downloadPart: (n, of) => `Descargar parte ${n} de ${of}`,
  downloadFailed: (message) => `No se pudo descargar: ${message}`,
  notIncluded: (n) => plural('es', n, { one: (s) => `${s} archivo no se pudo incluir`, other: (s) => `${s} archivos no se pudieron incluir` }),
  notIncludedOf: (file, invoice, contract) => `${file} (factura n.º ${invoice}, ${contract})`,
  reason: (r) => {
    switch (r.code) {
      case 'corrupt':
        return 'el archivo está dañado y no se puede leer';
      case 'needs_password':
        return 'el PDF está protegido con contraseña';
      case 'unsupported_type':
        return `los archivos ${r.contentType} no se pueden poner en un PDF`;
      case 'too_large':
        return `demasiado grande (${mb(r.sizeBytes, 'es')}; límite ${mb(r.limitBytes, 'es')})`;
      case 'image_too_large':
        return `la imagen es demasiado grande (${r.widthPx} × ${r.heightPx} px; límite ${r.limitMegapixels} megapíxeles)`;
      case 'missing':
        return 'el archivo ya no está almacenado';
    }
  },
  earlier: 'Compilaciones anteriores',
  noEarlier: 'Ninguna todavía.',
  earlierRow: (date, n) => `${date} · ${plural('es', n, { one: (s) => `${s} factura`, other: (s) => `${s} facturas` })}`,
  jobStatus: { queued: 'En cola', running: 'Compilando', done: 'Listo', failed: 'Falló' },
  show: 'Ver',
  barReady: (file) => `Los respaldos de facturas están listos: ${file}`,
  barFailed: 'Falló una compilación de respaldos de facturas.',
  dismiss: 'Cerrar',
};

const fr: Labels = {
  tab: 'Factures',
  period: 'Période de facturation',
  choosePeriod: 'Choisissez une période de facturation',
  noPeriods: 'Ce projet n’a pas encore de période de facturation.',
  periodRange: (start, end) => `${start} – ${end}`,
  kind: { all: 'Toutes', prime: 'Maître d’ouvrage', commitment: 'Sous-traitant' },
  none: 'Aucune facture visible pour vous sur cette période.',
  selectAll: 'Tout sélectionner',
  invoice: (n) => `Facture n° ${n}`,
  amountDue: 'Montant dû',
  notFrozen: 'Brouillon : pas encore définitif',
  open: 'Ouvrir',
  selected: (n) => plural('fr', n, { one: (s) => `${s} facture sélectionnée`, other: (s) => `${s} factures sélectionnées` }),
  compile: 'Compiler les justificatifs des factures',
  compiling: 'Compilation des justificatifs…',
  chooseInvoices: 'Cochez les factures à inclure dans les justificatifs.',
  needsAdmin: 'Compiler les justificatifs nécessite les droits d’administrateur sur l’outil (contrats principaux ou sous-traitance) de chaque facture cochée.',
  loadFailed: (message) => `Impossible de charger les factures : ${message}`,
  progress: (percent, done, total) => `${percent} % · ${done} factures sur ${total}`,
  queued: 'En attente…',
  ready: (file) => `Justificatifs des factures prêts : ${file}`,
  failed: (error) => `La compilation a échoué : ${error}`,
  download: 'Télécharger',
  downloadPart: (n, of) => `Télécharger la partie ${n} sur ${of}`,
  downloadFailed: (message) => `Téléchargement impossible : ${message}`,
  notIncluded: (n) => plural('fr', n, { one: (s) => `${s} fichier n’a pas pu être inclus`, other: (s) => `${s} fichiers n’ont pas pu être inclus` }),
  notIncludedOf: (file, invoice, contract) => `${file} (facture n° ${invoice}, ${contract})`,
  reason: (r) => {
    switch (r.code) {
      case 'corrupt':
        return 'le fichier est endommagé et illisible';
      case 'needs_password':
        return 'le PDF est protégé par un mot de passe';
      case 'unsupported_type':
        return `les fichiers ${r.contentType} ne peuvent pas être mis dans un PDF`;
      case 'too_large':
        return `trop volumineux (${mb(r.sizeBytes, 'fr')} ; limite ${mb(r.limitBytes, 'fr')})`;
      case 'image_too_large':
        return `l’image est trop grande (${r.widthPx} × ${r.heightPx} px ; limite ${r.limitMegapixels} mégapixels)`;
      case 'missing':
        return 'le fichier n’est plus stocké';
    }
  },
  earlier: 'Compilations précédentes',
  noEarlier: 'Aucune pour l’instant.',
  earlierRow: (date, n) => `${date} · ${plural('fr', n, { one: (s) => `${s} facture`, other: (s) => `${s} factures` })}`,
  jobStatus: { queued: 'En file', running: 'En cours', done: 'Prêt', failed: 'Échec' },
  show: 'Voir',
  barReady: (file) => `Les justificatifs des factures sont prêts : ${file}`,
  barFailed: 'Une compilation de justificatifs a échoué.',
  dismiss: 'Fermer',
};

export const billingLabels = defineLabels<Labels>({ en, es, fr });
