// The real AWS CLI (v1) against a test server: whether it is installed, and a runner with a private
// HOME, config and credentials, signing with the given key.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function awsCliVersion(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('aws', ['--version'], { timeout: 30_000 });
    return { ok: true, version: `${stdout}${stderr}`.trim() };
  } catch {
    return { ok: false, reason: 'aws not on PATH' };
  }
}

export interface AwsCli {
  /** The CLI's home (config, credentials): write input files here. */
  home: string;
  /** `aws appmesh <args> --endpoint-url <url> --output json`, signed with `secret` (the configured one by default). */
  run(args: string[], secret?: string): Promise<{ stdout: string; stderr: string }>;
  /** Like `run`, but the command must fail: its stderr. */
  fails(args: string[]): Promise<string>;
  close(): void;
}

export function awsCli(url: string, accessKeyId: string, secret: string): AwsCli {
  const home = mkdtempSync(join(tmpdir(), 'meshconsole-cli-'));
  // iso8601 renders timestamps the way the product's example output shows them (the CLI v2
  // default; v1 prints epoch seconds unless told).
  writeFileSync(join(home, 'config'), '[default]\ncli_timestamp_format = iso8601\n');
  writeFileSync(join(home, 'credentials'), '');
  const run = (args: string[], withSecret = secret) =>
    execFileAsync('aws', ['appmesh', ...args, '--endpoint-url', url, '--output', 'json'], {
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: withSecret,
        AWS_DEFAULT_REGION: 'us-west-2',
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        PYTHONWARNINGS: 'ignore',
      },
    });
  return {
    home,
    run,
    fails: (args) =>
      run(args).then(
        () => {
          throw new Error(`aws appmesh ${args.join(' ')} succeeded, but it should have failed`);
        },
        (err: { stderr?: string }) => err.stderr ?? '',
      ),
    close: () => rmSync(home, { recursive: true, force: true }),
  };
}
