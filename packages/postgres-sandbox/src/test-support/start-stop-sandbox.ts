// Child process for the sandbox test: starts a sandbox and stops it at the top level with nothing
// else to keep the process alive (as a benchmark script does), then prints its folder. Node ends
// such a process with exit code 13 when the awaited stop can never finish.
import { startPostgres } from '../postgres-sandbox';

const sandbox = await startPostgres();
await sandbox.stop();
process.stdout.write(`${JSON.stringify({ dir: sandbox.dir })}\n`);
