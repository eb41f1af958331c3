import type { permissionLevels } from '../../db/schema';

export type Level = (typeof permissionLevels)[number];
export type Tool = 'prime_contracts' | 'commitments';

const rank: Record<Level, number> = { none: 0, read_only: 1, standard: 2, admin: 3 };

export const atLeast = (level: Level, min: Level) => rank[level] >= rank[min];

export const toolOf = (kind: 'prime' | 'commitment'): Tool => (kind === 'prime' ? 'prime_contracts' : 'commitments');

/** A tool as permission messages name it ("… needs admin on Prime Contracts"). */
export const toolName = (tool: Tool): string => (tool === 'prime_contracts' ? 'Prime Contracts' : 'Commitments');

/** The tool a contract of this kind belongs to, by name. */
export const toolNameOfKind = (kind: 'prime' | 'commitment'): string => toolName(toolOf(kind));
