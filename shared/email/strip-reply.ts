// The reply without its quoted history: our fallback when Postmark's StrippedTextReply is empty.
// Cuts at the first attribution line or forwarded-header block, and drops every line quoted with
// '>' (also inline-quoted lines between the sender's own answers). Pure: no IO.

// "On Mon, Mar 31, 2025 at 4:02 PM Ana <a@b> wrote:" (may be wrapped over up to 3 lines by the
// sender's mail program), "El lun, 31 mar 2025 ... escribió:", "Le lun. 31 mars 2025 ... a écrit :".
const ATTRIBUTION_START = /^\s*(On|El|Le)\s/i;
const ATTRIBUTION_END = /(wrote|escribi[oó]|a\s+[ée]crit)\s*:\s*$/i;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(original message|mensaje original|message d'origine|message original|forwarded message|mensaje reenviado|message transf[ée]r[ée])\s*-{2,}\s*$/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
const HEADER_FROM = /^\s*\*?(from|de|von)\s*\*?\s*:\s*\S/i;
const HEADER_NEXT = /^\s*\*?(sent|date|enviado|fecha|envoy[ée]|to|para|[àa])\s*\*?\s*:/i;
const QUOTED = /^\s*>/;

function isAttribution(lines: string[], i: number): boolean {
  if (!ATTRIBUTION_START.test(lines[i]!)) return false;
  for (let k = i; k < Math.min(lines.length, i + 3); k++) {
    if (ATTRIBUTION_END.test(lines[k]!)) return true;
    if (k > i && lines[k]!.trim() === '') return false;
  }
  return false;
}

/** An Outlook-style header block: "From: …" followed within 3 lines by "Sent:/Date:/To: …". */
function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!)) return false;
  for (let k = i + 1; k < Math.min(lines.length, i + 4); k++) if (HEADER_NEXT.test(lines[k]!)) return true;
  return false;
}

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isAttribution(lines, i) || ORIGINAL_MESSAGE.test(line) || isHeaderBlock(lines, i)) break;
    if (OUTLOOK_RULE.test(line) && i + 1 < lines.length && isHeaderBlock(lines, i + 1)) break;
    if (QUOTED.test(line)) continue;
    kept.push(line.replace(/\s+$/, ''));
  }
  return kept.join('\n').trim();
}

/** Postmark's StrippedTextReply when it has text, else our own stripping of the full text. */
export function replyText(strippedTextReply: string | undefined, textBody: string): string {
  const stripped = (strippedTextReply ?? '').trim();
  return stripped !== '' ? stripped : stripQuotedReply(textBody);
}
