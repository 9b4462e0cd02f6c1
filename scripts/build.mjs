#!/usr/bin/env node
/**
 * `npm run build [-- astro build options]`: builds the site with `astro build`, unless nothing it
 * reads changed since the last build into the same output folder (src/integrations/build-inputs.ts
 * says what that covers): then it says so and stops, before Astro starts. `--rebuild` builds
 * anyway, with the caches; Astro's own `--force` (which also clears its content cache) is passed
 * on, and builds anyway too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { site } from '../src/config/site.ts';
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
  console.log(`Nothing changed since the last build into ${path.relative(process.cwd(), outDir) || '.'} (${checked}): it is up to date.`);
  process.exit(0);
}
console.log(`Building: ${reason} (${checked}).`);
// A build that fails or is stopped leaves no record: the next one builds again.
forgetInputs(recordFile);
const astro = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroArgs], { stdio: 'inherit' });
if (astro.status !== 0) process.exit(astro.status ?? 1);
// What the build read (taken before it started: an edit made during it is seen next time), and
// the output folder as it left it.
writeInputs(recordFile, { ...inputs, output: fingerprintFiles(outDir) });
