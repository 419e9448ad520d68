#!/usr/bin/env node
// `credkit-mock` (the package's bin) and `pnpm mock`: the mock backend over HTTP, configured by flags
// and MOCK_* variables. It prints what it accepts, then one line with a hint per refused request.
import { formatBanner } from './cli/formatBanner.ts';
import { formatMail } from './cli/formatMail.ts';
import { formatRefusal } from './cli/formatRefusal.ts';
import { type CliCommand, parseCliArgs } from './cli/parseCliArgs.ts';
import { USAGE } from './cli/usage.ts';
import { MockConfigError, resolveMockOptions } from './config.ts';
import { createMockBackend, type MockServer } from './createMockBackend.ts';

/** Runs the command line; the exit code to end with, or undefined while serving. */
async function main(args: string[]): Promise<number | undefined> {
  let command: CliCommand;
  try {
    command = parseCliArgs(args, process.env);
  } catch (error) {
    // A bad flag or variable is the user's to fix: say which, no stack trace.
    if (!(error instanceof MockConfigError)) throw error;
    console.error(`credkit-mock: ${error.message}\nRun credkit-mock --help for the options.`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const options = resolveMockOptions(command.options);
  const backend = createMockBackend({
    ...options,
    onRefusal: (refusal) => console.warn(formatRefusal(refusal, options)),
    // The mock sends no mail: the codes Dfns would e-mail are printed here.
    onVerificationCode: ({ username, verificationCode: code, expiresAt }) =>
      console.log(
        formatMail({ what: 'recovery verification code', username, code, expiresAt, route: '/mock/recovery-codes' }),
      ),
    onLoginCode: ({ username, loginCode: code, expiresAt }) =>
      console.log(formatMail({ what: 'login code', username, code, expiresAt, route: '/mock/login-codes' })),
  });
  let server: MockServer;
  try {
    server = await backend.listen({ port: command.port });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    console.error(
      code === 'EADDRINUSE'
        ? `credkit-mock: port ${command.port} is in use: pick another with --port (PORT), or 0 for a free one`
        : `credkit-mock: cannot listen on port ${command.port}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }

  const me = await backend.fetch(
    new Request(`${server.url}/auth/users/me`, { headers: { Authorization: `Bearer ${options.token}` } }),
  );
  console.log(formatBanner(server.url, options, me.ok ? await me.json() : undefined));

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return undefined;
}

const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
