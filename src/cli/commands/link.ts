// `pontis link`: pairs across two CSV files that are probably one person.
import type { Command } from 'commander';
import { runLinkCli } from '../../matching/linkage/run-cli.ts';

export function register(program: Command): void {
  program
    .command('link')
    .description('find records in two CSV files that are probably the same person (no server needed)')
    .requiredOption('--left <file>', 'first people CSV')
    .requiredOption('--right <file>', 'second people CSV')
    .requiredOption('--out <file>', 'links CSV to write: left_id,right_id,probability')
    .option('--threshold <p>', 'report links with at least this match probability (default: the threshold the model chooses)')
    .option('--explain', 'add the match weight and an explanation of each link')
    .option('--model <file>', 'use this trained model (JSON) instead of training on the input')
    .option('--save-model <file>', 'write the trained model as JSON')
    .action(async (opts: { left: string; right: string; out: string; threshold?: string; explain?: boolean; model?: string; saveModel?: string }) => {
      process.exitCode = await runLinkCli(opts.left, opts.right, opts);
    });
}
