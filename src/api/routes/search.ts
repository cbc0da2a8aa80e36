// Placeholder: routes of the search area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function searchRoutes() {
  return createRouter();
}
