// Texts of the open invoice's Attachments tab (backup files), in the pane's languages.
import { defineLabels, plural } from '@shared/i18n/define-labels';
import type { UploadProblem } from './upload-check';

const mb = (bytes: number, locale: string) =>
  `${new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale, { maximumFractionDigits: 1 }).format(bytes / 1048576)} MB`;

/** A file's size as a person reads it: "812 B", "43 KB", "2.5 MB" (in the language's digits). */
export function fileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return mb(bytes, locale);
}

const en = {
  intro: 'Backup files for this invoice. They follow the invoice in its PDF backup, in this order.',
  none: 'No files attached yet.',
  drop: 'Drop files here or',
  pick: 'choose files',
  accepted: (list: string, limit: number) => `${list}; up to ${mb(limit, 'en')} each`,
  waiting: 'Waiting',
  uploading: 'Uploading…',
  attaching: 'Attaching…',
  done: 'Attached',
  progress: (done: number, total: number) => `${done} of ${total} files`,
  open: 'Download',
  readOnly: 'Only admins of this contract’s tool (or the subcontractor’s invoice contacts) can attach files.',
  size: (bytes: number) => fileSize(bytes, 'en'),
  problem: (name: string, p: UploadProblem): string => {
    switch (p.code) {
      case 'too_large':
        return `${name} is too large (${mb(p.sizeBytes, 'en')}); files up to ${mb(p.limitBytes, 'en')} are accepted`;
      case 'wrong_type':
        return `${name}: ${p.extension ? `.${p.extension} files are` : 'files without an extension are'} not accepted`;
      case 'empty':
        return `${name} is empty`;
      case 'content_mismatch':
        return `${name} does not contain what its extension says`;
      case 'quota':
        return `${name}: your upload quota for this project is used up (${p.message})`;
      case 'other':
        return `${name}: ${p.message}`;
    }
  },
  files: (n: number) => plural('en', n, { one: (s) => `${s} file`, other: (s) => `${s} files` }),
  loadFailed: (message: string) => `Could not load the attachments: ${message}`,
};
type Labels = typeof en;

const es: Labels = {
  intro: 'Archivos de respaldo de esta factura. Siguen a la factura en su PDF de respaldo, en este orden.',
  none: 'Aún no hay archivos adjuntos.',
  drop: 'Suelte archivos aquí o',
  pick: 'elija archivos',
  accepted: (list, limit) => `${list}; hasta ${mb(limit, 'es')} cada uno`,
  waiting: 'En espera',
  uploading: 'Subiendo…',
  attaching: 'Adjuntando…',
  done: 'Adjuntado',
  progress: (done, total) => `${done} de ${total} archivos`,
  open: 'Descargar',
  readOnly: 'Solo los administradores de la herramienta de este contrato (o los contactos de facturación del subcontratista) pueden adjuntar archivos.',
  size: (bytes) => fileSize(bytes, 'es'),
  problem: (name, p) => {
    switch (p.code) {
      case 'too_large':
        return `${name} es demasiado grande (${mb(p.sizeBytes, 'es')}); se aceptan archivos de hasta ${mb(p.limitBytes, 'es')}`;
      case 'wrong_type':
        return `${name}: no se aceptan ${p.extension ? `archivos .${p.extension}` : 'archivos sin extensión'}`;
      case 'empty':
        return `${name} está vacío`;
      case 'content_mismatch':
        return `${name} no contiene lo que indica su extensión`;
      case 'quota':
        return `${name}: se agotó su cuota de subida en este proyecto (${p.message})`;
      case 'other':
        return `${name}: ${p.message}`;
    }
  },
  files: (n) => plural('es', n, { one: (s) => `${s} archivo`, other: (s) => `${s} archivos` }),
  loadFailed: (message) => `No se pudieron cargar los adjuntos: ${message}`,
};

const fr: Labels = {
  intro: 'Justificatifs de cette facture. Ils suivent la facture dans son PDF de justificatifs, dans cet ordre.',
  none: 'Aucun fichier joint pour l’instant.',
  drop: 'Déposez des fichiers ici ou',
  pick: 'choisissez des fichiers',
  accepted: (list, limit) => `${list} ; ${mb(limit, 'fr')} au plus chacun`,
  waiting: 'En attente',
  uploading: 'Envoi…',
  attaching: 'Ajout…',
  done: 'Joint',
  progress: (done, total) => `${done} fichiers sur ${total}`,
  open: 'Télécharger',
  readOnly: 'Seuls les administrateurs de l’outil de ce contrat (ou les contacts de facturation du sous-traitant) peuvent joindre des fichiers.',
  size: (bytes) => fileSize(bytes, 'fr'),
  problem: (name, p) => {
    switch (p.code) {
      case 'too_large':
        return `${name} est trop volumineux (${mb(p.sizeBytes, 'fr')}) ; ${mb(p.limitBytes, 'fr')} au plus par fichier`;
      case 'wrong_type':
        return `${name} : ${p.extension ? `les fichiers .${p.extension} ne sont pas acceptés` : 'les fichiers sans extension ne sont pas acceptés'}`;
      case 'empty':
        return `${name} est vide`;
      case 'content_mismatch':
        return `${name} ne contient pas ce qu’annonce son extension`;
      case 'quota':
        return `${name} : votre quota d’envoi sur ce projet est atteint (${p.message})`;
      case 'other':
        return `${name} : ${p.message}`;
    }
  },
  files: (n) => plural('fr', n, { one: (s) => `${s} fichier`, other: (s) => `${s} fichiers` }),
  loadFailed: (message) => `Impossible de charger les pièces jointes : ${message}`,
};

export const attachmentLabels = defineLabels<Labels>({ en, es, fr });
