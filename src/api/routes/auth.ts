// Placeholder: routes of the auth area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function authRoutes() {
  return createRouter();
}
