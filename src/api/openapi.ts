// Shared pieces for route modules: the OpenAPIHono factory with the
// validation hook that turns schema failures into problem details.
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { issuesFromZod } from '../domain/errors.ts';
import type { AppEnv } from './env.ts';
import { problem, problemResponse } from './problem.ts';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = (result as { target?: string }).target ?? 'request';
        return problemResponse(
          c,
          problem(422, 'validation', `The ${where} does not match the schema.`, issuesFromZod(result.error as never, where === 'json' ? '' : where)),
        );
      }
      return undefined;
    },
  });
}

/** The problem-details schema, for documenting error responses. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const problemResponses = {
  400: { description: 'Malformed request', content: { 'application/problem+json': { schema: ProblemSchema } } },
  401: { description: 'Not signed in', content: { 'application/problem+json': { schema: ProblemSchema } } },
  403: { description: 'Access denied', content: { 'application/problem+json': { schema: ProblemSchema } } },
  422: { description: 'Invalid input', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;
