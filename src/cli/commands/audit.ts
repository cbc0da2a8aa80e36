// Placeholder: the `pontis audit` command (filled in by its owner).
import type { Command } from 'commander';

export function register(_program: Command): void {}
