// An automatic reply recognized from its headers, whatever its text says. Pure: no IO.
//
// RFC 3834 §5: "Auto-Submitted: no" marks a message sent by a person; any other value
// ("auto-replied", "auto-generated", "auto-notified", with or without parameters) marks one sent
// automatically. Older and vendor conventions: "Precedence: auto_reply | bulk | junk" (RFC 3834
// §3.1.8 tells responders to treat these as automatic), "X-Autoreply" and "X-Autorespond" (set by
// many vacation responders and ticketing systems).

export type MailHeader = { Name: string; Value: string };

const AUTOMATIC_PRECEDENCE = new Set(['auto_reply', 'bulk', 'junk']);

/** The header that shows it is automatic ("Auto-Submitted: auto-replied"), or null. */
export function autoReplyHeader(headers: readonly MailHeader[]): string | null {
  for (const h of headers) {
    const name = h.Name.trim().toLowerCase();
    const value = h.Value.split(';')[0]!.trim().toLowerCase();
    const shown = `${h.Name}: ${h.Value.trim()}`;
    if (name === 'auto-submitted' && value !== '' && value !== 'no') return shown;
    if (name === 'precedence' && AUTOMATIC_PRECEDENCE.has(value)) return shown;
    if ((name === 'x-autoreply' || name === 'x-autorespond') && value !== 'no' && value !== 'false' && value !== '0') return shown;
  }
  return null;
}
