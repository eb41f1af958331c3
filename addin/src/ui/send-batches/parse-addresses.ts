/**
 * A pasted list of addresses → one entry per address: separated by new lines, commas, semicolons
 * or spaces (as copied from Excel or a mail program). "Name <a@x.com>" keeps only the address
 * (a quoted name may hold commas).
 * The server validates each one and names the bad ones.
 */
export function parseAddresses(text: string): Array<{ email: string }> {
  return text
    .replace(/"[^"]*"/g, ' ')
    .replace(/[^<>\n,;]*<([^<>]+)>/g, ' $1 ')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((email) => ({ email }));
}
