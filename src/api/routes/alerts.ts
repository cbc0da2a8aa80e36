// Placeholder: routes of the alerts area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function alertsRoutes() {
  return createRouter();
}
