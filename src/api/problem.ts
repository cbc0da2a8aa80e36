// RFC 9457 problem details: every error the API returns has this shape, with
// `errors` naming each offending field so a client can point at it.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, TooManyRequestsError, ValidationError, type FieldIssue } from '../domain/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldIssue[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Access denied',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

export function problem(status: number, slug: string, detail?: string, errors?: FieldIssue[]): Problem {
  return {
    type: `https://pontis.eu/problems/${slug}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length ? { errors } : {}),
  };
}

export function problemResponse(c: Context, p: Problem): Response {
  const res = c.json({ ...p, instance: c.req.path }, p.status as 400);
  res.headers.set('content-type', 'application/problem+json');
  return res;
}

export function problemFromError(err: unknown): Problem {
  if (err instanceof ValidationError) return problem(422, err.type, err.message, err.issues);
  if (err instanceof DomainError) return problem(err.status, err.type, err.message);
  // Hono's own errors: malformed JSON (400), wrong content type (415) and the like.
  if (err instanceof HTTPException && err.status < 500) {
    const slug = err.status === 415 ? 'unsupported-media-type' : err.status === 413 ? 'too-large' : 'bad-request';
    return problem(err.status, slug, err.message || 'The request is malformed.');
  }
  return problem(500, 'internal', 'An unexpected error occurred; it has been logged.');
}

export function retryAfter(err: unknown): number | undefined {
  return err instanceof TooManyRequestsError ? err.retryAfterSeconds : undefined;
}
