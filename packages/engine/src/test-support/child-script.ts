// Child processes for the cross-process tests (durability, races): started through tsx, their
// stdout read line by line.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const SUPPORT_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Starts `node --import tsx <script> ...args` (a script in this folder) with line-by-line stdout. */
export function startScript(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(SUPPORT_DIR, script), ...args], {
    cwd: PACKAGE_DIR,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  function waitFor(test: (line: string) => boolean, timeoutMs = 30_000): Promise<string> {
    const found = lines.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; stderr: ${stderr}`)), timeoutMs);
      waiters.push({
        test,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`child exited with ${code}; stderr: ${stderr}`));
      });
    });
  }
  return { child, lines, waitFor, exited, stderr: () => stderr };
}

/** SIGKILL, unless the child has exited already. */
export function killHard(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
