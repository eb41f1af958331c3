import { safeFileName } from '@shared/file-name';

/** A valid IANA time zone this runtime knows ("America/Chicago"); file names and the cover use it. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm, 24 h) of `at` in `timeZone`. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string; timeZone: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}`, timeZone };
}

/**
 * `Invoice backup - <project> - <project no.> - <YYYY-MM-DD> - <HH.mm>.pdf`; a split backup adds
 * ` (part n of N)`. The time uses a dot: ':' is not allowed in file names on Windows and macOS.
 */
export function backupFileName(
  projectName: string,
  projectNumber: string,
  local: { date: string; time: string },
  part?: { no: number; count: number },
): string {
  const pieces = ['Invoice backup', projectName, projectNumber, local.date, local.time.replace(':', '.')].map((p) => p.trim()).filter(Boolean);
  const base = safeFileName(pieces.join(' - '), 'Invoice backup');
  return `${base}${part && part.count > 1 ? ` (part ${part.no} of ${part.count})` : ''}.pdf`;
}
