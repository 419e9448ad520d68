// Click-to-ceremony latency and React commits (issue 7, parts 2 and 3): `<RegisterCredential>` against a
// hand-written page, in Chromium with a virtual authenticator, against one in-process mock backend.
// `npx tsx --conditions=@credkit/source bench/src/latency.ts` prints the table.
import { pathToFileURL } from 'node:url';
import { createMockBackend, DEFAULT_ORG_ID, type MockBackend } from '@credkit/mock-backend';
import { createSoftwareAuthenticator } from '@credkit/mock-backend/testing';
import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
// The e2e suite's choice of Chromium and its flags, so the bench drives the same browser.
import { CHROMIUM_ARGS, findChromium } from '../../e2e/findChromium.mjs';
import type { BenchMarks } from './latencyPages/benchMarks.ts';
import { servePages } from './latencyPages/servePages.ts';

/** Options of {@link measureLatency}. */
export interface LatencyOptions {
  /** Measured registrations per page. @defaultValue 25 */
  runs?: number;
  /** Registrations per page before the measured ones, discarded. @defaultValue 3 */
  warmUpRuns?: number;
}

/** The samples of one page, one per measured registration, milliseconds. */
export interface LatencySamples {
  /** Click → `navigator.credentials.create` called. */
  clickToCreate: number[];
  /** `create()` called → its promise settled: the virtual authenticator's time, for reference. */
  ceremony: number[];
  /** Click → the success is in the DOM (after the `POST /auth/credentials` response). */
  clickToRegistered: number[];
}

/** Median and 90th percentile, milliseconds (commits for renders). */
export interface Spread {
  median: number;
  p90: number;
}

/** The {@link Spread} of each of a page's {@link LatencySamples}. */
export type LatencySpreads = Record<keyof LatencySamples, Spread>;

/** What {@link measureLatency} found. */
export interface LatencyResult {
  runs: number;
  warmUpRuns: number;
  /** The Chromium version the pages ran in. */
  browser: string;
  /** True when the pages were cross-origin isolated (`performance.now()` then has 5 µs, not 100 µs, resolution). */
  crossOriginIsolated: boolean;
  /** `<RegisterCredential>`, challenge prefetched (warm). */
  credkit: LatencySamples & {
    /** Profiler commits of `<RegisterCredential>` from the click to the success, per registration. */
    commits: number[];
    /** Of `commits`, those that rendered (next to) nothing: `actualDuration` under 10 µs, every component bailed out. */
    emptyCommits: number[];
    /** Commits after the success, until the page is ready again (its challenge refetched), per registration. */
    trailingCommits: number[];
    /**
     * Per registration, the phase each commit showed and its render time (`actualDuration`): e.g.
     * `ceremony (0.19 ms), ceremony (0.00 ms), …`; 0.00 ms is a commit in which nothing re-rendered.
     */
    commitPhases: string[];
  };
  /** Hand-written page, challenge fetched in the click. */
  baseline: LatencySamples;
  /** Hand-written page, challenge fetched before the click. */
  baselineWarm: LatencySamples;
  summary: {
    credkit: LatencySpreads & { commits: Spread };
    baseline: LatencySpreads;
    baselineWarm: LatencySpreads;
    /** credkit median / baseline median. */
    ratios: {
      clickToCreate: { baseline: number; baselineWarm: number };
      clickToRegistered: { baseline: number; baselineWarm: number };
    };
  };
}

const TOKEN = 'demo-token';
/** Registrations one user can make here: Chromium refuses more than 64 excludeCredentials (+1 software passkey). */
const MAX_REGISTRATIONS_PER_USER = 63;
/** A commit whose Profiler `actualDuration` is below this rendered (next to) nothing. */
const EMPTY_COMMIT_MS = 0.01;

/**
 * Signs up a new end user (first factor: a software passkey) and returns their bearer token. Each
 * baseline page registers as its own user: Chromium refuses more than 64 `excludeCredentials`, and one
 * user collecting every page's passkeys would pass that within a run.
 */
async function signUpUser(backend: MockBackend, origin: string, username: string): Promise<string> {
  const call = async (path: string, body: unknown, token?: string) => {
    const response = await backend.fetch(
      new Request(`http://mock${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: origin,
          ...(token && { Authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(body),
      }),
    );
    const json = await response.json();
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const init = await call('/auth/registration/init', { orgId: DEFAULT_ORG_ID, username, registrationCode: 'bench' });
  const credentialInfo = await createSoftwareAuthenticator().register({
    challenge: init.challenge,
    rpId: 'localhost',
    origin,
  });
  const registered = await call(
    '/auth/registration/enduser',
    { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName: 'software passkey' } },
    init.temporaryAuthenticationToken,
  );
  return registered.authentication.token;
}

interface BenchPage {
  label: keyof Pick<LatencyResult, 'credkit' | 'baseline' | 'baselineWarm'>;
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
  samples: LatencySamples;
  commits: number[];
  trailingCommits: number[];
  emptyCommits: number[];
  commitPhases: string[];
}

/** One page in its own browser context (its own session), with a virtual platform authenticator. */
async function openPage(
  browser: Browser,
  label: BenchPage['label'],
  url: string,
  instrument: string,
): Promise<BenchPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({ content: instrument });
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.goto(url);
  return {
    label,
    page,
    cdp,
    authenticatorId,
    samples: { clickToCreate: [], ceremony: [], clickToRegistered: [] },
    commits: [],
    trailingCommits: [],
    emptyCommits: [],
    commitPhases: [],
  };
}

/** One registration: click → success, timed in the page. */
async function register(target: BenchPage, name: string, measured: boolean): Promise<void> {
  const { page } = target;
  // The virtual authenticator holds at most 3 resident keys.
  await target.cdp.send('WebAuthn.clearCredentials', { authenticatorId: target.authenticatorId });
  await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
  await page.waitForFunction('window.__benchReady()', undefined, { timeout: 10_000 });
  // Let the typing's commits and any refetch's settle before the clock starts.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
  // A bare mouse click at the button: Locator.click's checks and waits after the click run over CDP
  // while the ceremony runs, and on 2 cores they doubled the virtual authenticator's time.
  const button = await page.getByRole('button', { name: 'Register passkey' }).boundingBox();
  if (!button) throw new Error(`${target.label}: the button is not visible`);
  await page.evaluate('window.__benchReset()');
  const finished = page.evaluate('window.__bench.finished');
  await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
  await finished;
  // Wait out what the registration set off (the credkit page refetches its challenge) before reading the commits.
  await page.waitForFunction('window.__benchReady()', undefined, { timeout: 10_000 });
  const marks = (await page.evaluate(
    '({ click: window.__bench.click, create: window.__bench.create, created: window.__bench.created, done: window.__bench.done, failed: window.__bench.failed, commits: window.__bench.commits })',
  )) as Omit<BenchMarks, 'finished'>;
  if (marks.failed !== undefined) throw new Error(`${target.label}: the registration failed: ${marks.failed}`);
  const { click, create, created, done } = marks;
  if (click === undefined || create === undefined || created === undefined || done === undefined) {
    throw new Error(`${target.label}: missing marks ${JSON.stringify(marks)}`);
  }
  if (!measured) return;
  target.samples.clickToCreate.push(create - click);
  target.samples.ceremony.push(created - create);
  target.samples.clickToRegistered.push(done - click);
  const commits = marks.commits.filter(({ at }) => at >= click && at <= done);
  target.commits.push(commits.length);
  target.emptyCommits.push(commits.filter(({ duration }) => duration < EMPTY_COMMIT_MS).length);
  target.trailingCommits.push(marks.commits.filter(({ at }) => at > done).length);
  target.commitPhases.push(commits.map(({ phase, duration }) => `${phase} (${duration.toFixed(2)} ms)`).join(', '));
}

/** The value at quantile `q` (0–1), interpolated between the two nearest ranks. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = sorted[Math.floor(position)] ?? Number.NaN;
  const high = sorted[Math.ceil(position)] ?? Number.NaN;
  return low + (high - low) * (position - Math.floor(position));
}

function spread(values: readonly number[]): Spread {
  return { median: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

function spreads(samples: LatencySamples): LatencySpreads {
  return {
    clickToCreate: spread(samples.clickToCreate),
    ceremony: spread(samples.ceremony),
    clickToRegistered: spread(samples.clickToRegistered),
  };
}

/**
 * Measures, in Chromium with a virtual authenticator, the time from the click to
 * `navigator.credentials.create` and to the visible success, for `<RegisterCredential>` (challenge
 * prefetched) and for a hand-written page (challenge fetched in the click, and before it), against
 * one in-process mock backend; and counts `<RegisterCredential>`'s React commits per registration.
 * The three pages take turns, run by run, so that drift (the user's growing credential list) hits all alike.
 */
export async function measureLatency(options: LatencyOptions = {}): Promise<LatencyResult> {
  const runs = options.runs ?? 25;
  const warmUpRuns = options.warmUpRuns ?? 3;
  // Every registration adds to the user's excludeCredentials, which Chromium caps at 64.
  if (runs < 1 || warmUpRuns < 0 || runs + warmUpRuns > MAX_REGISTRATIONS_PER_USER) {
    throw new RangeError(`runs + warmUpRuns must be 1 to ${MAX_REGISTRATIONS_PER_USER}, got ${runs} + ${warmUpRuns}`);
  }
  const { origin, instrument, close } = await servePages();
  let mock: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  try {
    // The simple embed of apps/demo/scripts/dev.ts (:8788): the seeded user, user-action signing off.
    const backend = createMockBackend({ origins: [origin], rpId: 'localhost', token: TOKEN, userActionSigning: 'off' });
    mock = await backend.listen({ port: 0, hostname: 'localhost' });
    const api = encodeURIComponent(mock.url);
    const baselineToken = await signUpUser(backend, origin, 'baseline@credkit.dev');
    const baselineWarmToken = await signUpUser(backend, origin, 'baseline-warm@credkit.dev');
    browser = await chromium.launch({ executablePath: findChromium()?.executablePath, args: CHROMIUM_ARGS });
    const pages = [
      await openPage(browser, 'credkit', `${origin}/credkit.html?api=${api}`, instrument),
      await openPage(browser, 'baseline', `${origin}/baseline.html?api=${api}&token=${baselineToken}`, instrument),
      await openPage(
        browser,
        'baselineWarm',
        `${origin}/baseline.html?api=${api}&token=${baselineWarmToken}&warm`,
        instrument,
      ),
    ];
    const isolated = await pages[0]?.page.evaluate('crossOriginIsolated');
    for (let run = 0; run < warmUpRuns + runs; run++) {
      for (const target of pages) await register(target, `bench ${run + 1}`, run >= warmUpRuns);
    }
    const [credkit, baseline, baselineWarm] = pages as [BenchPage, BenchPage, BenchPage];
    const ratio = (of: keyof LatencySamples, to: BenchPage) => median(credkit.samples[of]) / median(to.samples[of]);
    return {
      runs,
      warmUpRuns,
      browser: browser.version(),
      crossOriginIsolated: isolated === true,
      credkit: {
        ...credkit.samples,
        commits: credkit.commits,
        emptyCommits: credkit.emptyCommits,
        trailingCommits: credkit.trailingCommits,
        commitPhases: credkit.commitPhases,
      },
      baseline: baseline.samples,
      baselineWarm: baselineWarm.samples,
      summary: {
        credkit: { ...spreads(credkit.samples), commits: spread(credkit.commits) },
        baseline: spreads(baseline.samples),
        baselineWarm: spreads(baselineWarm.samples),
        ratios: {
          clickToCreate: {
            baseline: ratio('clickToCreate', baseline),
            baselineWarm: ratio('clickToCreate', baselineWarm),
          },
          clickToRegistered: {
            baseline: ratio('clickToRegistered', baseline),
            baselineWarm: ratio('clickToRegistered', baselineWarm),
          },
        },
      },
    };
  } finally {
    await browser?.close();
    await mock?.close();
    await close();
  }
}

const median = (values: readonly number[]) => quantile(values, 0.5);
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;

/** The result as markdown: the latencies per page, the ratios, and the commits per registration. */
export function latencyTable(result: LatencyResult): string {
  const { summary } = result;
  const row = (label: string, s: LatencySpreads) =>
    `| ${label} | ${ms(s.clickToCreate.median)} | ${ms(s.clickToCreate.p90)} | ${ms(s.clickToRegistered.median)} | ${ms(s.clickToRegistered.p90)} | ${ms(s.ceremony.median)} |`;
  const commits = result.credkit.commits;
  return [
    `Chromium ${result.browser}, virtual authenticator (internal, UV), mock backend in-process on loopback; ${result.runs} registrations per page after ${result.warmUpRuns} warm-up runs, the pages taking turns.`,
    '',
    '| page | click → create() median | p90 | click → registered median | p90 | of which create() → settled, median |',
    '| --- | --: | --: | --: | --: | --: |',
    row('credkit `<RegisterCredential>` (challenge prefetched)', summary.credkit),
    row('baseline, challenge fetched in the click', summary.baseline),
    row('baseline, challenge fetched before the click', summary.baselineWarm),
    '',
    '| credkit / baseline (medians) | click → create() | click → registered |',
    '| --- | --: | --: |',
    `| vs challenge fetched in the click | ${times(summary.ratios.clickToCreate.baseline)} | ${times(summary.ratios.clickToRegistered.baseline)} |`,
    `| vs challenge fetched before the click | ${times(summary.ratios.clickToCreate.baselineWarm)} | ${times(summary.ratios.clickToRegistered.baselineWarm)} |`,
    '',
    'The virtual authenticator answers faster when `create()` comes a round trip after the click (the browser is idle again by then) than right after it: this favours the page that fetches its challenge in the click on click → registered.',
    '',
    `React commits of \`<RegisterCredential>\` per registration (click → success, Profiler, React's profiling build): median ${summary.credkit.commits.median}, p90 ${summary.credkit.commits.p90}, range ${Math.min(...commits)}–${Math.max(...commits)}; of which rendered nothing (actualDuration < 10 µs): median ${median(result.credkit.emptyCommits)}; after the success, until the next challenge is in: median ${median(result.credkit.trailingCommits)}.`,
    result.crossOriginIsolated ? '' : '(Pages not cross-origin isolated: `performance.now()` has 100 µs resolution.)',
  ]
    .join('\n')
    .trimEnd();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureLatency();
  console.log(latencyTable(result));
}
