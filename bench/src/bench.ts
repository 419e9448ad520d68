// `pnpm bench`: every measurement of docs/benchmarks.md, in one run, on this machine: bundle sizes
// against the anchors, click-to-ceremony latency and React commits in Chromium, the mock under load.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { bundleSizeTable, measureBundleSizes, overCeiling, treeShakingViolations } from './bundleSize.ts';
import { latencyTable, measureLatency } from './latency.ts';
import { measureMockLoad, mockLoadTable } from './mockLoad.ts';

const started = new Date();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
console.log(`credkit benchmarks — ${machine}; load average ${load()}\n`);

const section = (title: string, body: string) => {
  console.log(`## ${title}\n\n${body}\n`);
  return `## ${title}\n\n${body}\n`;
};

const sizes = await measureBundleSizes();
const sizeProblems = [
  ...overCeiling(sizes).map((row) => `over its regression ceiling: ${row.name}`),
  ...treeShakingViolations(sizes).map(({ name, modules }) => `${name} pulls in ${modules.join(', ')}`),
];
/**
 * Why there is no size budget, only ceilings. Kept as text: the floor study it reports was deleted
 * (it was a second implementation of core that every behaviour change had to mirror).
 */
const FLOOR_FINDING = `No budget, only ceilings: the issue's budgets (3.0 kB gzip for the core path, 4.5 kB with the component) cannot hold the behaviour the kit must keep. A floor study (bench/src/floor at commit 5e6ca9a, since deleted) wrote the same behaviour as core's Fido2 path, held to the same behaviour checks, as tersely as two engineers could: 3533 B against core's 4931 B. With every English text replaced by \`x\` it came to 3022 B; without field-by-field validation, 3067 B; with 1–3-word messages, 3456 B; with both, about 2980 B. The smallest hook + component over it (Fido2 only) came to 5763 B against 8635 B. Each row's ceiling (GZIP_CEILINGS in bench/src/bundleSize.ts) fails \`pnpm test\` on growth instead.`;

const sizeSection = section(
  '1. Bundle size (esbuild, minified, gzip -9; react, react-dom, react/jsx-runtime and @tanstack/react-query external)',
  [
    bundleSizeTable(sizes),
    '',
    ...sizeProblems.map((problem) => `- **${problem}**`),
    treeShakingViolations(sizes).length === 0
      ? '- The Fido2-only bundles hold no key-kind crypto and no recovery-code UI (checked from the metafile).'
      : '',
    '',
    FLOOR_FINDING,
  ].join('\n'),
);

const latency = await measureLatency();
const latencySection = section(
  '2–3. Latency in Chromium (virtual authenticator) and React commits per registration',
  latencyTable(latency),
);

const mock = await measureMockLoad();
const mockSection = section(
  '4. Mock backend under load (software authenticator, real HTTP on loopback)',
  mockLoadTable(mock),
);

const report = `# Benchmarks

Measured by \`pnpm bench\` (bench/src/bench.ts) in one run on ${started.toISOString().slice(0, 10)}: ${machine}; load average at the start ${load()}. Figures are medians unless a column says otherwise; ratios come from the same run. Re-run on your machine before quoting them elsewhere.

${sizeSection}
${latencySection}
${mockSection}`;
const reportPath = new URL('../../docs/benchmarks.md', import.meta.url);
writeFileSync(reportPath, report);
// Formatted as `pnpm lint` wants Markdown (Biome pads the tables), so a fresh report passes the lint.
const biome = createRequire(new URL('../../package.json', import.meta.url)).resolve('@biomejs/biome/bin/biome');
execFileSync(process.execPath, [biome, 'format', '--write', reportPath.pathname], { stdio: 'ignore' });
console.log('wrote docs/benchmarks.md');
process.exitCode = sizeProblems.length ? 1 : 0;
