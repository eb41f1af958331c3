// Texts of the pane's parts that load on first show (lazy-part.tsx), in the pane's languages.
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  loading: 'Loading…',
  failed: 'This part of the pane could not be loaded. Check the connection, then reload the pane.',
  reload: 'Reload',
};

const es: typeof en = {
  loading: 'Cargando…',
  failed: 'No se pudo cargar esta parte del panel. Compruebe la conexión y vuelva a cargar el panel.',
  reload: 'Volver a cargar',
};

const fr: typeof en = {
  loading: 'Chargement…',
  failed: 'Cette partie du volet n’a pas pu être chargée. Vérifiez la connexion, puis rechargez le volet.',
  reload: 'Recharger',
};

export const lazyLabels = defineLabels<typeof en>({ en, es, fr });
