// Email addresses and threading headers: formatting for Postmark, parsing from inbound mail.

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** `"Ana Ruiz via Progress Billing" <reply+…@…>`: the display name quoted, and no CR/LF (header injection). */
export function formatAddress(name: string, email: string): string {
  const clean = name
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return email;
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" <${email}>`;
}

export const replyAddress = (token: string, inboundDomain: string) => `reply+${token}@${inboundDomain}`;

/** "Ana Ruiz via Progress Billing": who sent it, through which product. */
export const viaName = (senderName: string, appName: string) => `${senderName} via ${appName}`;

/** The thread token of a reply+<token>@<inbound domain> address (case-insensitive), or null. */
export function replyTokenOf(address: string, inboundDomain: string): string | null {
  const m = /^reply\+([a-z0-9]{8,64})@(.+)$/i.exec(address.trim());
  if (!m || m[2]!.toLowerCase() !== inboundDomain.toLowerCase()) return null;
  return m[1]!.toLowerCase();
}

/** 16 random bytes as lowercase hex: the reply token of a new thread. */
export function newReplyToken(): string {
  let hex = '';
  for (const b of crypto.getRandomValues(new Uint8Array(16))) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Every <id> in a Message-ID / In-Reply-To / References header, angle brackets kept (a bare id gets them). */
export function messageIdsIn(header: string | null | undefined): string[] {
  if (!header) return [];
  const ids = [...header.matchAll(/<([^<>\s]+)>/g)].map((m) => `<${m[1]}>`);
  if (ids.length) return ids;
  const bare = header.trim();
  return bare && !/\s/.test(bare) ? [`<${bare}>`] : [];
}

export type Person = { email: string; name: string; userId: string | null };

export function parsePeople(json: string | null | undefined): Person[] {
  if (!json) return [];
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.map((p: { email?: unknown; name?: unknown; userId?: unknown }) => ({
    email: String(p.email ?? ''),
    name: String(p.name ?? ''),
    userId: typeof p.userId === 'string' ? p.userId : null,
  }));
}

export const toHeaderList = (people: Person[]) => people.map((p) => formatAddress(p.name, p.email)).join(', ');
