import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import type { MiddlewareHandler } from 'hono';
import type { AppBindings } from '../context';

/**
 * D1 statements and round trips of one request, for `npm run bench` (scripts/bench/api-bulk-edit.mjs
 * reads them from the X-D1-Statements / X-D1-Round-Trips headers). Only wired in DEV_MODE: the
 * proxies cost a little per call and production has no use for the figures.
 */
export type D1Count = { statements: number; roundTrips: number };

// batch() needs D1's own statement objects: the proxies map back to them.
const realStatement = new WeakMap<object, D1PreparedStatement>();

function countingStatement(stmt: D1PreparedStatement, count: D1Count): D1PreparedStatement {
  const proxy = new Proxy(stmt, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'bind') {
        return (...params: unknown[]) => countingStatement((value as D1PreparedStatement['bind']).apply(target, params), count);
      }
      if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
        return (...args: unknown[]) => {
          count.statements += 1;
          count.roundTrips += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  realStatement.set(proxy, stmt);
  return proxy;
}

export function countingD1(d1: D1Database, count: D1Count): D1Database {
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => countingStatement(target.prepare(sql), count);
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          count.statements += statements.length;
          count.roundTrips += 1;
          return target.batch(statements.map((s) => realStatement.get(s) ?? s));
        };
      }
      if (prop === 'exec') {
        return (sql: string) => {
          count.statements += sql.split(';').filter((s) => s.trim()).length;
          count.roundTrips += 1;
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Counts the request's D1 work and reports it in response headers, in DEV_MODE only. */
export const countD1InDevMode: MiddlewareHandler<AppBindings> = async (c, next) => {
  if (c.env.DEV_MODE !== '1') return next();
  const count: D1Count = { statements: 0, roundTrips: 0 };
  // A per-request copy of the bindings: the isolate's env object is shared by concurrent requests.
  c.env = { ...c.env, DB: countingD1(c.env.DB, count) };
  await next();
  c.header('X-D1-Statements', String(count.statements));
  c.header('X-D1-Round-Trips', String(count.roundTrips));
};
