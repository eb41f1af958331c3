// Which column of a pasted export holds which SOV field: the header row is found by its words
// (English, Spanish and French, as estimating and ERP exports write them) and each column guessed;
// the user can change every guess in the pane (sov-mapping.tsx).
import type { AccountingMethod } from '@shared/engine/types';
import type { CellValue } from '../../excel/units';

/** The SOV line fields a column can feed: the keys of a replace-SOV line (shared/api/contracts.ts). */
export type SovField =
  | 'itemNo'
  | 'costCode'
  | 'description'
  | 'group'
  | 'scheduledValueCents'
  | 'scheduledQty'
  | 'unitOfMeasure'
  | 'unitPrice'
  | 'workRetainageBps'
  | 'storedRetainageBps';

/** Column (0-based inside the block) of each mapped field. */
export type ColumnMapping = Partial<Record<SovField, number>>;

export function fieldsFor(method: AccountingMethod): SovField[] {
  return method === 'amount'
    ? ['itemNo', 'costCode', 'description', 'scheduledValueCents', 'group', 'workRetainageBps', 'storedRetainageBps']
    : ['itemNo', 'costCode', 'description', 'scheduledQty', 'unitOfMeasure', 'unitPrice', 'group', 'workRetainageBps', 'storedRetainageBps'];
}

export function requiredFields(method: AccountingMethod): SovField[] {
  return method === 'amount' ? ['itemNo', 'description', 'scheduledValueCents'] : ['itemNo', 'description', 'scheduledQty', 'unitOfMeasure', 'unitPrice'];
}

/** "Nº de Partida:" → "n° de partida"; "Désignation" → "designation"; "Qté" → "qte". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/º/g, '°')
    .replace(/[^a-z0-9%#°]+/g, ' ')
    .trim();
}

// Header words, normalized. The pane's own sheet headers (ui/sov/labels.ts, `columns`) are among them,
// so a sheet the pane wrote is mapped without help in any of the three languages.
const WORDS: Record<SovField, string[]> = {
  itemNo: [
    'item',
    'item no',
    'item number',
    'item #',
    'item n°',
    'no',
    'n°',
    '#',
    'line',
    'line no',
    'line #',
    'line item',
    'partida',
    'n° partida',
    'n° de partida',
    'no partida',
    'numero',
    'numero de partida',
    'num',
    'elemento',
    'renglon',
    'poste',
    'n° poste',
    'n° de poste',
    'no poste',
    'numero de poste',
    'article',
    'n° article',
    'ref',
    'reference',
    'referencia',
  ],
  costCode: [
    'cost code',
    'costcode',
    'code',
    'phase code',
    'wbs',
    'gl code',
    'codigo',
    'codigo de costo',
    'codigo costo',
    'cod costo',
    'centro de costo',
    'code de cout',
    'code cout',
    'code analytique',
    'code budgetaire',
    'imputation',
  ],
  description: [
    'description',
    'desc',
    'description of work',
    'work description',
    'scope',
    'scope of work',
    'descripcion',
    'descripcion del trabajo',
    'concepto',
    'designation',
    'libelle',
    'intitule',
    'description des travaux',
  ],
  scheduledValueCents: [
    'scheduled value',
    'value',
    'amount',
    'total',
    'total amount',
    'contract amount',
    'contract value',
    'budget',
    'sov amount',
    'original amount',
    'valor programado',
    'valor',
    'importe',
    'monto',
    'presupuesto',
    'valeur planifiee',
    'valeur prevue',
    'valeur',
    'montant',
    'montant prevu',
    'montant du marche',
    'montant ht',
  ],
  scheduledQty: ['quantity', 'qty', 'quant', 'scheduled quantity', 'cantidad', 'cantidad programada', 'cant', 'quantite', 'quantite prevue', 'qte'],
  unitOfMeasure: ['unit', 'units', 'uom', 'u m', 'um', 'unit of measure', 'measure', 'unidad', 'unidad de medida', 'ud', 'u', 'unite', 'unite de mesure'],
  unitPrice: [
    'unit price',
    'unit cost',
    'price',
    'rate',
    'unit rate',
    'precio unitario',
    'precio',
    'costo unitario',
    'p u',
    'pu',
    'prix unitaire',
    'prix',
    'tarif',
    'cout unitaire',
  ],
  group: [
    'group',
    'section',
    'division',
    'category',
    'phase',
    'area',
    'grupo',
    'seccion',
    'capitulo',
    'categoria',
    'fase',
    'groupe',
    'lot',
    'chapitre',
    'categorie',
  ],
  workRetainageBps: [
    'retainage',
    'retainage %',
    'work retainage',
    'work retainage %',
    'retention',
    'retencion',
    'retencion %',
    'retencion trabajo',
    'retencion trabajo %',
    'retenue',
    'retenue %',
    'retenue de garantie',
    'retenue travaux',
    'retenue travaux %',
  ],
  storedRetainageBps: [
    'stored retainage',
    'stored retainage %',
    'stored materials retainage',
    'materials retainage',
    'retencion materiales',
    'retencion materiales %',
    'retencion de materiales almacenados',
    'retenue materiaux',
    'retenue materiaux %',
    'retenue sur materiaux',
  ],
};

/** How well a header names a field: 3 exact, 2 starts with one of its words, 1 contains one (long words only), 0 not. */
export function headerScore(header: string, field: SovField): number {
  const h = normalizeHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const w of WORDS[field]) {
    if (h === w) return 3;
    if (h.startsWith(`${w} `)) best = Math.max(best, 2);
    else if (w.length >= 4 && ` ${h} `.includes(` ${w} `)) best = Math.max(best, 1);
  }
  return best;
}

const textOf = (v: CellValue | undefined) => (typeof v === 'string' ? v : '');

/**
 * The header row among the first ten rows: the one naming the most fields (at least two), with
 * only text in its named cells. null when none does (the block is all data; map by hand).
 */
export function detectHeaderRow(values: CellValue[][], method: AccountingMethod): number | null {
  let best: { row: number; score: number } | null = null;
  const fields = fieldsFor(method);
  for (let r = 0; r < Math.min(10, values.length); r++) {
    const named = values[r].filter((v) => fields.some((f) => headerScore(textOf(v), f) > 0)).length;
    if (named >= 2 && (!best || named > best.score)) best = { row: r, score: named };
  }
  return best?.row ?? null;
}

/** Each field to its best-named column, each column used once (highest scores first, then leftmost). */
export function guessMapping(headers: CellValue[], method: AccountingMethod): ColumnMapping {
  const candidates: Array<{ field: SovField; col: number; score: number }> = [];
  for (const field of fieldsFor(method))
    headers.forEach((h, col) => {
      const score = headerScore(textOf(h), field);
      if (score > 0) candidates.push({ field, col, score });
    });
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  const mapping: ColumnMapping = {};
  const usedCols = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedCols.has(c.col)) continue;
    mapping[c.field] = c.col;
    usedCols.add(c.col);
  }
  return mapping;
}

/** Required fields with no column: the import cannot start until each has one. */
export function missingFields(mapping: ColumnMapping, method: AccountingMethod): SovField[] {
  return requiredFields(method).filter((f) => mapping[f] === undefined);
}
