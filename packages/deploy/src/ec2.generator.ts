import type { DeployArtifact } from './artifact.types';
import { displayQuoted, shellWord, systemdArg, systemdText } from './file-syntax';
import type { GenerationContext } from './generation-context';

/** The `docker run` arguments (after `docker run`), one group per line, shared by the script and the unit. */
function dockerRunArgs(ctx: GenerationContext, detach: boolean): string[][] {
  const groups = [
    detach ? ['--detach', '--restart', 'unless-stopped'] : ['--rm'],
    ['--name', `${ctx.workloadName}-envoy`],
    ['--network', 'host'],
    ['--ulimit', 'nofile=15000:15000'],
    ...ctx.certificateFiles.map((f) => ['--volume', `${f.path}:${f.path}:ro`]),
  ];
  for (const e of ctx.env) groups.push(['--env', `${e.name}=${e.value}`]);
  groups.push([ctx.options.envoyImage]);
  return groups;
}

function argLines(groups: string[][], quote: (value: string) => string): string {
  return groups.map((group) => group.map(quote).join(' ')).join(' \\\n  ');
}

export function ec2Artifacts(ctx: GenerationContext): DeployArtifact[] {
  const { id } = ctx;
  const container = `${ctx.workloadName}-envoy`;

  const run = [
    '#!/usr/bin/env bash',
    `# Runs the Envoy of virtual gateway ${displayQuoted(id.gatewayName)} (mesh ${displayQuoted(id.meshName)}) on this EC2 instance.`,
    "# The instance profile's role needs appmesh:StreamAggregatedResources on the gateway (iam/).",
    `# Envoy listens on ${ctx.listenerPorts.join(', ')} (host network); its admin interface on ${ctx.adminPort}.`,
    '# Run it on several instances behind a Network Load Balancer.',
    'set -euo pipefail',
    `docker run ${argLines(dockerRunArgs(ctx, true), shellWord)}`,
    '',
  ].join('\n');

  const unit = [
    '[Unit]',
    `Description=App Mesh Envoy for virtual gateway ${systemdText(id.gatewayName)}`,
    'After=docker.service network-online.target',
    'Wants=network-online.target',
    'Requires=docker.service',
    '',
    '[Service]',
    'Restart=always',
    'RestartSec=5',
    `ExecStartPre=-/usr/bin/docker rm --force ${systemdArg(container)}`,
    `ExecStartPre=/usr/bin/docker pull ${systemdArg(ctx.options.envoyImage)}`,
    `ExecStart=/usr/bin/docker run ${argLines(dockerRunArgs(ctx, false), systemdArg)}`,
    `ExecStop=/usr/bin/docker stop ${systemdArg(container)}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');

  return [
    {
      id: 'ec2-docker-run',
      target: 'ec2',
      title: 'docker run command',
      filename: 'docker-run.sh',
      mediaType: 'text/x-shellscript',
      content: run,
    },
    {
      id: 'ec2-systemd-unit',
      target: 'ec2',
      title: 'systemd unit',
      filename: `${container}.service`,
      mediaType: 'text/plain',
      content: unit,
    },
  ];
}
