// Placeholder: routes of the identity area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function identityRoutes() {
  return createRouter();
}
