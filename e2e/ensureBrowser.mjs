// Before the e2e run: make sure a Chromium exists, getting one if it can, or say how to get one.
import { spawnSync } from 'node:child_process';
import { findChromium } from './findChromium.mjs';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {number} timeoutMs
 */
function run(command, args, timeoutMs) {
  console.log(`e2e: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs });
  return result.status === 0;
}

let found = findChromium();
if (!found && process.env.CHROMIUM_PATH) {
  console.error(`e2e: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  process.exit(1);
}
if (!found) {
  console.log('e2e: no Chromium found; trying Playwright’s download.');
  if (run('npx', ['playwright', 'install', 'chromium'], 180_000)) found = findChromium();
}
if (!found && process.getuid?.() === 0 && run('sh', ['-c', 'command -v apt-get'], 5_000)) {
  console.log('e2e: trying Debian’s chromium package.');
  if (run('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'], 600_000)) found = findChromium();
}
if (!found) {
  console.error(
    [
      'e2e: no Chromium to run the browser tests with. Get one, then run the tests again:',
      '  - `npx playwright install chromium` (needs access to Playwright’s download host), or',
      '  - `sudo apt-get install chromium` (Debian/Ubuntu), or',
      '  - set CHROMIUM_PATH to a Chromium or Chrome executable.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`e2e: using ${found.source}${found.executablePath ? ` (${found.executablePath})` : ''}`);
