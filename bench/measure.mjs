/**
 * Runs one command for the benchmark and measures it: wall time, when each output line came
 * (so a build's phases can be timed from its log), and the peak resident memory of the whole
 * process tree (sampled from /proc every 100 ms; Linux only).
 */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (bytes) of `pid` and all its descendants, from /proc. */
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(Number(entry), pages * 4096);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const next = stack.pop();
    total += rss.get(next) ?? 0;
    stack.push(...(children.get(next) ?? []));
  }
  return total;
}

/**
 * Runs `command args` and resolves with `{ code, ms, peakRss, lines: [{ at, text }] }`.
 * `onLine` sees each line as it arrives (for progress on screen).
 */
export function measure(command, args, { cwd, env, onLine } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    let peakRss = 0;
    const sample = () => {
      peakRss = Math.max(peakRss, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    const collect = (stream) => {
      let rest = '';
      stream.on('data', (chunk) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop();
        for (const raw of parts) {
          const text = stripVTControlCharacters(raw);
          const line = { at: performance.now() - started, text };
          lines.push(line);
          onLine?.(line);
        }
      });
      stream.on('end', () => rest && lines.push({ at: performance.now() - started, text: rest }));
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, ms: performance.now() - started, peakRss, lines });
    });
  });
}

/** The time (ms since start) of the first line matching `pattern` after `from`, or undefined. */
export function lineTime(lines, pattern, from = 0) {
  return lines.find((line) => line.at >= from && pattern.test(line.text))?.at;
}
