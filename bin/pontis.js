#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx pontis` works right
// after `npm install` with no build step and never runs stale output.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
