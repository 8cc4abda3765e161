import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldProblem } from './errors.ts';

const PROBLEM_BASE = 'urn:clock:problem:';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

/** Turns Ajv issues of one request part into JSON-pointer problems (`/query/limit`). */
export function toFieldProblems(issues: ValidationIssue[], context: string): FieldProblem[] {
  // A union of literals fails as one `const` issue per member plus an `anyOf`: report the allowed values once.
  const allowedByPath = new Map<string, unknown[]>();
  for (const i of issues) {
    if (i.keyword === 'const') {
      const list = allowedByPath.get(i.instancePath ?? '') ?? [];
      list.push(i.params?.allowedValue);
      allowedByPath.set(i.instancePath ?? '', list);
    }
  }
  const anyOfPaths = new Set(issues.filter((i) => i.keyword === 'anyOf').map((i) => i.instancePath ?? ''));
  // An if/then rule fails twice: as the `then` part (the field it requires, reported) and as `if` (no field): drop the latter.
  return issues
    .filter((i) => i.keyword !== 'if' && (i.keyword !== 'const' || !anyOfPaths.has(i.instancePath ?? '')))
    .map((issue) => {
      let pointer = `/${context}${issue.instancePath ?? ''}`;
      const p = issue.params ?? {};
      if (issue.keyword === 'required' && typeof p.missingProperty === 'string') pointer += `/${p.missingProperty}`;
      if (issue.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
        return { pointer: `${pointer}/${p.additionalProperty}`, message: 'is not an allowed field' };
      }
      let message = issue.message ?? 'is invalid';
      if (issue.keyword === 'enum' || issue.keyword === 'anyOf' || issue.keyword === 'const') {
        const allowed = (p.allowedValues as unknown[]) ?? allowedByPath.get(issue.instancePath ?? '');
        message = allowed ? `must be one of ${allowed.join(', ')}` : 'is not an allowed value';
      }
      return { pointer, message };
    });
}

/**
 * For routes that validate with `attachValidation` and then apply their own rules too, so every problem is reported
 * at once: the schema's problems, and the body without the top-level fields they are about (the rest is well-typed).
 */
export function schemaFailure(
  error: Error | undefined,
  body: unknown,
): { problems: FieldProblem[]; clean: Record<string, unknown> } {
  const fe = error as (FastifyError & { validation?: ValidationIssue[]; validationContext?: string }) | undefined;
  const problems = fe?.validation ? dedupe(toFieldProblems(fe.validation, fe.validationContext ?? 'body')) : [];
  const bad = new Set(problems.map((p) => p.pointer.split('/')[2]));
  const source = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { problems, clean: Object.fromEntries(Object.entries(source).filter(([k]) => !bad.has(k))) };
}

/** Answers with RFC 9457 problem details. */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  title: string,
  detail: string,
  errors: FieldProblem[],
  extensions: Record<string, unknown> = {},
) {
  const status = ERROR_STATUS[code];
  const body: Record<string, unknown> = {
    ...extensions,
    type: PROBLEM_BASE + code.toLowerCase().replace(/_/g, '-'),
    title,
    status,
    detail,
    code,
    instance: request.id,
  };
  if (errors.length) body.errors = errors;
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** The problem code of each status the framework itself answers with. */
const FRAMEWORK_CODES: Partial<Record<number, ErrorCode>> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const sendAppError = (reply: FastifyReply, request: FastifyRequest, error: AppError) =>
  sendProblem(reply, request, error.code, error.title, error.message, error.errors, error.extensions);

/**
 * Errors the router raises before any hook runs (Fastify's `frameworkErrors` option): a path whose percent-encoding
 * is malformed, or a path segment longer than the router accepts.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // No hook runs for these, so the security headers other answers get from helmet are set here (an error body needs
  // no more than these).
  reply.headers({
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  if (error.code === 'FST_ERR_BAD_URL')
    return sendAppError(reply, request, new AppError('BAD_REQUEST', 'The path has malformed percent-encoding'));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendAppError(reply, request, new AppError('URI_TOO_LONG', 'A segment of the path is too long'));
  request.log.error({ err: error }, 'router error');
  return sendAppError(
    reply,
    request,
    new AppError('INTERNAL', `Something went wrong; quote ${request.id} when reporting it.`),
  );
}

/** Matches a concrete path against the registered route patterns, to tell a 405 (known path, other method) from a 404. */
function routeMethods() {
  const routes: { pattern: RegExp; method: string }[] = [];
  const toRegExp = (url: string) =>
    new RegExp(
      `^${url
        .split(/(:[A-Za-z0-9_]+(?:\([^)]*\))?|\*)/)
        .map((part, i) => (i % 2 === 1 ? (part === '*' ? '.*' : '[^/]+') : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`,
    );
  return {
    add: (url: string, methods: string[]) => {
      for (const method of methods) routes.push({ pattern: toRegExp(url), method });
    },
    allowed: (path: string) => [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort(),
  };
}

/**
 * Installs the one error handler and the 404/405 handler: every failure answers RFC 9457 problem+json, with the
 * status the failure means (a framework error keeps its own status: 405, 406, 413, 414, 415, 429).
 */
export function installProblemHandlers(
  app: FastifyInstance,
  { fallback }: { fallback?: (request: FastifyRequest, reply: FastifyReply) => unknown } = {},
): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error as AppError & { retryAfter?: number }).retryAfter;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return sendAppError(reply, request, error);
    }
    const fe = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
    if (fe.validation) {
      const errors = dedupe(toFieldProblems(fe.validation, fe.validationContext ?? 'body'));
      return sendProblem(
        reply,
        request,
        'VALIDATION_FAILED',
        'The request has invalid fields',
        `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
        errors,
      );
    }
    const status = fe.statusCode ?? 500;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendAppError(reply, request, new AppError('PAYLOAD_TOO_LARGE', fe.message));
    if (status >= 400 && status < 500)
      return sendAppError(reply, request, new AppError(FRAMEWORK_CODES[status] ?? 'BAD_REQUEST', fe.message));
    request.log.error({ err: error }, 'unhandled error');
    return sendAppError(
      reply,
      request,
      new AppError('INTERNAL', `Something went wrong; quote ${request.id} when reporting it.`),
    );
  });

  const known = routeMethods();
  app.addHook('onRoute', (r) => known.add(r.url, [r.method].flat()));
  app.setNotFoundHandler((request, reply) => {
    if (fallback) {
      const handled = fallback(request, reply);
      if (handled) return handled;
    }
    const path = request.url.split('?')[0] ?? '';
    const allowed = known.allowed(path);
    if (allowed.length) {
      reply.header('allow', allowed.join(', '));
      return sendAppError(
        reply,
        request,
        new AppError(
          'METHOD_NOT_ALLOWED',
          `${request.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`,
        ),
      );
    }
    return sendAppError(reply, request, new AppError('NOT_FOUND', `No route ${request.method} ${path}`));
  });
}

function dedupe(errors: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.pointer}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
