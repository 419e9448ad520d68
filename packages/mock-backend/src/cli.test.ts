import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Runs `credkit-mock` from source (as `pnpm mock` does), with a clean environment but for `env`. */
function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output, exited };
}

async function waitFor(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('credkit-mock', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
  });

  it('should print the usage for --help and exit 0', async () => {
    const { output, exited } = run(['--help']);
    expect(await exited).toBe(0);
    expect(output.stdout).toMatch(/^Usage: credkit-mock \[options\]/);
    expect(output.stderr).toBe('');
  });

  it.each([
    [['--port', 'nope'], '--port must be a port number from 0 to 65535, got "nope"'],
    [['--bogus'], 'unknown option --bogus'],
  ])('should refuse %j with one clear message and exit code 2, no stack trace', async (args, message) => {
    const { output, exited } = run(args);
    expect(await exited).toBe(2);
    expect(output.stderr).toBe(`credkit-mock: ${message}\nRun credkit-mock --help for the options.\n`);
    expect(output.stdout).toBe('');
  });

  it('should refuse a bad variable the same way', async () => {
    const { output, exited } = run([], { MOCK_USER_ACTION: 'maybe' });
    expect(await exited).toBe(2);
    expect(output.stderr).toMatch(/^credkit-mock: MOCK_USER_ACTION must be "required" or "off", got "maybe"\n/);
  });

  it('should print its banner, then log a refused request with a hint, and stop on SIGTERM', async () => {
    const { child, output, exited } = run(['--port', '0', '--token', 'cli-token']);
    children.push(child);
    await waitFor(() => output.stdout.includes('Ctrl-C stops'), 'the banner');
    const url = /^credkit mock backend on (http:\/\/localhost:\d+)$/m.exec(output.stdout)?.[1];
    expect(url).toBeDefined();
    expect(output.stdout).toContain('  token         cli-token, the seeded user demo@credkit.dev (us-');

    const preflight = await fetch(`${url}/auth/credentials`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const list = await fetch(`${url}/auth/credentials`, { headers: { Authorization: 'Bearer cli-token' } });
    expect(list.status).toBe(200);
    await waitFor(() => output.stderr.includes('\n'), 'the refusal line');
    expect(output.stderr).toBe(
      'refused OPTIONS /auth/credentials: origin http://evil.example is not allowed, so the browser blocks the call; ' +
        'allow it with --origins http://evil.example (MOCK_ORIGINS; a list replaces the localhost default), ' +
        'and --rp-id evil.example (MOCK_RP_ID) for passkeys made there\n',
    );

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it.each([
    ['recovery verification code', '/auth/recover/user/code', '/mock/recovery-codes', 'verificationCode'],
    ['login code', '/auth/login/code', '/mock/login-codes', 'loginCode'],
  ])(
    'should print the %s it cannot mail (POST %s), the one GET %s gives',
    {
      timeout: 30_000,
    },
    async (what, send, show, field) => {
      const { child, output } = run(['--port', '0']);
      children.push(child);
      await waitFor(() => output.stdout.includes('Ctrl-C stops'), 'the banner');
      const url = /^credkit mock backend on (http:\/\/localhost:\d+)$/m.exec(output.stdout)?.[1];
      const sent = await fetch(`${url}${send}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'demo@credkit.dev', orgId: 'or-credk-itmck-0000000000000000' }),
      });
      expect(await sent.json()).toEqual({ message: 'success' });
      await waitFor(() => output.stdout.includes(what), 'the code');
      const printed = new RegExp(
        `${what} for demo@credkit\\.dev: (\\d{4}-\\d{4}-\\d{4}-\\d{4}) \\(single-use, valid until [^;]+; also GET ${show}\\?username=demo%40credkit\\.dev\\)`,
      ).exec(output.stdout)?.[1];
      expect(printed).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
      const exposed = await fetch(`${url}${show}?username=demo@credkit.dev`);
      expect((await exposed.json())[field]).toBe(printed);
    },
  );
});
