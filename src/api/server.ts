// Binds the API to a port with Node's HTTP server.
import { serve, type ServerType } from '@hono/node-server';
import type { NodeContext } from '../services/context.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(node: NodeContext, opts: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const app = await createApp(node);
  const host = opts.host ?? '127.0.0.1';
  let server!: ServerType;
  const port = await new Promise<number>((resolvePort, reject) => {
    server = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, (info) => resolvePort(info.port));
    server.on('error', reject);
  });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((r) => {
        // Live connections (server-sent events) would keep close() waiting forever.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
