// `pnpm test:published`: the packages proven as users install them (issue 13). Builds and packs
// @credkit/core, @credkit/react, @credkit/mock-backend and @credkit/names; then, for each example, installs the
// tarballs with npm into a copy of it outside the workspace (so no workspace link and no `@credkit/source`
// condition can stand in for them), type-checks it against their `.d.ts` (skipLibCheck off), builds it,
// and runs its Playwright journey: the example's own tests, written with the packed testing kit
// (`@credkit/mock-backend/playwright`, which starts the mock), or published/<example>.config.ts against
// the packed `credkit-mock` bin.
// A copy is removed on success and kept, for a look, on failure.
import { type SpawnOptions, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../findChromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The packages packed, by folder under packages/. */
const PACKAGES = ['core', 'react', 'mock-backend', 'names'];

/** Limits per step: generous for a cold npm cache on 2 cores, far below CI's 90 minutes. */
const MINUTE = 60_000;

let step = 0;
/** The examples named on the command line (`pnpm test:published delegated`), or all. */
const selected = process.argv.slice(2);
/** The examples, each with its Playwright config `published/<name>.config.ts`. */
const ALL_EXAMPLES: Example[] = [
  {
    name: 'vite-react',
    journey: 'its own tests, with the packed testing kit: the quick start, and a second passkey signed by the first',
    selfTested: true,
    // Its build calls the mock directly.
    buildEnv: (mockUrl) => ({ VITE_DFNS_API_URL: mockUrl }),
  },
  {
    name: 'delegated',
    journey: 'sign up, add a passkey, sign in and recover, all through its own backend',
    // Its build calls its own server (same origin), which calls the mock.
    buildEnv: () => ({}),
  },
];
const EXAMPLES = ALL_EXAMPLES.filter(({ name }) => selected.length === 0 || selected.includes(name));
const STEPS = 2 + 1 + EXAMPLES.length * 4;
const started = Date.now();

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Runs a command to completion, its output shown; throws with the step's name when it fails or overruns. */
function run(command: string, args: string[], options: SpawnOptions & { timeoutMs: number }): Promise<void> {
  const { timeoutMs, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...spawnOptions });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`\`${command} ${args.join(' ')}\` took over ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`\`${command}\` did not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${signal ?? code}`));
    });
  });
}

async function inStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  step += 1;
  console.log(`\npublished [${step}/${STEPS}] ${title}`);
  const since = Date.now();
  try {
    const result = await body();
    console.log(`published [${step}/${STEPS}] done in ${seconds(since)}`);
    return result;
  } catch (error) {
    throw new Error(`step ${step}/${STEPS} (${title}) failed: ${error instanceof Error ? error.message : error}`);
  }
}

/** A port free right now on localhost, for a server started a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The environment of a user's shell: without the `npm_*` settings pnpm and npx export to scripts
 * (`npm_config_local_prefix` would point npm at this workspace), but with a registry, proxy or CA set on purpose.
 */
function userEnv(): NodeJS.ProcessEnv {
  const kept = /^npm_config_(registry|https?_proxy|proxy|noproxy|cafile|strict_ssl|cache)$/i;
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => kept.test(name) || !/^(npm|pnpm)_/i.test(name)),
  );
}

/** An example app under examples/<name>. */
interface Example {
  name: string;
  /** What its Playwright journey does, for the step's title. */
  journey: string;
  /** The environment of its build, given where the mock answers. */
  buildEnv: (mockUrl: string) => NodeJS.ProcessEnv;
  /** It has its own Playwright tests (`npm test`), which start the mock with the packed testing kit. */
  selfTested?: boolean;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, string>;
}

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const work = mkdtempSync(join(tmpdir(), 'credkit-published-'));
const packs = join(work, 'packs');
/** The copy of the example being tested, kept on failure. */
let app = work;

/** Copies the example outside the workspace and installs the tarballs into it with npm, as a user would. */
async function installExample(example: Example, tarballs: { name: string; file: string }[]) {
  cpSync(join(root, 'examples', example.name), app, {
    recursive: true,
    // What an in-place install or build left there is not the example.
    filter: (source) => !/[/\\](node_modules|dist|dist-server|package-lock\.json)$/.test(source),
  });
  mkdirSync(join(app, 'packed'));
  const manifest = readManifest(join(app, 'package.json'));
  for (const { name, file } of tarballs) {
    cpSync(join(packs, file), join(app, 'packed', file));
    const group = manifest.dependencies?.[name] ? manifest.dependencies : manifest.devDependencies;
    if (group?.[name]) group[name] = `file:packed/${file}`;
    // A package the app gets only through the others (@credkit/names): npm must take the tarball too.
    else manifest.overrides = { ...manifest.overrides, [name]: `file:packed/${file}` };
  }
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app, env: userEnv(), timeoutMs: 3 * MINUTE });
}

try {
  await inStep('build the packages', () => run('pnpm', ['build'], { cwd: root, timeoutMs: 2 * MINUTE }));

  const tarballs = await inStep('pack them', async () => {
    await run('pnpm', ['-r', '--filter', './packages/*', 'pack', '--pack-destination', packs], {
      cwd: root,
      timeoutMs: MINUTE,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const made = new Set(readdirSync(packs));
    return PACKAGES.map((dir) => {
      const { name, version } = readManifest(join(root, 'packages', dir, 'package.json'));
      const file = `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
      if (!made.has(file)) throw new Error(`pnpm pack made no ${file} (made: ${[...made].join(', ')})`);
      console.log(`  ${name}@${version}: ${file}`);
      return { name, file };
    });
  });

  await inStep('find a Chromium', () =>
    run('node', ['ensureBrowser.mjs'], { cwd: join(root, 'e2e'), timeoutMs: 10 * MINUTE }),
  );
  // The system one, for the examples' own configs (undefined: Playwright's own).
  const chromium = findChromium()?.executablePath;

  for (const example of EXAMPLES) {
    app = join(work, example.name);
    await inStep(`install them into a copy of examples/${example.name} (${app})`, () =>
      installExample(example, tarballs),
    );

    await inStep(`type-check examples/${example.name} (tsc -b, skipLibCheck off)`, () =>
      run('node_modules/.bin/tsc', ['-b'], { cwd: app, timeoutMs: MINUTE }),
    );

    const appPort = await freePort();
    let mockPort = await freePort();
    while (mockPort === appPort) mockPort = await freePort();
    const mockUrl = `http://localhost:${mockPort}`;
    await inStep(`build examples/${example.name} (vite build, the mock on ${mockUrl})`, () =>
      run('node_modules/.bin/vite', ['build'], {
        cwd: app,
        env: { ...userEnv(), ...example.buildEnv(mockUrl) },
        timeoutMs: MINUTE,
      }),
    );

    await inStep(`${example.journey} (app :${appPort}, mock :${mockPort})`, () =>
      example.selfTested
        ? run('node_modules/.bin/playwright', ['test'], {
            cwd: app,
            env: {
              ...userEnv(),
              CI: 'true',
              APP_PORT: String(appPort),
              MOCK_PORT: String(mockPort),
              ...(chromium && { CHROMIUM_PATH: chromium }),
            },
            timeoutMs: 3 * MINUTE,
          })
        : run('pnpm', ['exec', 'playwright', 'test', '--config', `published/${example.name}.config.ts`], {
            cwd: join(root, 'e2e'),
            env: {
              ...process.env,
              CREDKIT_EXAMPLE_DIR: app,
              CREDKIT_EXAMPLE_PORT: String(appPort),
              CREDKIT_MOCK_PORT: String(mockPort),
            },
            timeoutMs: 3 * MINUTE,
          }),
    );
  }

  rmSync(work, { recursive: true, force: true });
  console.log(
    `\npublished: the packed packages install, type-check, build and run in ${EXAMPLES.length} examples (${seconds(started)})`,
  );
} catch (error) {
  console.error(`\npublished: ${error instanceof Error ? error.message : error}`);
  console.error(`published: the packed app is kept in ${app} (${seconds(started)})`);
  process.exitCode = 1;
}
