// How commands fail: a precise one-line message on stderr and exit code 2 for
// bad input, 1 for anything else.
import { DomainError, ValidationError } from '../domain/errors.ts';

export class UsageError extends Error {}

export function reportAndExit(err: unknown): never {
  if (err instanceof UsageError || err instanceof ValidationError || err instanceof DomainError) {
    process.stderr.write(`pontis: ${err.message}\n`);
    if (err instanceof ValidationError) for (const i of err.issues.slice(0, 50)) process.stderr.write(`  ${i.path}: ${i.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`pontis: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
}

/** Parses an integer option, with the option's name in the error. */
export function intOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
    return n;
  };
}
