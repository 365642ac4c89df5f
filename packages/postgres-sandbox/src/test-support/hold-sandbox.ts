// Child process for the sandbox test: starts a sandbox, prints its folder and port as JSON, then
// waits to be killed.
import { startPostgres } from '../postgres-sandbox';

const sandbox = await startPostgres();
process.stdout.write(`${JSON.stringify({ dir: sandbox.dir, port: sandbox.port })}\n`);
setInterval(() => {}, 60_000);
