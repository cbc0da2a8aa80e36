// The `pontis` command. Each subcommand lives in its own file under
// commands/ and only parses, calls services, and formats.
import { Command, CommanderError } from 'commander';
import { reportAndExit } from './errors.ts';
import { register as serve } from './commands/serve.ts';
import { register as importCmd } from './commands/import.ts';
import { register as generate } from './commands/generate.ts';
import { register as dedupe } from './commands/dedupe.ts';
import { register as link } from './commands/link.ts';
import { register as audit } from './commands/audit.ts';
import { register as users } from './commands/users.ts';

const program = new Command()
  .name('pontis')
  .description('Pontis: find out in a second whether you or a partner know a person or an object, and exchange what follows.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

for (const register of [serve, importCmd, generate, dedupe, link, audit, users]) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  reportAndExit(err);
}
