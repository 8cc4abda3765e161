import AjvCompiler from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { AppError, type FieldProblem } from './errors.ts';
import { frameworkErrors } from './problem.ts';

/**
 * How requests are read before a route sees them: the query string (strict percent-decoding), the validators (query
 * strings, path parameters and headers are text on the wire and are coerced to the declared types; JSON bodies are
 * never coerced) and the Accept header of API routes.
 */

const AJV_OPTIONS = { allErrors: true, removeAdditional: false, useDefaults: true } as const;

type ValidatorPool = ReturnType<typeof AjvCompiler>;

/** One Ajv per request part: text parts coerce (`?limit=5` is a number, `?type=a` a one-item array), bodies do not. */
function buildValidator(...[externalSchemas, serverOptions]: Parameters<ValidatorPool>) {
  const pool = AjvCompiler();
  // Fastify passes its `ajv` server option (never the JTD mode, which this server does not use).
  const options = (coerceTypes: 'array' | false) =>
    ({
      ...serverOptions,
      customOptions: { ...serverOptions?.customOptions, ...AJV_OPTIONS, coerceTypes },
    }) as typeof serverOptions;
  const textParts = pool(externalSchemas, options('array'));
  const body = pool(externalSchemas, options(false));
  return (route: Parameters<ReturnType<ValidatorPool>>[0]) => {
    const compile = () => (route.httpPart === 'body' ? body : textParts)(route);
    let validator: ReturnType<typeof compile> | null = null;
    const later = deferCompilation(() => {
      validator ??= compile();
    });
    // Fastify reads `errors` after a call that returned false, and passes the parent object (to let Ajv coerce a
    // root value) to a function with a `schemaEnv`, which every Ajv function has.
    const validate = Object.assign(
      (data: unknown, context?: object) => {
        later();
        const result = (validator as (data: unknown, context?: object) => unknown)(data, context);
        validate.errors = (validator as { errors?: unknown }).errors ?? null;
        return result;
      },
      { errors: null as unknown, schemaEnv: {} },
    );
    return validate as unknown as ReturnType<typeof compile>;
  };
}

/** Compilations of route schemas not done yet (`compileDeferredSchemas`). */
const pendingCompilations = new Set<() => void>();

/**
 * Registers a route schema's compilation to run on the route's first use (or `compileDeferredSchemas`) instead of
 * while the server starts: compiling every validator (Ajv) and response serializer (fast-json-stringify) of every
 * route cost about 1.8 s of CPU before the server could listen, for routes few of which are called in its first
 * minutes. Returns the function that compiles it now (once).
 */
function deferCompilation(compile: () => void): () => void {
  let done = false;
  const now = () => {
    if (done) return;
    compile();
    done = true;
    pendingCompilations.delete(now);
  };
  pendingCompilations.add(now);
  return now;
}

/** Compiles every route schema still waiting for its first use (tests: every schema of every route compiles). */
export function compileDeferredSchemas(): number {
  const pending = [...pendingCompilations];
  for (const compile of pending) compile();
  return pending.length;
}

/** The response serializers, compiled on first use like the validators. */
function buildSerializer(...args: Parameters<ReturnType<typeof SerializerSelector>>) {
  const compilerFor = SerializerSelector()(...args);
  return (route: Parameters<typeof compilerFor>[0]) => {
    let serialize: ReturnType<typeof compilerFor> | null = null;
    const later = deferCompilation(() => {
      serialize ??= compilerFor(route);
    });
    return ((data: unknown) => {
      later();
      return serialize!(data);
    }) as ReturnType<typeof compilerFor>;
  };
}

type Query = Record<string, string | string[]>;
/** The keys of the parameters each parsed query left out because their percent-encoding was malformed. */
const malformedKeys = new WeakMap<Query, string[]>();

function decodeComponent(raw: string): string | null {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * Parses a query string like the framework's default parser (repeated keys become arrays, `+` is a space, a key
 * without `=` is empty text) but never guesses: a parameter whose percent-encoding is malformed is left out and
 * remembered, so the request is refused with a 400 naming it instead of being answered for a mangled value.
 */
export function parseQuery(querystring: string): Query {
  const query: Query = Object.create(null);
  if (querystring.length === 0) return query;
  for (const part of querystring.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const key = decodeComponent(rawKey);
    const value = eq === -1 ? '' : decodeComponent(part.slice(eq + 1));
    if (key === null || value === null) {
      const keys = malformedKeys.get(query) ?? [];
      keys.push(key ?? rawKey);
      malformedKeys.set(query, keys);
      continue;
    }
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else query[key] = [previous, value];
  }
  return query;
}

const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The query parameters that could not be decoded, as field problems (empty when the query string was sound). */
export function malformedQueryProblems(query: unknown): FieldProblem[] {
  const keys = typeof query === 'object' && query !== null ? (malformedKeys.get(query as Query) ?? []) : [];
  return [...new Set(keys)].map((k) => ({
    pointer: `/querystring/${pointerSegment(k)}`,
    message: 'has malformed percent-encoding',
  }));
}

/**
 * Whether an Accept header admits a JSON answer (`application/json`, `application/problem+json` or a wildcard with a
 * non-zero quality). No header at all admits anything.
 */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) return false;
    return ['*/*', 'application/*', 'application/json', 'application/problem+json'].includes(type);
  });
}

/** The server options that make Fastify read requests as described above, and answer router errors as problems. */
export function requestParsingOptions(): Pick<
  FastifyServerOptions,
  'schemaController' | 'routerOptions' | 'frameworkErrors'
> {
  return {
    frameworkErrors,
    schemaController: { compilersFactory: { buildValidator, buildSerializer } },
    routerOptions: { querystringParser: parseQuery },
  };
}

/**
 * Refuses, before validation and any route work, a query string with malformed percent-encoding (400) and, on JSON
 * API routes, an Accept header that admits no JSON (406). Both answer problem+json through the error handler; the hook
 * runs after the onRequest hooks, so these answers carry the security headers too.
 */
export function installRequestChecks(
  app: FastifyInstance,
  { isJsonApi }: { isJsonApi: (path: string) => boolean },
): void {
  app.addHook('preValidation', async (request) => {
    const malformed = malformedQueryProblems(request.query);
    if (malformed.length) {
      throw new AppError('BAD_REQUEST', 'The query string has malformed percent-encoding', malformed);
    }
    if (isJsonApi(request.url.split('?')[0] ?? '') && !acceptsJson(request.headers.accept)) {
      throw new AppError(
        'NOT_ACCEPTABLE',
        'This resource answers application/json only; the Accept header admits no JSON',
      );
    }
  });
}
