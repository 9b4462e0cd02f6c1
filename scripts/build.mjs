#!/usr/bin/env node
/**
 * `npm run build [-- astro build options]`: builds the site with `astro build`, unless nothing it
 * reads changed since the last build into the same output folder (src/integrations/build-inputs.ts
 * says what that covers): then it says so and stops, before Astro starts. `--rebuild` builds
 * anyway, with the caches; Astro's own `--force` (which also clears its content cache) is passed
 * on, and builds anyway too.
 *
 * Astro builds into a staging folder, and the output folder is switched to the new build only
 * when it ended well (src/integrations/atomic-output.ts): a build that fails or is stopped leaves
 * the last one served as it was. One build at a time per output folder (src/integrations/build-lock.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { site } from '../src/config/site.ts';
import { recoverOutput, spareOf, stagingFolderOf, switchOutput } from '../src/integrations/atomic-output.ts';
import { takeLock } from '../src/integrations/build-lock.ts';
import {
  currentInputs,
  environmentSettings,
  forgetInputs,
  fingerprintFiles,
  inputsRecordFile,
  readInputs,
  whyBuild,
  writeInputs,
} from '../src/integrations/build-inputs.ts';
import { scheduleOf } from '../src/loaders/publication.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
const astroArgs = args.filter((arg) => arg !== '--rebuild');
const force = astroArgs.includes('--force');
const outDirArg = astroArgs.findIndex((arg) => arg === '--outDir');
const outDir = path.resolve(outDirArg >= 0 ? astroArgs[outDirArg + 1] : path.join(projectRoot, 'dist'));

try {
  takeLock(outDir, 'output folder');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const recovered = recoverOutput(outDir);
if (recovered) console.log(`${recovered}.`);
const staging = stagingFolderOf(site.cacheDir, outDir);
const shownOut = path.relative(process.cwd(), outDir) || '.';

const started = performance.now();
const { year, month, day } = site.buildDay;
const settings = {
  ...environmentSettings(process.env),
  // Age notices count years to the build's day (in the site's time zone).
  BUILD_DAY: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  ARGUMENTS: JSON.stringify(astroArgs.filter((arg) => arg !== '--force')),
};
const recordFile = inputsRecordFile(site.cacheDir, outDir);
const inputs = currentInputs({ projectRoot, contentDir: site.contentDir, outDir, settings });
const reason = rebuild
  ? 'asked to (--rebuild)'
  : force
    ? 'asked to (--force)'
    : whyBuild(readInputs(recordFile), inputs, { now: Date.now(), next: scheduleOf(site.cacheDir) });
const checked = `${inputs.files.content.count} content files checked in ${Math.round(performance.now() - started)} ms`;

if (!reason) {
  console.log(`Nothing changed since the last build into ${shownOut} (${checked}): it is up to date.`);
  process.exit(0);
}
console.log(`Building: ${reason} (${checked}).`);
// A build that fails or is stopped leaves no record: the next one builds again.
forgetInputs(recordFile);
const stagingArgs = [
  ...astroArgs.filter((_, i) => outDirArg < 0 || (i !== outDirArg && i !== outDirArg + 1)),
  '--outDir',
  staging,
];
const astro = spawnSync(
  process.execPath,
  [path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...stagingArgs],
  { stdio: 'inherit' },
);
if (astro.status !== 0) {
  console.error(`The build did not end well: ${shownOut} was left as the last build made it.`);
  process.exit(astro.status ?? 1);
}
const switching = performance.now();
const switched = switchOutput(staging, outDir);
console.log(
  `Switched ${shownOut} to this build in ${Math.round(performance.now() - switching)} ms: ${switched.copied} file(s) copied, ${switched.removed} removed${switched.madeSpare ? ` (and ${path.basename(spareOf(outDir))} made beside it, for the next switch)` : ''}.`,
);
// What the build read (taken before it started: an edit made during it is seen next time), and
// the output folder as it left it.
writeInputs(recordFile, { ...inputs, output: fingerprintFiles(outDir) });
