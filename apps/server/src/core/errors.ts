/** One problem with one field, located by its JSON pointer into the request (`/query/limit`, `/services/1/title`). */
export interface FieldProblem {
  pointer: string;
  message: string;
}

/** The closed list of error codes and the HTTP status each one means. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  SLOT_TAKEN: 409,
  SLOT_UNAVAILABLE: 409,
  QUALIFICATION_REQUIRED: 403,
  ALREADY_REGISTERED: 409,
  REGISTRATION_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_BUNDLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request has invalid fields',
  BAD_REQUEST: 'The request could not be understood',
  UNAUTHENTICATED: 'Sign-in required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  NOT_ACCEPTABLE: 'Not acceptable',
  CONFLICT: 'Conflict with the current state',
  SLOT_TAKEN: 'The time is already booked',
  SLOT_UNAVAILABLE: 'The time cannot be booked',
  QUALIFICATION_REQUIRED: 'A qualification is required',
  ALREADY_REGISTERED: 'Already registered for this event',
  REGISTRATION_CLOSED: 'Registration is not open',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  URI_TOO_LONG: 'The address is too long',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  INVALID_BUNDLE: 'The bundle is invalid and nothing was imported',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
  UNAVAILABLE: 'Service unavailable',
};

/** The only error type services throw on purpose; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors: FieldProblem[] = [],
    /** Extension members of the problem (RFC 9457 §3.2), e.g. why a booking was refused. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? TITLES[code]);
    this.status = ERROR_STATUS[code];
  }
  get title(): string {
    return TITLES[this.code];
  }
}

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `No ${what} with id "${id}"`);

/** Problems of two checks of the same body, one per field: the first list's message wins. */
export function mergeProblems(first: FieldProblem[], second: FieldProblem[]): FieldProblem[] {
  const seen = new Set(first.map((p) => p.pointer));
  return [...first, ...second.filter((p) => !seen.has(p.pointer))];
}
