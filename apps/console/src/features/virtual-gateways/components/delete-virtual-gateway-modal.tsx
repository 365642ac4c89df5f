import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { DELETE_PLAN_TYPE_LABELS, type DeletePlanRun, type DeletePlanStep } from '@meshconsole/model';
import { type ReactElement, useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { links, useFollow } from '../../../lib/links';
import { useGatewayDeletePlan, useRunGatewayDeletePlan } from '../api/delete-plan';
import { useGatewayRouteNames } from '../api/list-gateway-route-names';

export const DELETE_CONSENT_WORD = 'delete';

export interface DeleteTarget {
  name: string;
  resourceOwner: string;
}

export interface DeleteVirtualGatewayModalProps {
  mesh: string;
  meshOwner: string | undefined;
  /** The gateway to delete; the modal is visible while this is set. */
  gateway: DeleteTarget | null;
  /** The caller's account; undefined while the session loads. */
  callerAccountId: string | undefined;
  onDismiss: () => void;
  onConfirm: (name: string) => void;
  /** The gateway and its routes were all deleted through the delete plan. */
  onDeletedWithRoutes?: (name: string) => void;
}

const OUTCOME: Record<
  DeletePlanRun['steps'][number]['outcome'],
  { type: 'success' | 'error' | 'pending'; text: string }
> = {
  deleted: { type: 'success', text: 'Deleted' },
  failed: { type: 'error', text: 'Failed' },
  'not-run': { type: 'pending', text: 'Not deleted' },
};

/** The delete plan's steps, in order, with what became of each once it ran. */
function PlanSteps({ steps, run, running }: { steps: DeletePlanStep[]; run?: DeletePlanRun; running: boolean }) {
  const outcomes = new Map(run?.steps.map((s) => [s.arn, s]));
  return (
    <ol style={{ margin: 0 }} aria-label="Delete plan" data-testid="delete-plan-steps">
      {steps.map((s) => {
        const done = outcomes.get(s.arn);
        const state = done ? OUTCOME[done.outcome] : undefined;
        return (
          <li key={s.arn}>
            <SpaceBetween direction="horizontal" size="xs">
              {[
                <span key="what">
                  {DELETE_PLAN_TYPE_LABELS[s.resourceType]} <b>{s.name}</b>
                </span>,
                running && !done ? (
                  <StatusIndicator key="s" type="in-progress">
                    Deleting
                  </StatusIndicator>
                ) : state ? (
                  <StatusIndicator key="s" type={state.type}>
                    {done?.error ? `${state.text}: ${done.error.message}` : state.text}
                  </StatusIndicator>
                ) : !s.allowed ? (
                  <StatusIndicator key="s" type="stopped">
                    {s.reason ?? 'You may not delete it'}
                  </StatusIndicator>
                ) : null,
              ]}
            </SpaceBetween>
          </li>
        );
      })}
    </ol>
  );
}

/** Why the caller can't delete this gateway, or undefined when they can. */
export function ownerBlockReason(
  resourceOwner: string,
  callerAccountId: string | undefined,
  action: 'delete' | 'edit' = 'delete',
): string | undefined {
  if (callerAccountId === undefined || callerAccountId === resourceOwner) return undefined;
  return `Only the resource owner (account ${resourceOwner}) can ${action} this virtual gateway. You're signed in as account ${callerAccountId}.`;
}

export function DeleteVirtualGatewayModal(props: DeleteVirtualGatewayModalProps) {
  const { gateway, mesh, meshOwner } = props;
  const [typed, setTyped] = useState('');
  const follow = useFollow();
  const routes = useGatewayRouteNames(mesh, meshOwner, gateway?.name ?? '', gateway !== null);
  const hasRoutes = (routes.data ?? []).length > 0;
  const plan = useGatewayDeletePlan(mesh, meshOwner, gateway?.name ?? '', gateway !== null && hasRoutes);
  const runPlan = useRunGatewayDeletePlan(mesh, meshOwner);
  const [lastRun, setLastRun] = useState<DeletePlanRun | undefined>();

  useEffect(() => {
    setTyped('');
    setLastRun(undefined);
  }, [gateway?.name]);

  if (!gateway) return null;

  const ownerReason = ownerBlockReason(gateway.resourceOwner, props.callerAccountId);
  const routeNames = routes.data ?? [];
  const checking = routes.isPending;
  const matches = typed.trim().toLowerCase() === DELETE_CONSENT_WORD;
  const canDelete = !ownerReason && !checking && !routes.isError && !hasRoutes;
  const planSteps = plan.data?.steps ?? [];
  const canRunPlan = hasRoutes && !ownerReason && plan.data !== undefined && !plan.data.blocked && !runPlan.isPending;

  const runWithRoutes = () => {
    if (!canRunPlan || !matches) return;
    runPlan.mutate(
      { name: gateway.name, expect: planSteps.map((s) => s.arn) },
      {
        onSuccess: (run) => {
          setLastRun(run);
          if (run.done) props.onDeletedWithRoutes?.(gateway.name);
          else void plan.refetch(); // a retry runs what is left
        },
        onError: () => void plan.refetch(),
      },
    );
  };

  const submit = () => {
    if (hasRoutes) runWithRoutes();
    else if (canDelete && matches) props.onConfirm(gateway.name);
  };

  /** The typed-"delete" confirmation, for the plain delete and the delete with gateway routes. */
  const confirmForm = (key: string, disabled: boolean) => (
    <form
      key={key}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormField label={`To confirm this deletion, type "${DELETE_CONSENT_WORD}".`}>
        <Input
          value={typed}
          onChange={({ detail }) => setTyped(detail.value)}
          placeholder={DELETE_CONSENT_WORD}
          disabled={disabled}
          ariaRequired
          autoComplete={false}
          data-testid="delete-confirmation-input"
        />
      </FormField>
    </form>
  );

  const body: ReactElement[] = [];
  if (checking) {
    body.push(
      <Box key="checking">
        <Spinner /> Checking whether {gateway.name} has gateway routes
      </Box>,
    );
  } else if (routes.isError) {
    body.push(
      <Alert
        key="routes-error"
        type="error"
        header="Couldn't check for gateway routes"
        action={<Button onClick={() => routes.refetch()}>Retry</Button>}
      >
        {errorMessage(routes.error)}
      </Alert>,
    );
  } else if (hasRoutes) {
    const shownSteps = lastRun && !runPlan.isPending ? lastRun.steps : planSteps;
    body.push(
      <Alert
        key="has-routes"
        type="warning"
        header="This virtual gateway has gateway routes"
        data-testid="delete-blocked-by-routes"
      >
        <SpaceBetween size="xs">
          {[
            <Box key="t" variant="p">
              You can't delete <b>{gateway.name}</b> while it has gateway routes. Delete{' '}
              {routeNames.length === 1 ? 'this gateway route' : `these ${routeNames.length} gateway routes`} first:
            </Box>,
            <ul key="l" style={{ margin: 0 }} aria-label="Gateway routes of this virtual gateway">
              {routeNames.map((route) => (
                <li key={route}>
                  <Link href={links.gatewayRoute(mesh, meshOwner, gateway.name, route)} onFollow={follow}>
                    {route}
                  </Link>
                </li>
              ))}
            </ul>,
          ]}
        </SpaceBetween>
      </Alert>,
      <SpaceBetween key="plan" size="xs">
        {[
          <Box key="h" variant="h3">
            Or delete it with its gateway routes
          </Box>,
          plan.isPending ? (
            <Box key="p">
              <Spinner /> Planning the deletion
            </Box>
          ) : plan.isError ? (
            <Alert key="p" type="error" header="Couldn't plan the deletion">
              {errorMessage(plan.error)}
            </Alert>
          ) : (
            <SpaceBetween key="p" size="xs">
              {[
                <Box key="intro" variant="p">
                  These resources are deleted in this order, one after the other:
                </Box>,
                <PlanSteps key="steps" steps={shownSteps} run={lastRun} running={runPlan.isPending} />,
                plan.data?.blocked ? (
                  <Alert key="blocked" type="error" header="This plan can't run" data-testid="delete-plan-blocked">
                    It includes resources your account can't delete. Nothing will be deleted.
                  </Alert>
                ) : null,
                lastRun && !lastRun.done ? (
                  <Alert key="partial" type="error" header="The deletion stopped" data-testid="delete-plan-partial">
                    {lastRun.steps.filter((s) => s.outcome === 'deleted').length} of {lastRun.steps.length} resources
                    were deleted. Choose Delete with gateway routes again to delete the rest.
                  </Alert>
                ) : null,
                runPlan.isError ? (
                  <Alert key="error" type="error" header="Nothing was deleted">
                    {errorMessage(runPlan.error)}
                  </Alert>
                ) : null,
              ]}
            </SpaceBetween>
          ),
        ]}
      </SpaceBetween>,
      confirmForm('confirm-plan', !canRunPlan && !runPlan.isPending),
    );
  }

  if (ownerReason) {
    body.push(
      <Alert
        key="owner"
        type="info"
        header="You can't delete this virtual gateway"
        data-testid="delete-blocked-by-owner"
      >
        {ownerReason}
      </Alert>,
    );
  }

  if (!hasRoutes) {
    body.push(
      <Box key="question" variant="span">
        Permanently delete virtual gateway <b>{gateway.name}</b>? You can't undo this action.
      </Box>,
      <Alert key="warning" type="warning" statusIconAriaLabel="Warning">
        Envoy proxies configured with this virtual gateway lose their configuration, and clients outside the mesh can no
        longer reach the services behind it.
      </Alert>,
      confirmForm('confirm', !canDelete),
    );
  }

  const footer = (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        {[
          <Button key="cancel" variant="link" onClick={props.onDismiss} data-testid="cancel-delete">
            Cancel
          </Button>,
          ...(hasRoutes
            ? [
                <Button
                  key="delete-with-routes"
                  variant="primary"
                  disabled={!canRunPlan || !matches}
                  disabledReason={ownerReason}
                  loading={runPlan.isPending}
                  onClick={runWithRoutes}
                  data-testid="confirm-delete-with-routes"
                >
                  Delete with gateway routes
                </Button>,
              ]
            : [
                <Button
                  key="delete"
                  variant="primary"
                  disabled={!canDelete || !matches}
                  disabledReason={ownerReason}
                  onClick={submit}
                  data-testid="confirm-delete"
                >
                  Delete
                </Button>,
              ]),
        ]}
      </SpaceBetween>
    </Box>
  );

  return (
    <Modal
      visible
      header="Delete virtual gateway"
      onDismiss={props.onDismiss}
      closeAriaLabel="Close dialog"
      footer={footer}
      data-testid="delete-virtual-gateway-modal"
    >
      <SpaceBetween size="m">{body}</SpaceBetween>
    </Modal>
  );
}
