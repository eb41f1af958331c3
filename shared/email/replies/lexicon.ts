// What owners write when they approve, reject, ask for a revision or report a payment, in English,
// Spanish and French. Stems (stems.ts) cover conjugations and clitics; phrases are matched on folded
// text (lower case, no accents). Pure data.
import type { Lang } from './stems';

export type CueKind = 'approve' | 'reject' | 'change' | 'resubmit';

/** A word cue: the word's stem in `lang` equals one of `stems` (or starts with it when `prefix`). */
export type StemCue = { kind: CueKind; lang: Lang; stems: string[]; prefix?: boolean; notWords?: RegExp };

export const STEM_CUES: StemCue[] = [
  // the nouns ("pending approval", "para su aprobación", "l'approbation du conseil") are not a decision
  { kind: 'approve', lang: 'en', stems: ['approv'], prefix: true, notWords: /^approvals?$/ },
  { kind: 'approve', lang: 'en', stems: ['accept'], notWords: /^acceptab/ },
  { kind: 'approve', lang: 'es', stems: ['aprob', 'aprueb'], prefix: true, notWords: /^aprobacion(es)?$/ },
  { kind: 'approve', lang: 'fr', stems: ['approuv', 'valid'], prefix: true, notWords: /^(approbations?|validations?|validite)$/ },
  { kind: 'reject', lang: 'en', stems: ['reject', 'declin', 'deni'] },
  { kind: 'reject', lang: 'es', stems: ['rechaz', 'rechac', 'deneg'] },
  { kind: 'reject', lang: 'fr', stems: ['refus', 'refuson', 'rejet', 'rejeton'] },
  // asked to send it again: a revision request whatever else the sentence says
  { kind: 'resubmit', lang: 'en', stems: ['resubmit', 'resend', 'reissu', 'resent', 'resubmitt'] },
  { kind: 'resubmit', lang: 'es', stems: ['reenv', 'reenvi'], prefix: true },
  { kind: 'resubmit', lang: 'fr', stems: ['renvoi', 'renvoy', 'reemettr', 'resoumettr', 'refair'] },
  // asked to change something: a revision request when asked for (see REQUEST)
  { kind: 'change', lang: 'en', stems: ['revis', 'fix', 'correct', 'adjust', 'updat', 'amend', 'remov', 'redo', 'attach', 'break', 'split', 'reduc'] },
  {
    kind: 'change',
    lang: 'es',
    stems: ['corrij', 'correg', 'ajust', 'actualic', 'actualiz', 'rehac', 'quit', 'separ', 'adjunt', 'modifiqu', 'modific', 'elimin', 'divid', 'subsan'],
  },
  { kind: 'change', lang: 'fr', stems: ['corrig', 'rectifi', 'ajust', 'modifi', 'retir', 'scind', 'joign', 'reprendr', 'supprim', 'enlev', 'mettr'] },
];

/** Surface forms a one-letter typo away from which still count ("aproved", "aprouvé", "rechazda"). */
export const TYPO_FORMS: Array<{ kind: CueKind; forms: string[] }> = [
  { kind: 'approve', forms: ['approve', 'approved', 'approving', 'aprobado', 'aprobada', 'approuve', 'approuvee', 'validee'] },
  { kind: 'reject', forms: ['rejected', 'rejecting', 'rechazado', 'rechazada', 'refusee', 'rejetee'] },
];

const re = (parts: string[]) => new RegExp(`(?<![a-z])(?:${parts.join('|')})(?![a-z])`);

/** Approval without an approval verb. */
export const APPROVE_PHRASES = re([
  'ok(?:ay)? (?:to|for) (?:pay|payment)',
  'good to (?:pay|go)',
  'signed off',
  'sign[- ]off on it',
  'you have (?:our|my) (?:approval|ok|go-ahead)',
  '(?:our|my) approval',
  'visto bueno',
  'ok para (?:pago|pagar)',
  '(?:tienen|tiene|cuentan con) (?:nuestra|mi) aprobacion',
  'conforme',
  'bon pour (?:accord|paiement|payer)',
  'ok pour (?:moi|nous|paiement)',
  '(?:notre|mon) accord',
  "d'accord pour (?:le )?paiement",
]);

/** Rejection without a rejection verb. */
export const REJECT_PHRASES = re(['not acceptable', 'unacceptable', 'no procede', 'no conforme', 'non conforme', 'pas acceptable', 'inacceptable']);

/** Sent back or to be sent again, as a phrase. */
export const RESUBMIT_PHRASES = re([
  'revise and resubmit',
  'send (?:it |them |this )?(?:back|again)',
  'send (?:us )?(?:a|an) (?:corrected|revised|updated|new) (?:version|copy|invoice|pay app|application)',
  'returned for (?:revision|correction)',
  're-?send',
  're-?submit',
  '(?:volver|vuelvan?|vuelve) a (?:enviar|mandar|presentar)\\w*',
  '(?:emitan?|emitir|envien|enviar|mandar|mandas|presentar)\\w* (?:de nuevo|otra vez|nuevamente)',
  'devuelta para (?:correccion|revision)',
  'soumettre a nouveau',
  '(?:envoyer|renvoyer|soumettre|emettre)\\w* (?:a nouveau|de nouveau)',
  'retournee? pour (?:correction|revision)',
  'a reprendre',
]);

/** Someone is asked to do something (a change word then is a revision request). */
export const REQUEST = re([
  'please',
  'pls',
  'plz',
  'kindly',
  'can you',
  'could you',
  'would you',
  'will you',
  'need(?:s)? (?:to|a|an|the)',
  'we need',
  'you need',
  'have to',
  'must',
  'por favor',
  'porfa',
  'favor de',
  'les? pido',
  'te pido',
  'les? agradeceria',
  'agradeceremos',
  'necesitamos',
  'necesito',
  'puedes',
  'pueden',
  'podrias?',
  'podrian',
  'hay que',
  'deben',
  'merci de',
  "merci d'",
  'veuillez',
  'pourriez-vous',
  'pourrais-tu',
  'pouvez-vous',
  'peux-tu',
  'tu peux',
  'vous pouvez',
  'il nous faut',
  'il faut',
  'priere de',
  'svp',
  "s'il vous plait",
]);

/** Approved with a condition or a note (AIA: "approved as noted"). "sin observaciones"/"sans réserve" are not. */
export const CONDITION = re([
  'subject to',
  'as noted',
  'provided(?: that)?',
  'on (?:the )?condition',
  'conditional (?:on|upon)',
  'with (?:the following |one |an |the )?exceptions?',
  'with (?:the following )?comments',
  'sujet[oa]s? a',
  '(?<!sin )con (?:las |algunas |una |)(?:observaciones|salvedad(?:es)?|reservas?)',
  'siempre (?:y cuando|que)',
  'a condicion de',
  'con la condicion',
  'sous reserve',
  '(?<!sans )avec (?:des |une |quelques )?reserves?',
  'a condition',
  'pourvu que',
  'moyennant',
]);

export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'nor',
  'unable',
  'refuse',
  'impossible',
  'nunca',
  'jamas',
  'ni',
  'tampoco',
  'imposible',
  'ne',
  "n'",
  'pas',
  'non',
  'jamais',
  'aucun',
  'aucune',
]);
/** "not yet", "todavía no", "pas encore": pending, neither approval nor rejection. */
export const TEMPORAL = new Set(['yet', 'still', 'todavia', 'aun', 'encore', 'pending', 'pendiente', 'attente']);
/** "I'll approve", "we would accept": a promise, not a decision (also "…'ll", "…'d"). */
export const FUTURE = new Set(['will', 'would', 'going']);
/** "before we approve", "once approved", "if rejected": no decision yet. */
export const HYPOTHETICAL = new Set([
  'until',
  'hasta',
  'once',
  'before',
  'antes',
  'avant',
  'after',
  'despues',
  'apres',
  'when',
  'cuando',
  'lorsque',
  'quand',
  'des',
  'if',
  'si',
]);
/** Words that end a clause: a negation before them does not reach past them. */
export const CLAUSE_BREAKS = new Set([
  ',',
  ';',
  ':',
  '(',
  ')',
  '-',
  '–',
  '—',
  'but',
  'pero',
  'mais',
  'sino',
  'so',
  'donc',
  'asi',
  'however',
  'sin',
  'sans',
  'without',
  'and',
  'y',
  'et',
  'except',
  'salvo',
  'sauf',
]);

/** A payment word and a word saying it is done, within a few words of each other ("Payment of $88,250 was sent"). */
export const PAY_NOUN =
  /^(payments?|wires?|transfers?|ach|checks?|cheques?|funds|remittance|pagos?|transferencias?|depositos?|paiements?|virements?|reglements?)$/;
export const PAY_DONE =
  /^(sent|mailed|processed|released|made|issued|initiated|remitted|completed|posted|cleared|wired|realizad[oa]s?|efectuad[oa]s?|enviad[oa]s?|hech[oa]s?|emitid[oa]s?|liberad[oa]s?|envio|mando|salio|proceso|realizo|efectuo|effectuee?s?|envoyee?s?|partie?s?|faite?s?|emise?s?|realisee?s?|postee?s?|traitee?s?)$/;

/** A payment made (past), never a promise ("will pay", "pagaremos", "nous réglerons" are not). */
export const PAYMENT = re([
  'paid',
  'wired',
  'wire (?:was |has been )?(?:sent|released|initiated|went out)',
  'wire transfer (?:was |has been )?(?:sent|went out|initiated|released)',
  '(?:check|cheque)s? (?:was |has been |were )?(?:mailed|sent|issued|cut|posted)',
  'funds (?:were |have been )?(?:sent|released|transferred)',
  '(?:released|processed|initiated|made|sent|issued|remitted) (?:the |an? |our )?(?:ach |wire )?(?:payment|wire|transfer)',
  'payment (?:was |has been |is )?(?:processed|sent|released|made|issued|initiated|remitted|completed)',
  'pagad[oa]s?',
  '(?:ya|se) (?:se |les |lo |la )?pago',
  'ya (?:les |lo |la )?pagamos',
  'transferencia (?:realizada|efectuada|enviada|hecha|emitida)',
  'transferencia (?:ya )?(?:salio|se (?:hizo|realizo|envio))',
  '(?:se )?(?:envio|mando|emitio) el cheque',
  'cheque (?:enviado|emitido)',
  '(?:liberamos|efectuamos|realizamos|hicimos|enviamos) (?:el |la )?(?:pago|transferencia|deposito)',
  '(?:hemos|ya) (?:realizado|efectuado|hecho|enviado|liberado) (?:el |la )?(?:pago|transferencia|deposito)',
  'depositamos',
  '(?:ya|se|les) (?:les |se )?deposito',
  'el pago (?:se )?(?:proceso|realizo|efectuo)',
  'reglee?s?',
  'payee?s?',
  'vire',
  'virement (?:a ete |est )?(?:effectue|envoye|parti|fait|emis|realise)',
  'cheque (?:a ete |est )?(?:envoye|parti|poste|emis)',
  '(?:procede|effectue|realise)(?: \\w+){0,3} (?:au|le|un) (?:paiement|reglement|virement)',
  'paiement (?:a ete |est )?(?:traite|effectue|envoye|emis|parti)',
]);

/** Out-of-office and automatic answers, when the headers did not say so. */
export const AUTO_REPLY_TEXT = re([
  'out of (?:the )?office',
  'automatic reply',
  'auto-?reply',
  'automated (?:response|reply|message)',
  'away on (?:vacation|holiday|leave)',
  'on (?:pto|vacation|holiday|leave) (?:until|through|till)',
  'i am (?:currently )?away',
  'do not reply to this',
  'no longer monitored',
  'fuera de (?:la )?oficina',
  'respuesta automatica',
  'mensaje automatico',
  '(?:estoy|me encuentro) de vacaciones',
  'estare ausente',
  'no responda a este mensaje',
  'ya no se revisa',
  'reponse automatique',
  'message automatique',
  "message d'absence",
  'absente? du bureau',
  'je suis (?:absente?|en conges|en vacances)',
  'ne pas repondre a ce message',
  "n'est plus consultee",
]);

const ASKING = re([
  'wondering',
  'i was wondering',
  "i'd like to know",
  'could you tell me',
  'can you tell me',
  'me pregunto',
  'quisiera saber',
  'quiero saber',
  'me podrias decir',
  'me pueden decir',
  'me gustaria saber',
  'je me demand\\w*',
  "j'aimerais savoir",
  'je voudrais savoir',
  'pouvez-vous me dire',
  'pourriez-vous me dire',
]);

/** "¿…?", "…?", or asked without a question mark ("just wondering whether…", "me pregunto si…"). */
export const isQuestion = (sentence: string) =>
  /\?\s*$/.test(sentence) ||
  /^\s*¿/.test(sentence) ||
  ASKING.test(
    sentence
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  );
