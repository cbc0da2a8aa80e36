// Placeholder: routes of the audit area (filled in by its owner).
import { createRouter } from '../openapi.ts';

export function auditRoutes() {
  return createRouter();
}
