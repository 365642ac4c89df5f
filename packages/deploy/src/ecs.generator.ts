import type { DeployArtifact } from './artifact.types';
import { displayQuoted, shellWord } from './file-syntax';
import type { GenerationContext } from './generation-context';

/** Ports Fargate cannot use for the Envoy (it needs listener ports above 1024). */
export function fargateBlockedPorts(ports: readonly number[]): number[] {
  return ports.filter((port) => port <= 1024);
}

export function envoyHealthCheckCommand(adminPort: number): string {
  return `curl -s http://localhost:${adminPort}/server_info | grep state | grep -q LIVE`;
}

export function ecsArtifacts(ctx: GenerationContext): DeployArtifact[] {
  const { id, workloadName } = ctx;
  const fargate = fargateBlockedPorts(ctx.listenerPorts).length === 0;
  const family = `${workloadName}-envoy`;
  const logGroup = `/ecs/appmesh/${workloadName}`;

  const taskDefinition = {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: fargate ? ['FARGATE', 'EC2'] : ['EC2'],
    cpu: '512',
    memory: '1024',
    taskRoleArn: ctx.roleArn,
    executionRoleArn: `arn:${id.partition}:iam::${id.resourceOwner}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      {
        name: 'envoy',
        image: ctx.options.envoyImage,
        essential: true,
        portMappings: ctx.listenerPorts.map((port) => ({ containerPort: port, hostPort: port, protocol: 'tcp' })),
        environment: ctx.env.map((e) => ({ name: e.name, value: e.value })),
        healthCheck: {
          command: ['CMD-SHELL', envoyHealthCheckCommand(ctx.adminPort)],
          interval: 5,
          timeout: 2,
          retries: 3,
          startPeriod: 10,
        },
        ulimits: [{ name: 'nofile', softLimit: 15000, hardLimit: 15000 }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': logGroup,
            'awslogs-region': id.region,
            'awslogs-stream-prefix': 'envoy',
            'awslogs-create-group': 'true',
          },
        },
      },
    ],
  };

  const serviceDefinition = {
    serviceName: workloadName,
    taskDefinition: family,
    desiredCount: ctx.options.replicas,
    launchType: fargate ? 'FARGATE' : 'EC2',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['REPLACE_WITH_SUBNET_ID'],
        securityGroups: ['REPLACE_WITH_SECURITY_GROUP_ID'],
        assignPublicIp: 'DISABLED',
      },
    },
    loadBalancers: [
      {
        targetGroupArn: 'REPLACE_WITH_TARGET_GROUP_ARN',
        containerName: 'envoy',
        containerPort: ctx.primaryPort,
      },
    ],
    healthCheckGracePeriodSeconds: 30,
    deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
  };

  const lbName = `${workloadName}`.slice(0, 28).replace(/-+$/, '');
  const script = [
    '#!/usr/bin/env bash',
    `# Runs the Envoy of virtual gateway ${displayQuoted(id.gatewayName)} (mesh ${displayQuoted(id.meshName)}) as an ECS service behind a`,
    '# Network Load Balancer. Needs the AWS CLI, task-definition.json and service-definition.json beside it.',
    '# Set CLUSTER, VPC_ID, SUBNETS (comma-separated) and SECURITY_GROUPS (comma-separated) first.',
    'set -euo pipefail',
    'for name in CLUSTER VPC_ID SUBNETS SECURITY_GROUPS; do',
    '  [ -n "$(printenv "$name")" ] || { echo "Export $name first." >&2; exit 1; }',
    'done',
    `export AWS_REGION=${shellWord(id.region)}`,
    'cd "$(dirname "$0")"',
    '',
    `LB_ARN=$(aws elbv2 create-load-balancer --name ${shellWord(`${lbName}-nlb`)} --type network --scheme internet-facing \\`,
    '  --subnets $(echo "$SUBNETS" | tr , " ") --query "LoadBalancers[0].LoadBalancerArn" --output text)',
    `TG_ARN=$(aws elbv2 create-target-group --name ${shellWord(`${lbName}-tg`)} --protocol TCP --port ${ctx.primaryPort} \\`,
    '  --target-type ip --vpc-id "$VPC_ID" --query "TargetGroups[0].TargetGroupArn" --output text)',
    `aws elbv2 create-listener --load-balancer-arn "$LB_ARN" --protocol TCP --port ${ctx.primaryPort} \\`,
    '  --default-actions Type=forward,TargetGroupArn="$TG_ARN" > /dev/null',
    '',
    'aws ecs register-task-definition --cli-input-json file://task-definition.json > /dev/null',
    'aws ecs create-service --cluster "$CLUSTER" --cli-input-json file://service-definition.json \\',
    `  --load-balancers "targetGroupArn=$TG_ARN,containerName=envoy,containerPort=${ctx.primaryPort}" \\`,
    '  --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUPS],assignPublicIp=DISABLED}" > /dev/null',
    '',
    'aws elbv2 describe-load-balancers --load-balancer-arns "$LB_ARN" --query "LoadBalancers[0].DNSName" --output text',
    '',
  ].join('\n');

  return [
    {
      id: 'ecs-task-definition',
      target: 'ecs',
      title: 'Task definition',
      filename: 'task-definition.json',
      mediaType: 'application/json',
      content: `${JSON.stringify(taskDefinition, null, 2)}\n`,
    },
    {
      id: 'ecs-service-definition',
      target: 'ecs',
      title: 'Service definition (Network Load Balancer target group)',
      filename: 'service-definition.json',
      mediaType: 'application/json',
      content: `${JSON.stringify(serviceDefinition, null, 2)}\n`,
    },
    {
      id: 'ecs-deploy-script',
      target: 'ecs',
      title: 'Deploy script (load balancer, task definition, service)',
      filename: 'deploy.sh',
      mediaType: 'text/x-shellscript',
      content: script,
    },
  ];
}
