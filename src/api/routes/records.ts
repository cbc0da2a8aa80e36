// Placeholder: routes of the records area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function recordsRoutes() {
  return createRouter();
}
