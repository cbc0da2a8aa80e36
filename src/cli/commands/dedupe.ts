// `pontis dedupe`: pairs of records in one CSV that are probably one person.
import type { Command } from 'commander';
import { runDedupeCli } from '../../matching/linkage/run-cli.ts';

export function register(program: Command): void {
  program
    .command('dedupe')
    .description('find records in one CSV file that are probably the same person (no server needed)')
    .requiredOption('--in <file>', 'people CSV: id,given_names,surname,birth_date,sex,nationality,place_of_birth,document_number,address')
    .requiredOption('--out <file>', 'pairs CSV to write: id_a,id_b,probability')
    .option('--threshold <p>', 'report pairs with at least this match probability (default: the threshold the model chooses)')
    .option('--explain', 'add the match weight and an explanation of each pair')
    .option('--model <file>', 'use this trained model (JSON) instead of training on the input')
    .option('--save-model <file>', 'write the trained model as JSON')
    .action(async (opts: { in: string; out: string; threshold?: string; explain?: boolean; model?: string; saveModel?: string }) => {
      process.exitCode = await runDedupeCli(opts.in, opts);
    });
}
