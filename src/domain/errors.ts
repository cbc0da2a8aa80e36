// Errors the domain and services raise; the API turns each into an RFC 9457
// problem document and the CLI into a message and exit code. Every one says
// where and why, so a caller can fix the input.

export interface FieldIssue {
  /** Where: a JSON-pointer-like path (`names/0/family`) or `line 12, column surname`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly type: string; // short slug, becomes the problem `type`
}

export class ValidationError extends DomainError {
  readonly status = 422;
  readonly type = 'validation';
  constructor(message: string, readonly issues: FieldIssue[] = []) {
    super(message);
  }
}

export class BadRequestError extends DomainError {
  readonly status = 400;
  readonly type = 'bad-request';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly type = 'not-found';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly type = 'conflict';
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly type = 'unauthenticated';
}

export class AccessDeniedError extends DomainError {
  readonly status = 403;
  readonly type = 'access-denied';
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly type = 'too-many-requests';
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/** Turn zod issues into field issues with readable paths. */
export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== '').join('/') || '(root)',
    message: i.message,
  }));
}
