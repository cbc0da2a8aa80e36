// `pontis serve`: runs a node — database, HTTP API, web app, background jobs.
import type { Command } from 'commander';
import { openNode } from '../../services/node.ts';
import { startServer } from '../../api/server.ts';
import { bundleWebApp } from '../../api/web.ts';
import { ensureBulkLoadIndexes } from '../../services/records/key-indexes.ts';
import { nodeKey } from '../../services/audit/node-key.ts';
import { ensureDemoData } from '../../services/demo.ts';
import { startBackgroundJobs } from '../../services/jobs.ts';
import { intOption } from '../errors.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run a node: embedded storage in --data (default ./data), or PostgreSQL with --database')
    .option('-p, --port <n>', 'HTTP port', intOption('--port', 0, 65535), Number(process.env.PORT ?? 8080))
    .option('--host <addr>', 'address to listen on', process.env.PONTIS_HOST ?? '127.0.0.1')
    .option('--data <dir>', 'data directory of the embedded store and node keys', process.env.PONTIS_DATA ?? './data')
    .option('--database <url>', 'PostgreSQL URL (postgres://…); default: embedded store in --data', process.env.PONTIS_DATABASE_URL)
    .option('--demo', 'load the demo population and demo accounts when the store is empty')
    .action(async (opts: { port: number; host: string; data: string; database?: string; demo?: boolean }) => {
      const started = Date.now();
      const node = await openNode({ dataDir: opts.data, databaseUrl: opts.database });
      const log = node.logger;
      nodeKey(node); // the signing key of audit checkpoints exists from the first start
      // A bulk import killed and never resumed leaves person_keys without its indexes.
      if (await ensureBulkLoadIndexes(node.database.db)) log.warn('rebuilt the search indexes an interrupted bulk import left unbuilt');
      let demo: Awaited<ReturnType<typeof ensureDemoData>> | undefined;
      if (opts.demo) demo = await ensureDemoData(node, { progress: process.stderr.isTTY });
      await bundleWebApp(); // the first screen should not wait for the bundler
      const server = await startServer(node, { port: opts.port, host: opts.host });
      const jobs = startBackgroundJobs(node);
      log.info('node started', { url: server.url, engine: node.database.engine, ms: Date.now() - started });
      const lines = [
        '',
        `  Pontis is running at ${server.url}`,
        `  API reference: ${server.url}/docs   OpenAPI: ${server.url}/openapi.json`,
        `  Storage: ${node.database.engine === 'embedded' ? `embedded, in ${node.config.dataDir}` : 'PostgreSQL'}`,
      ];
      if (demo?.accounts.length) {
        lines.push('  Demo accounts (password for all: ' + demo.password + '):');
        for (const a of demo.accounts) lines.push(`    ${a.username.padEnd(14)} ${a.role.padEnd(15)} ${a.authority}`);
      }
      lines.push('  Stop with Ctrl-C.', '');
      process.stdout.write(lines.join('\n') + '\n');
      const stop = async (signal: string) => {
        log.info('stopping', { signal });
        jobs.stop();
        await server.close();
        await node.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
