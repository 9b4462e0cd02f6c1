/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's (scripts/ensure-browser.mjs
 * installs it); undefined means "use Playwright's own download".
 */
import { existsSync } from 'node:fs';

export function chromiumPath() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (candidate) => candidate && existsSync(candidate),
  );
}
