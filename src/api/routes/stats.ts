// Placeholder: routes of the stats area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function statsRoutes() {
  return createRouter();
}
