// The real Terraform binary with the AWS provider from the machine's filesystem mirror, in a temp
// working folder per scenario. No network: the CLI config file allows the mirror only.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TERRAFORM = process.env.TERRAFORM_PATH ?? '/usr/local/bin/terraform';
export const PLUGIN_MIRROR = process.env.TF_PLUGIN_MIRROR ?? '/opt/tf-plugins';
export const AWS_PROVIDER_VERSION = '5.100.0';
export const REGION = 'us-west-2';

const PROVIDER_DIR = join(PLUGIN_MIRROR, 'registry.terraform.io/hashicorp/aws', AWS_PROVIDER_VERSION);

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; timeout: number }) {
  return new Promise<TerraformResult>((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: err && !stderr ? `${stderr}${err.message}` : String(stderr) });
    });
  });
}

/** Whether the suite can run here: the binary answers and the mirror holds the provider. */
export async function probeTerraform(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  if (!existsSync(TERRAFORM)) return { ok: false, reason: `terraform is not installed at ${TERRAFORM}` };
  const out = await exec(TERRAFORM, ['version', '-json'], { env: { PATH: process.env.PATH }, timeout: 60_000 });
  if (out.code !== 0) return { ok: false, reason: `\`terraform version\` failed: ${out.stderr.trim()}` };
  if (!existsSync(PROVIDER_DIR)) {
    return {
      ok: false,
      reason: `the AWS provider ${AWS_PROVIDER_VERSION} is not in the filesystem mirror ${PLUGIN_MIRROR}`,
    };
  }
  const version = (JSON.parse(out.stdout) as { terraform_version: string }).terraform_version;
  return { ok: true, version };
}

/**
 * The provider block for a meshconsole at `endpoint` (the one the README documents): static keys, every
 * call to AWS that meshconsole does not serve skipped, App Mesh sent to meshconsole.
 */
export function providerBlock(endpoint: string, accessKey = 'AKIDEXAMPLE'): string {
  return `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${AWS_PROVIDER_VERSION}"
    }
  }
}

provider "aws" {
  region                      = "${REGION}"
  access_key                  = "${accessKey}"
  secret_key                  = "example"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  skip_region_validation      = true

  endpoints {
    appmesh = "${endpoint}"
  }
}
`;
}

export interface StateJson {
  values: {
    root_module: { resources: { address: string; type: string; name: string; values: Record<string, unknown> }[] };
  };
}

/** Thrown when a Terraform command ends otherwise than expected: carries Terraform's own output. */
export class TerraformError extends Error {}

function describeRun(args: string[], r: TerraformResult): string {
  const clip = (s: string) => (s.length > 20_000 ? `…${s.slice(-20_000)}` : s);
  return `terraform ${args.join(' ')} exited with ${r.code}\n--- stderr\n${clip(r.stderr)}\n--- stdout\n${clip(r.stdout)}`;
}

/** A Terraform working folder (temp), with its own CLI config, data dir and state. */
export class TerraformDir {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(name: string) {
    this.dir = mkdtempSync(join(tmpdir(), `meshconsole-tf-${name}-`));
    const home = join(this.dir, '.home');
    mkdirSync(home);
    const cliConfig = join(home, 'terraform.rc');
    writeFileSync(
      cliConfig,
      `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(PLUGIN_MIRROR)}
    include = ["registry.terraform.io/hashicorp/aws"]
  }
}
`,
    );
    this.env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_DATA_DIR: join(this.dir, '.terraform'),
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      // The provider must not find credentials or a profile anywhere else on the machine.
      AWS_CONFIG_FILE: join(home, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  /** Writes (or replaces) a file of the configuration. */
  write(file: string, content: string): void {
    writeFileSync(join(this.dir, file), content);
  }

  remove(file: string): void {
    rmSync(join(this.dir, file), { force: true });
  }

  /** Runs `terraform <args>` here (no colour, no input) and answers whatever it ended with. */
  async run(...args: string[]): Promise<TerraformResult> {
    const [command, ...rest] = args;
    const flags = command === 'output' || command === 'state' ? [] : ['-no-color'];
    const full = [command!, ...rest, ...flags];
    return exec(TERRAFORM, full, { cwd: this.dir, env: this.env, timeout: 600_000 });
  }

  /** Runs a command that must succeed (exit 0); otherwise throws with Terraform's output. */
  async ok(...args: string[]): Promise<TerraformResult> {
    const r = await this.run(...args);
    if (r.code !== 0) throw new TerraformError(describeRun(args, r));
    return r;
  }

  /** Runs a command that must end with `code`; otherwise throws with Terraform's output. */
  async expectCode(code: number, ...args: string[]): Promise<TerraformResult> {
    const r = await this.run(...args);
    if (r.code !== code) throw new TerraformError(`expected exit ${code}: ${describeRun(args, r)}`);
    return r;
  }

  init(): Promise<TerraformResult> {
    return this.ok('init', '-input=false');
  }

  apply(): Promise<TerraformResult> {
    return this.ok('apply', '-auto-approve', '-input=false');
  }

  /** `plan -detailed-exitcode` must say there is nothing to do (exit 0), else throws with the plan. */
  planClean(): Promise<TerraformResult> {
    return this.expectCode(0, 'plan', '-detailed-exitcode', '-input=false');
  }

  /** The resource addresses in the state. */
  async stateList(): Promise<string[]> {
    const r = await this.run('state', 'list');
    if (r.code !== 0 && /No state file was found/.test(r.stderr)) return [];
    if (r.code !== 0) throw new TerraformError(describeRun(['state', 'list'], r));
    return r.stdout.split('\n').filter((l) => l.trim() !== '');
  }

  /** `terraform output -json <name>`, parsed. */
  async output<T = unknown>(name: string): Promise<T> {
    const r = await this.ok('output', '-json', name);
    return JSON.parse(r.stdout) as T;
  }

  /** `terraform show -json`: the state's values. */
  async show(): Promise<StateJson> {
    const r = await this.ok('show', '-json');
    return JSON.parse(r.stdout) as StateJson;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
