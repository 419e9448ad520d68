import { parseArgs } from 'node:util';
import {
  type MockBackendOptions,
  MockConfigError,
  mockOptionsFromEnv,
  readOrigins,
  readPositiveMs,
  readUserActionSigning,
} from '../config.ts';

/** What the command line asks for: the usage, or a server on `port` with `options`. */
export type CliCommand = { help: true } | { help: false; port: number; options: MockBackendOptions };

const DEFAULT_PORT = 8787;

function readPort(value: string, label: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65_535) {
    throw new MockConfigError(`${label} must be a port number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function nonEmpty(value: string, label: string): string {
  if (value.trim() === '') throw new MockConfigError(`${label} must not be empty`);
  return value;
}

/** parseArgs' own errors, shortened: its advice about `--` does not apply, as the CLI takes no positionals. */
function usageError(error: unknown): MockConfigError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new MockConfigError(`unknown option ${/'([^']+)'/.exec(message)?.[1] ?? message}`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new MockConfigError(`unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? message}: options only`);
  }
  return new MockConfigError(message);
}

/**
 * Reads `credkit-mock`'s flags (`node:util`'s `parseArgs`) over the environment's `PORT` and `MOCK_*`
 * variables: a flag wins over its variable. A bad flag or value throws a {@link MockConfigError}.
 */
export function parseCliArgs(args: string[], env: Record<string, string | undefined>): CliCommand {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    throw usageError(error);
  }
  if (values.help) return { help: true };

  const options = mockOptionsFromEnv(env);
  if (values.origins) {
    const origins = values.origins.flatMap((list) => readOrigins(list, '--origins'));
    if (!origins.length) throw new MockConfigError('--origins must list at least one origin');
    options.origins = origins;
  }
  if (values['rp-id'] !== undefined) options.rpId = nonEmpty(values['rp-id'], '--rp-id');
  if (values['rp-name'] !== undefined) options.rpName = nonEmpty(values['rp-name'], '--rp-name');
  if (values.token !== undefined) options.token = nonEmpty(values.token, '--token');
  if (values['user-action'] !== undefined) {
    options.userActionSigning = readUserActionSigning(values['user-action'], '--user-action');
  }
  if (values['org-id'] !== undefined) options.orgId = nonEmpty(values['org-id'], '--org-id');
  if (values['registration-code'] !== undefined) {
    options.registrationCode = nonEmpty(values['registration-code'], '--registration-code');
  }
  if (values['challenge-ttl-ms'] !== undefined) {
    options.challengeTtlMs = readPositiveMs(values['challenge-ttl-ms'], '--challenge-ttl-ms');
  }

  const port =
    values.port !== undefined ? readPort(values.port, '--port') : env.PORT ? readPort(env.PORT, 'PORT') : DEFAULT_PORT;
  return { help: false, port, options };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string', short: 'p' },
      origins: { type: 'string', multiple: true },
      'rp-id': { type: 'string' },
      'rp-name': { type: 'string' },
      token: { type: 'string' },
      'user-action': { type: 'string' },
      'org-id': { type: 'string' },
      'registration-code': { type: 'string' },
      'challenge-ttl-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
