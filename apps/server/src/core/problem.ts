import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldProblem } from './errors.ts';

const PROBLEM_BASE = 'urn:clock:problem:';

interface ValidationIssue { instancePath?: string; message?: string; params?: Record<string, unknown>; keyword?: string }

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
  return issues.filter((i) => i.keyword !== 'if' && (i.keyword !== 'const' || !anyOfPaths.has(i.instancePath ?? ''))).map((issue) => {
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
export function schemaFailure(error: Error | undefined, body: unknown): { problems: FieldProblem[]; clean: Record<string, unknown> } {
  const fe = error as (FastifyError & { validation?: ValidationIssue[]; validationContext?: string }) | undefined;
  const problems = fe?.validation ? dedupe(toFieldProblems(fe.validation, fe.validationContext ?? 'body')) : [];
  const bad = new Set(problems.map((p) => p.pointer.split('/')[2]));
  const source = body && typeof body === 'object' && !Array.isArray(body) ? body as Record<string, unknown> : {};
  return { problems, clean: Object.fromEntries(Object.entries(source).filter(([k]) => !bad.has(k))) };
}

/** Answers with RFC 9457 problem details. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, title: string, detail: string, errors: FieldProblem[]) {
  const status = ERROR_STATUS[code];
  const body: Record<string, unknown> = {
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

/** Installs the one error handler and the 404 handler: every failure answers RFC 9457 problem+json. */
export function installProblemHandlers(
  app: FastifyInstance,
  { fallback }: { fallback?: (request: FastifyRequest, reply: FastifyReply) => unknown } = {},
): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error as AppError & { retryAfter?: number }).retryAfter;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return sendProblem(reply, request, error.code, error.title, error.message, error.errors);
    }
    const fe = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
    if (fe.validation) {
      const errors = dedupe(toFieldProblems(fe.validation, fe.validationContext ?? 'body'));
      return sendProblem(reply, request, 'VALIDATION_FAILED', 'The request has invalid fields',
        `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`, errors);
    }
    const status = fe.statusCode ?? 500;
    if (status === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, request, 'PAYLOAD_TOO_LARGE', 'The request body is too large', fe.message, []);
    }
    if (status === 415) return sendProblem(reply, request, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type', fe.message, []);
    if (status === 429) return sendProblem(reply, request, 'RATE_LIMITED', 'Too many requests', fe.message, []);
    if (status >= 400 && status < 500) return sendProblem(reply, request, 'BAD_REQUEST', 'The request could not be understood', fe.message, []);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 'INTERNAL', 'Internal error', `Something went wrong; quote ${request.id} when reporting it.`, []);
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback) {
      const handled = fallback(request, reply);
      if (handled) return handled;
    }
    return sendProblem(reply, request, 'NOT_FOUND', 'Not found', `No route ${request.method} ${request.url.split('?')[0]}`, []);
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
