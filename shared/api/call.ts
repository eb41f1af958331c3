// How a client calls a route of shared/api/routes/: the request is built from the route's own
// declaration (method, path with its {params}, query, headers, JSON body) and the answer is typed
// by the route's 2xx schema. Pure: the caller sends the request (the add-in's requester,
// addin/src/api/client.ts, or a worker test through SELF.fetch, worker/test/helpers.ts).
import type { z } from 'zod';

/** What a call needs to know of a declaration (structurally, a @hono/zod-openapi RouteConfig). */
export type RouteDecl = {
  method: string;
  path: string;
  request?: { params?: z.ZodType; query?: z.ZodType; headers?: z.ZodType; body?: { content: Record<string, { schema: unknown }> } };
  responses: Record<number, unknown>;
};

type JsonSchemaOf<T> = T extends { content: { 'application/json': { schema: infer S extends z.ZodType } } } ? S : never;
type Req<R extends RouteDecl> = NonNullable<R['request']>;

/** The inputs of a call: path params, query, headers and JSON body, each as its schema takes it. */
export type CallInput<R extends RouteDecl> = (Req<R> extends { params: infer P extends z.ZodType } ? { param: z.input<P> } : unknown) &
  (Req<R> extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : unknown) &
  (Req<R> extends { headers: infer H extends z.ZodType } ? { header: z.input<H> } : unknown) &
  ([JsonSchemaOf<Req<R>['body']>] extends [never] ? unknown : { json: z.input<JsonSchemaOf<Req<R>['body']>> });

type SuccessStatus = 200 | 201 | 202;
/** The parsed JSON of the route's success answer. */
export type CallOutput<R extends RouteDecl> = {
  [K in keyof R['responses'] & SuccessStatus]: z.output<JsonSchemaOf<R['responses'][K]>>;
}[keyof R['responses'] & SuccessStatus];

export type BuiltRequest = { method: string; path: string; headers: Record<string, string>; json?: unknown };

/** The request for `route` with `input`: "/invoices/{id}" + { param: { id } } → "/invoices/inv%201". */
export function buildRequest<R extends RouteDecl>(route: R, input: CallInput<R>): BuiltRequest {
  const given = input as { param?: Record<string, string>; query?: Record<string, unknown>; header?: Record<string, string>; json?: unknown };
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = given.param?.[name];
    if (value === undefined) throw new TypeError(`${route.method.toUpperCase()} ${route.path} needs the path parameter "${name}"`);
    return encodeURIComponent(value);
  });
  // by hand, not URLSearchParams: shared/ compiles without the DOM or Node libraries
  const qs = Object.entries(given.query ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return {
    method: route.method.toUpperCase(),
    path: qs ? `${path}?${qs}` : path,
    headers: { ...(given.header ?? {}) },
    ...('json' in given ? { json: given.json } : {}),
  };
}
