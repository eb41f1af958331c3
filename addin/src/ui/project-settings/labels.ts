// Texts of the project's Settings tab (where the work is, private or public work), in the pane's
// languages. The places are those shared/jurisdiction/jurisdictions.ts has rules for, named there;
// the country is added here so "California, US" and "Ontario, Canada" read apart in one list.
import { defineLabels } from '@shared/i18n/define-labels';
import { JURISDICTIONS, jurisdictionNames, type Jurisdiction } from '@shared/jurisdiction/jurisdictions';

type Country = 'US' | 'CA';

const en = {
  tab: 'Settings',
  intro: 'Where the work is decides the statutory lien waiver forms and the payment deadlines the pane warns about.',
  jurisdiction: 'Jurisdiction',
  noJurisdiction: 'Not chosen (no statutory rules)',
  jurisdictionHint: 'Only places whose rules the product knows are listed.',
  country: { US: 'US', CA: 'Canada' } satisfies Record<Country, string>,
  workType: 'Type of work',
  workTypes: { private: 'Private work', public: 'Public work' },
  workTypeHint: 'Statutory retainage caps differ between private and public work.',
  save: 'Save settings',
  saving: 'Saving…',
  saved: 'Project settings saved.',
  readOnly: 'Only an admin of prime contracts or commitments can change the project’s settings.',
  loadFailed: (m: string) => `Could not load the project: ${m}`,
};
type Labels = typeof en;

export const projectSettingsLabels = defineLabels<Labels>({
  en,
  es: {
    tab: 'Configuración',
    intro: 'El lugar de la obra determina los formularios legales de renuncia de gravamen y los plazos de pago sobre los que avisa el panel.',
    jurisdiction: 'Jurisdicción',
    noJurisdiction: 'Sin elegir (sin normas legales)',
    jurisdictionHint: 'Solo se muestran los lugares cuyas normas conoce el producto.',
    country: { US: 'EE. UU.', CA: 'Canadá' },
    workType: 'Tipo de obra',
    workTypes: { private: 'Obra privada', public: 'Obra pública' },
    workTypeHint: 'Los topes legales de retención difieren entre obra privada y pública.',
    save: 'Guardar configuración',
    saving: 'Guardando…',
    saved: 'Configuración del proyecto guardada.',
    readOnly: 'Solo un administrador de contratos principales o subcontratos puede cambiar la configuración del proyecto.',
    loadFailed: (m) => `No se pudo cargar el proyecto: ${m}`,
  },
  fr: {
    tab: 'Paramètres',
    intro: 'Le lieu des travaux détermine les formulaires légaux de renonciation au privilège et les délais de paiement signalés par le volet.',
    jurisdiction: 'Juridiction',
    noJurisdiction: 'Non choisie (aucune règle légale)',
    jurisdictionHint: 'Seuls les lieux dont le produit connaît les règles sont proposés.',
    country: { US: 'É.-U.', CA: 'Canada' },
    workType: 'Type de travaux',
    workTypes: { private: 'Travaux privés', public: 'Travaux publics' },
    workTypeHint: 'Les plafonds légaux de retenue diffèrent entre travaux privés et publics.',
    save: 'Enregistrer les paramètres',
    saving: 'Enregistrement…',
    saved: 'Paramètres du projet enregistrés.',
    readOnly: 'Seul un administrateur des contrats principaux ou des sous-contrats peut modifier les paramètres du projet.',
    loadFailed: (m) => `Impossible de charger le projet : ${m}`,
  },
});

export function isJurisdiction(code: string): code is Jurisdiction {
  return (JURISDICTIONS as readonly string[]).includes(code);
}

/** "California, US", "Ontario, Canada" (in the pane's language); an unknown code as it is. */
export function jurisdictionLabel(code: string, lang: string): string {
  const L = projectSettingsLabels(lang);
  if (!isJurisdiction(code)) return code;
  return `${jurisdictionNames(lang)[code]}, ${L.country[code.slice(0, 2) as Country]}`;
}

/** The supported places for a picker: by country (US first), then by name in the pane's language. */
export function jurisdictionOptions(lang: string): Array<{ code: string; label: string }> {
  return JURISDICTIONS.map((code) => ({ code, label: jurisdictionLabel(code, lang) })).sort(
    (a, b) => b.code.slice(0, 2).localeCompare(a.code.slice(0, 2)) || a.label.localeCompare(b.label, lang),
  );
}
