// What a newcomer does after `npm install`: `npx pontis --help`, then
// `npm start` (serve --demo), open the printed address and sign in with a
// printed account. Runs the real CLI as a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/pontis.js');

it('prints help listing every command', () => {
  const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  for (const cmd of ['serve', 'import', 'generate', 'dedupe', 'link', 'audit', 'users']) expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
});

it('rejects an unknown command with exit code 2', () => {
  const r = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/unknown command/i);
});

describe('pontis serve --demo', () => {
  let child: ChildProcess;
  let dir: string;
  let url = '';
  let output = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pontis-newcomer-'));
    child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0', '--data', dir], {
      env: { ...process.env, PONTIS_DEMO_PERSONS: '1500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', () => {});
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 110_000);
      child.stdout!.on('data', (d) => {
        output += String(d);
        const m = output.match(/running at (http:\/\/\S+)/);
        if (m && output.includes('Stop with Ctrl-C')) {
          url = m[1]!;
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`node exited with ${code}:\n${output}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints where to open it and how to sign in', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toMatch(/password for all: (\S+)\)/);
    expect(output).toMatch(/officer\s+police_officer/);
  });

  it('is healthy and describes its API', async () => {
    const health = await (await fetch(url + '/healthz')).json();
    expect(health).toMatchObject({ status: 'ok', engine: 'embedded', database: 'ok' });
    const doc = await (await fetch(url + '/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/search');
    const docs = await fetch(url + '/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('Pontis API');
    const metrics = await (await fetch(url + '/metrics')).text();
    expect(metrics).toContain('pontis_http_requests_total');
  });

  it('lets a printed demo account sign in and search the demo data', async () => {
    const password = output.match(/password for all: (\S+)\)/)![1]!;
    const login = await fetch(url + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const session = await (await fetch(url + '/api/v1/auth/session', { headers: { cookie } })).json();
    expect(session.roles).toContain('police_officer');
    const search = await fetch(url + '/api/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ purpose: 'police_check', caseReference: 'DEMO-1', text: 'Müller' }),
    });
    expect(search.status).toBe(200);
    const body = await search.json();
    expect(Array.isArray(body.hits)).toBe(true);
  });

  it('serves the web app shell', async () => {
    const res = await fetch(url + '/');
    expect(res.status).toBe(200);
    const html = await res.text();
    const js = html.match(/src="(\/assets\/app\.[0-9a-f]+\.js)"/)![1]!;
    const asset = await fetch(url + js);
    expect(asset.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
