// Placeholder: routes of the admin area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function adminRoutes() {
  return createRouter();
}
