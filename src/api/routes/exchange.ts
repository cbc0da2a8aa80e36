// Placeholder: routes of the exchange area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function exchangeRoutes() {
  return createRouter();
}
