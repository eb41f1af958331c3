// Picks lines for "assign to group" when the sheet selection cannot be read: the user types item
// numbers and ranges ("001-010, 015"), a cost code ("01-001", or its start "03-") or words of the
// description ("concrete").
export type MatchableLine = { lineId: string; itemNo: string; description: string; position: number; costCode?: string };

export function matchLineSpec<T extends MatchableLine>(lines: readonly T[], spec: string): T[] {
  const ordered = [...lines].sort((a, b) => a.position - b.position);
  const indexOf = new Map(ordered.map((l, i) => [l.itemNo.toLowerCase(), i]));
  const picked = new Set<number>();
  for (const raw of spec.split(/[,;]/)) {
    const token = raw.trim().toLowerCase();
    if (!token) continue;
    const range = /^(\S+)\s*[-–]\s*(\S+)$/.exec(token);
    const from = range ? indexOf.get(range[1]!) : undefined;
    const to = range ? indexOf.get(range[2]!) : undefined;
    if (from !== undefined && to !== undefined) {
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) picked.add(i);
      continue;
    }
    const exact = indexOf.get(token);
    if (exact !== undefined) {
      picked.add(exact);
      continue;
    }
    ordered.forEach((l, i) => {
      if (l.description.toLowerCase().includes(token) || (l.costCode ?? '').toLowerCase().includes(token)) picked.add(i);
    });
  }
  return [...picked].sort((a, b) => a - b).map((i) => ordered[i]!);
}
