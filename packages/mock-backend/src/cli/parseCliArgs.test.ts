import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MockConfigError } from '../config.ts';
import { parseCliArgs } from './parseCliArgs.ts';
import { USAGE } from './usage.ts';

describe('parseCliArgs', () => {
  it('should read every flag', () => {
    expect(
      parseCliArgs(
        [
          '--port=9000',
          '--origins',
          'https://app.example.com, http://localhost:3000',
          '--origins=https://admin.example.com',
          '--rp-id',
          'example.com',
          '--rp-name',
          'Example',
          '--token',
          'secret',
          '--user-action',
          'off',
          '--org-id',
          'or-1',
          '--registration-code',
          'code',
          '--challenge-ttl-ms',
          '1000',
        ],
        {},
      ),
    ).toEqual({
      help: false,
      port: 9000,
      options: {
        origins: ['https://app.example.com', 'http://localhost:3000', 'https://admin.example.com'],
        rpId: 'example.com',
        rpName: 'Example',
        token: 'secret',
        userActionSigning: 'off',
        orgId: 'or-1',
        registrationCode: 'code',
        challengeTtlMs: 1000,
      },
    });
  });

  it('should default to port 8787 and no options: the defaults of the backend', () => {
    expect(parseCliArgs([], {})).toEqual({ help: false, port: 8787, options: {} });
    expect(parseCliArgs(['-p', '0'], {})).toMatchObject({ port: 0 });
  });

  it('should read the variables, and let a flag win over its variable', () => {
    const env = { PORT: '9000', MOCK_TOKEN: 'from-env', MOCK_USER_ACTION: 'off', MOCK_RP_ID: 'env.example' };
    expect(parseCliArgs([], env)).toEqual({
      help: false,
      port: 9000,
      options: { token: 'from-env', userActionSigning: 'off', rpId: 'env.example' },
    });
    expect(parseCliArgs(['--port', '9001', '--token', 'from-flag', '--user-action', 'required'], env)).toEqual({
      help: false,
      port: 9001,
      options: { token: 'from-flag', userActionSigning: 'required', rpId: 'env.example' },
    });
  });

  describe('the service account', () => {
    const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const file = join(mkdtempSync(join(tmpdir(), 'credkit-mock-')), 'sa.pub.pem');
    writeFileSync(file, pem);
    const flags = ['--service-account-token', 'sa-flag', '--service-account-cred-id', 'Y3JlZA'];
    const env = {
      MOCK_SERVICE_ACCOUNT_TOKEN: 'sa-env',
      MOCK_SERVICE_ACCOUNT_CRED_ID: 'ZW52',
      MOCK_SERVICE_ACCOUNT_PUBLIC_KEY: pem,
    };

    /** The options of a command that is no --help. */
    const optionsOf = (args: string[], variables: Record<string, string> = {}) => {
      const command = parseCliArgs(args, variables);
      if (command.help) throw new Error('not a --help command');
      return command.options;
    };

    it('should read the public key flag as a PEM file, or as the PEM itself', () => {
      const account = { token: 'sa-flag', credId: 'Y3JlZA', publicKey: pem };
      expect(optionsOf([...flags, '--service-account-public-key', file], {})).toEqual({
        serviceAccount: account,
      });
      // A value that starts with a dash takes the = form (node:util's parseArgs).
      expect(optionsOf([...flags, `--service-account-public-key=${pem}`], {})).toEqual({
        serviceAccount: account,
      });
    });

    it('should read the three variables, and let each flag win over its variable', () => {
      expect(optionsOf([], env)).toEqual({
        serviceAccount: { token: 'sa-env', credId: 'ZW52', publicKey: pem },
      });
      expect(optionsOf(['--service-account-token', 'sa-flag'], env)).toEqual({
        serviceAccount: { token: 'sa-flag', credId: 'ZW52', publicKey: pem },
      });
    });

    it('should refuse a partial set, naming where each missing setting could come from', () => {
      expect(() => parseCliArgs(flags, {})).toThrow(
        new MockConfigError(
          '--service-account-public-key (MOCK_SERVICE_ACCOUNT_PUBLIC_KEY) is missing: a service account takes all three of ' +
            '--service-account-token, --service-account-cred-id, --service-account-public-key (MOCK_SERVICE_ACCOUNT_PUBLIC_KEY), or none for the testing one',
        ),
      );
    });

    it('should refuse a file it cannot read, and one that holds no usable public key, naming the flag', () => {
      expect(() => parseCliArgs([...flags, '--service-account-public-key', `${file}.missing`], {})).toThrow(
        /^--service-account-public-key: cannot read .*sa\.pub\.pem\.missing \(ENOENT\): give the path of a PEM file, or the PEM itself$/,
      );
      const privateKey = join(file, '..', 'private.pem');
      writeFileSync(
        privateKey,
        generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      );
      expect(() => parseCliArgs([...flags, '--service-account-public-key', privateKey], {})).toThrow(
        /^--service-account-public-key is not a usable public key/,
      );
      expect(() => parseCliArgs([...flags, '--service-account-public-key', ''], {})).toThrow(
        /^--service-account-public-key must not be empty$/,
      );
    });
  });

  it('should answer --help and -h before reading any value', () => {
    expect(parseCliArgs(['--help'], { PORT: 'nope' })).toEqual({ help: true });
    expect(parseCliArgs(['-h', '--port', 'nope'], {})).toEqual({ help: true });
  });

  it.each([
    [['--port', 'nope'], /^--port must be a port number from 0 to 65535, got "nope"$/],
    [['--port', '65536'], /--port must be a port number/],
    [['--port', '-1'], /--port/],
    [['--port'], /--port/],
    [['--user-action', 'maybe'], /^--user-action must be "required" or "off", got "maybe"$/],
    [['--challenge-ttl-ms', '0'], /^--challenge-ttl-ms must be a positive number of milliseconds, got "0"$/],
    [
      ['--origins', 'http://localhost:5173/'],
      /^--origins: "http:\/\/localhost:5173\/" is not an origin .*did you mean http:\/\/localhost:5173\?$/,
    ],
    [['--origins', 'localhost:5173'], /--origins: "localhost:5173" is not an origin/],
    [['--origins', ' , '], /^--origins must list at least one origin$/],
    [['--token', ''], /^--token must not be empty$/],
    [['--bogus'], /^unknown option --bogus$/],
    [['9000'], /^unexpected argument 9000/],
    [['--help=yes'], /--help/],
  ])('should refuse %j with a MockConfigError saying what is wrong', (args, message) => {
    let thrown: unknown;
    try {
      parseCliArgs(args, {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MockConfigError);
    expect((thrown as Error).message).toMatch(message);
  });

  it('should refuse a bad variable, naming it', () => {
    expect(() => parseCliArgs([], { PORT: 'http' })).toThrow(/^PORT must be a port number/);
    expect(() => parseCliArgs([], { MOCK_ORIGINS: 'http://localhost:5173/' })).toThrow(/^MOCK_ORIGINS: /);
  });

  it('should list every flag it reads in the usage, with its variable', () => {
    const flags = [...USAGE.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((match) => match[1]);
    expect(flags).toEqual([
      'port',
      'origins',
      'rp-id',
      'rp-name',
      'token',
      'user-action',
      'org-id',
      'registration-code',
      'challenge-ttl-ms',
      'service-account-token',
      'service-account-cred-id',
      'service-account-public-key',
      'help',
    ]);
    const value = { port: '1', origins: 'http://a.example', 'user-action': 'off', 'challenge-ttl-ms': '1' };
    // The service account's flags go together: each is tried with the other two as variables.
    const serviceAccountEnv = {
      MOCK_SERVICE_ACCOUNT_TOKEN: 't',
      MOCK_SERVICE_ACCOUNT_CRED_ID: 'Y3JlZA',
      MOCK_SERVICE_ACCOUNT_PUBLIC_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString(),
    };
    const serviceAccountValue = {
      'service-account-cred-id': 'eA',
      'service-account-public-key': serviceAccountEnv.MOCK_SERVICE_ACCOUNT_PUBLIC_KEY,
    };
    for (const flag of flags) {
      if (flag === 'help') continue;
      const given = value[flag as keyof typeof value] ?? serviceAccountValue[flag as keyof typeof serviceAccountValue];
      expect(() => parseCliArgs([`--${flag}=${given ?? 'x'}`], serviceAccountEnv)).not.toThrow();
    }
  });
});
