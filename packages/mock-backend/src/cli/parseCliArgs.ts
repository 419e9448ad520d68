import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type MockBackendOptions,
  MockConfigError,
  mockOptionsFromEnv,
  readOrigins,
  readPositiveMs,
  readUserActionSigning,
} from '../config.ts';
import { SERVICE_ACCOUNT_VARIABLES, serviceAccountFrom, serviceAccountVariables } from '../serviceAccountConfig.ts';

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

const SERVICE_ACCOUNT_FLAGS = {
  token: '--service-account-token',
  credId: '--service-account-cred-id',
  publicKey: '--service-account-public-key',
} as const;

/**
 * `--service-account-public-key`: the path of a PEM file (a multi-line PEM is awkward in a flag), or
 * the PEM itself when the value starts with `-----BEGIN` (given as `--service-account-public-key=…`:
 * parseArgs takes no separate value that starts with a dash).
 */
function readPemFlag(value: string, label: string): string {
  if (value.trimStart().startsWith('-----BEGIN')) return value;
  try {
    return readFileSync(value, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new MockConfigError(
      `${label}: cannot read ${value}${typeof code === 'string' ? ` (${code})` : ''}: give the path of a PEM file, or the PEM itself`,
    );
  }
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

  // The service account's variables are read below, with its flags: merged one by one, then checked whole.
  const unsetServiceAccount = Object.fromEntries(Object.values(SERVICE_ACCOUNT_VARIABLES).map((name) => [name, '']));
  const options = mockOptionsFromEnv({ ...env, ...unsetServiceAccount });
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
  const given = (value: string | undefined, label: string) =>
    value === undefined ? undefined : nonEmpty(value, label);
  const publicKey = given(values['service-account-public-key'], SERVICE_ACCOUNT_FLAGS.publicKey);
  const serviceAccount = serviceAccountFrom([
    {
      values: {
        token: given(values['service-account-token'], SERVICE_ACCOUNT_FLAGS.token),
        credId: given(values['service-account-cred-id'], SERVICE_ACCOUNT_FLAGS.credId),
        publicKey: publicKey === undefined ? undefined : readPemFlag(publicKey, SERVICE_ACCOUNT_FLAGS.publicKey),
      },
      labels: SERVICE_ACCOUNT_FLAGS,
    },
    serviceAccountVariables(env),
  ]);
  if (serviceAccount) options.serviceAccount = serviceAccount;

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
      'service-account-token': { type: 'string' },
      'service-account-cred-id': { type: 'string' },
      'service-account-public-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
