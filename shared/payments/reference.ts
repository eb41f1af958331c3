// The cheque number or transfer reference an owner's payment notice names ("Check #10233 has been
// mailed", "wire ref 88213-A", "transferencia con referencia 4471", "virement réf. 2026-118"), to
// pre-fill a payment's reference. Pure. Only a token right after one of these words (and their
// "no.", "#", ":" fillers) is taken, and it must hold a digit, so "wire sent" or an amount in a
// sentence of its own is never read as a reference.

const INTRO =
  /(?<![\p{L}\d])(?:checks?|cheques?|chèques?|ck|ref(?:erence|erencia|érence)?|réf|trace|confirmation|conf|transaction|transacción|wire|ach|transfer|transferencia|virement)(?![\p{L}])/giu;
const FILLER = /(?:[\s.:#]|n(?:o|º|°|umber|úmero|umero)\b\.?|id\b|ref(?:erence|erencia|érence)?\b\.?|réf\.?)*/iuy;
const TOKEN = /([A-Z0-9][A-Z0-9-]{2,39})(?![\p{L}\d])/iuy;

/** The first reference found in the text, or null. */
export function paymentReference(text: string): string | null {
  for (const intro of text.matchAll(INTRO)) {
    FILLER.lastIndex = intro.index + intro[0].length;
    FILLER.exec(text);
    TOKEN.lastIndex = FILLER.lastIndex;
    const m = TOKEN.exec(text);
    const token = m?.[1];
    // "$19,252.83" never gets here (the "$" stops TOKEN); a bare date would be 2026-04-18: keep it, it names the transfer
    if (token && /\d/.test(token)) return token;
  }
  return null;
}
