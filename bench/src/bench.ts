// `pnpm bench`: every measurement of docs/benchmarks.md, in one run. The sections are added one by one.
import { cpus, totalmem } from 'node:os';

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`credkit benchmarks on ${machine}`);
