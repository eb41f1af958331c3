// Folding a `?since=` answer into what the tab already shows: threads by id, messages by id (a
// message seen again replaces the old copy: its status may have moved), oldest message first,
// newest thread first.
import type { TEmailThreadView } from '@shared/api/emails';

export function mergeThreads(current: TEmailThreadView[], incoming: TEmailThreadView[]): TEmailThreadView[] {
  const byId = new Map(current.map((t) => [t.id, t]));
  for (const thread of incoming) {
    const old = byId.get(thread.id);
    if (!old) {
      byId.set(thread.id, thread);
      continue;
    }
    const messages = new Map(old.messages.map((m) => [m.id, m]));
    for (const m of thread.messages) messages.set(m.id, m);
    byId.set(thread.id, {
      ...thread,
      messages: [...messages.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    });
  }
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
