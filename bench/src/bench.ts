// `pnpm bench`: every measurement of docs/benchmarks.md, in one run, on this machine: bundle sizes
// against the anchors, what a fresh Vite app downloads, click-to-ceremony latency and React commits in
// Chromium, the mock under load. `pnpm bench --only fresh-app` (repeatable: --only sizes --only mock)
// runs some sections and replaces only those in docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { bundleSizeTable, measureBundleSizes, overCeiling, treeShakingViolations } from './bundleSize.ts';
import { freshAppProblems, freshAppTable, measureFreshApp } from './freshApp.ts';
import { latencyTable, measureLatency } from './latency.ts';
import { measureMockLoad, mockLoadTable } from './mockLoad.ts';

/** A section of the report: its heading and how to measure it. */
interface Section {
  /** The name `--only` takes. */
  id: string;
  /** The heading, after `## `; its leading number may change without losing the section in partial runs. */
  title: string;
  /** Measures, prints nothing: the body (Markdown) and what must make `pnpm bench` fail. */
  measure: () => Promise<{ body: string; problems: string[] }>;
}

/**
 * Why there is no size budget, only ceilings. Kept as text: the floor study it reports was deleted
 * (it was a second implementation of core that every behaviour change had to mirror).
 */
const FLOOR_FINDING = `No budget, only ceilings: the issue's budgets (3.0 kB gzip for the core path, 4.5 kB with the component) cannot hold the behaviour the kit must keep. A floor study (bench/src/floor at commit 5e6ca9a, since deleted) wrote the same behaviour as core's Fido2 path, held to the same behaviour checks, as tersely as two engineers could: 3533 B against core's 4931 B. With every English text replaced by \`x\` it came to 3022 B; without field-by-field validation, 3067 B; with 1–3-word messages, 3456 B; with both, about 2980 B. The smallest hook + component over it (Fido2 only) came to 5763 B against 8635 B. Each row's ceiling (GZIP_CEILINGS in bench/src/bundleSize.ts) fails \`pnpm test\` on growth instead.`;

/** How the rows of what loads later are measured (LazyRow in bench/src/bundleSize.ts). */
const LAZY_ROWS_NOTE =
  '- A row named after a first use ("first …", "loaded on first use") is a chunk the credkit row above it loads later, not at start: that chunk and the chunks it imports statically, gzipped together, less what the start, the mount or an earlier such row already holds (so the recovery-code step\'s row is what it adds to the key kinds, whose crypto it shares). Every chunk `<RegisterCredential>` can load has a row.';

const SECTIONS: readonly Section[] = [
  {
    id: 'sizes',
    title:
      '1. Bundle size (esbuild, minified, gzip -9; react, react-dom, react/jsx-runtime and @tanstack/react-query external)',
    measure: async () => {
      const sizes = await measureBundleSizes();
      const violations = treeShakingViolations(sizes);
      const problems = [
        ...overCeiling(sizes).map((row) => `over its regression ceiling: ${row.name}`),
        ...violations.map(({ name, modules }) => `${name} pulls in ${modules.join(', ')}`),
      ];
      const body = [
        bundleSizeTable(sizes),
        '',
        ...problems.map((problem) => `- **${problem}**`),
        violations.length === 0
          ? '- The Fido2-only bundles hold no key-kind crypto, no recovery-code UI, no ceremony events and no provider names up front (checked from the metafile).'
          : '',
        LAZY_ROWS_NOTE,
        '',
        FLOOR_FINDING,
      ].join('\n');
      return { body, problems };
    },
  },
  {
    id: 'fresh-app',
    title: '2. What a host really downloads (packed packages in a fresh Vite + React app, gzip -9 per file)',
    measure: async () => {
      const result = measureFreshApp();
      return { body: freshAppTable(result), problems: freshAppProblems(result) };
    },
  },
  {
    id: 'latency',
    title: '3–4. Latency in Chromium (virtual authenticator) and React commits per registration',
    measure: async () => ({ body: latencyTable(await measureLatency()), problems: [] }),
  },
  {
    id: 'mock',
    title: '5. Mock backend under load (software authenticator, real HTTP on loopback)',
    measure: async () => ({ body: mockLoadTable(await measureMockLoad()), problems: [] }),
  },
];

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const unknown = (values.only ?? []).filter((id) => !SECTIONS.some((section) => section.id === id));
if (unknown.length > 0) {
  throw new Error(`--only ${unknown.join(', ')}: no such section (${SECTIONS.map(({ id }) => id).join(', ')})`);
}
const selected = SECTIONS.filter((section) => !values.only || values.only.includes(section.id));
const partial = selected.length < SECTIONS.length;

const started = new Date();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
const loadAtStart = loadavg()
  .map((value) => value.toFixed(2))
  .join(' / ');
console.log(`credkit benchmarks — ${machine}; load average ${loadAtStart}\n`);
const day = started.toISOString().slice(0, 10);

const measured = new Map<string, string>();
const problems: string[] = [];
for (const section of selected) {
  const result = await section.measure();
  // A section measured on its own says so: the header describes the last full run.
  const note = partial
    ? `Measured on its own (\`pnpm bench --only ${section.id}\`) on ${day}: ${machine}; load average at the start ${loadAtStart}.\n\n`
    : '';
  const text = `## ${section.title}\n\n${note}${result.body}\n`;
  console.log(text);
  measured.set(section.id, text);
  problems.push(...result.problems);
}

const reportPath = new URL('../../docs/benchmarks.md', import.meta.url);
/** A heading without its number ("2–3. Latency …" → "Latency …"), to find a section whose number changed. */
const unnumbered = (heading: string) => heading.replace(/^[\d–-]+\.\s*/, '');
/** The report's header and its sections, by unnumbered heading, as docs/benchmarks.md has them now. */
function readReport(): { header: string; sections: Map<string, string> } {
  const text = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '';
  const [header = '', ...parts] = text.split(/^## /m);
  const sections = new Map(
    parts.map((part) => [unnumbered(part.slice(0, part.indexOf('\n'))), `## ${part.trimEnd()}\n`] as const),
  );
  return { header, sections };
}

const previous = readReport();
const header = partial
  ? previous.header
  : `# Benchmarks

Measured by \`pnpm bench\` (bench/src/bench.ts) in one run on ${day}: ${machine}; load average at the start ${loadAtStart}. Figures are medians unless a column says otherwise; ratios come from the same run. Re-run on your machine before quoting them elsewhere.

`;
// Sections not measured now keep their text (under today's heading), in today's order.
const body = SECTIONS.flatMap((section) => {
  const text = measured.get(section.id) ?? previous.sections.get(unnumbered(section.title));
  return text === undefined ? [] : [text.replace(/^## .*/, `## ${section.title}`)];
}).join('\n');
writeFileSync(reportPath, `${header.trimEnd()}\n\n${body}`);
// Formatted as `pnpm lint` wants Markdown (Biome pads the tables), so a fresh report passes the lint.
const biome = createRequire(new URL('../../package.json', import.meta.url)).resolve('@biomejs/biome/bin/biome');
execFileSync(process.execPath, [biome, 'format', '--write', reportPath.pathname], { stdio: 'ignore' });
console.log(partial ? `replaced ${[...measured.keys()].join(', ')} in docs/benchmarks.md` : 'wrote docs/benchmarks.md');
for (const problem of problems) console.error(`problem: ${problem}`);
process.exitCode = problems.length ? 1 : 0;
