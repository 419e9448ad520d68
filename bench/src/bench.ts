// `pnpm bench`: every measurement of docs/benchmarks.md, in one run, on this machine: bundle sizes
// against the anchors, click-to-ceremony latency and React commits in Chromium, the mock under load.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { bundleSizeTable, measureBundleSizes, overBudget, overCeiling, treeShakingViolations } from './bundleSize.ts';
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
/** One line per floor-study row: how far it is under its credkit row, and from that row's budget. */
function floorNote(): string {
  return sizes
    .flatMap((floor) => {
      const row = sizes.find((candidate) => candidate.name === floor.floorOf);
      if (!row) return [];
      const budget = row.budgetGzipBytes;
      const verdict =
        budget === undefined
          ? ''
          : floor.gzipBytes > budget
            ? ` and still ${floor.gzipBytes - budget} B over its ${budget} B budget`
            : ` and within its ${budget} B budget`;
      return [
        `- ${floor.name}: ${floor.gzipBytes} B, ${row.gzipBytes - floor.gzipBytes} B under "${row.name}"${verdict} (bench/src/floor/README.md).`,
      ];
    })
    .join('\n');
}

const sizeSection = section(
  '1. Bundle size (esbuild, minified, gzip -9; react, react-dom, react/jsx-runtime and @tanstack/react-query external)',
  [
    bundleSizeTable(sizes),
    '',
    ...overBudget(sizes).map(
      (row) => `- Over the issue's budget: **${row.name}** (${row.gzipBytes} B > ${row.budgetGzipBytes} B).`,
    ),
    floorNote(),
    ...sizeProblems.map((problem) => `- **${problem}**`),
    treeShakingViolations(sizes).length === 0
      ? '- The Fido2-only bundles hold no key-kind crypto and no recovery-code UI (checked from the metafile).'
      : '',
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
