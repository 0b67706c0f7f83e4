import type { KubeObject } from '../types';
import {
  installed,
  object,
  refuses,
  wants,
  type ServiceContext,
} from './ServiceContext';

/** PodDisruptionBudget: allows one disruption when pdb should pass; absent or blocking otherwise. */
export function disruptionBudget(context: ServiceContext): KubeObject[] {
  if (wants(context, 'pdb')) {
    return [
      object(context, 'policy/v1', 'PodDisruptionBudget', context.name, {
        spec: {
          maxUnavailable: 1,
          selector: { matchLabels: context.podSelector },
        },
        status: {
          disruptionsAllowed: 1,
          currentHealthy: 3,
          desiredHealthy: 2,
          expectedPods: 3,
        },
      }),
    ];
  }
  if (refuses(context, 'pdb') && context.random.chance(0.5)) {
    // A budget that blocks every drain: minAvailable equals the replica count.
    const replicas = refuses(context, 'replicas-ha') ? 1 : 3;
    return [
      object(context, 'policy/v1', 'PodDisruptionBudget', context.name, {
        spec: {
          minAvailable: replicas,
          selector: { matchLabels: context.podSelector },
        },
        status: {
          disruptionsAllowed: 0,
          currentHealthy: replicas,
          desiredHealthy: replicas,
          expectedPods: replicas,
        },
      }),
    ];
  }
  return [];
}

/**
 * HPA, KEDA ScaledObject or VPA, agreeing with both autoscaling and replicas-ha: an HPA's
 * minReplicas counts towards replicas-ha, a VPA's does not.
 */
export function autoscalers(context: ServiceContext): KubeObject[] {
  const { name, workloadKind } = context;
  const targetRef = { apiVersion: 'apps/v1', kind: workloadKind, name };
  const singleReplica = refuses(context, 'replicas-ha');
  if (wants(context, 'autoscaling')) {
    if (singleReplica && installed(context, 'VerticalPodAutoscaler')) {
      return [vpa(context, targetRef, 'Auto')];
    }
    if (
      !singleReplica &&
      installed(context, 'ScaledObject') &&
      context.random.chance(0.3)
    ) {
      return [
        object(context, 'keda.sh/v1alpha1', 'ScaledObject', name, {
          spec: {
            scaleTargetRef: { kind: workloadKind, name },
            minReplicaCount: 2,
            maxReplicaCount: 10,
            triggers: [{ type: 'cpu', metadata: { value: '70' } }],
          },
        }),
      ];
    }
    return [
      object(context, 'autoscaling/v2', 'HorizontalPodAutoscaler', name, {
        spec: {
          scaleTargetRef: targetRef,
          minReplicas: singleReplica ? 1 : 2,
          maxReplicas: 10,
        },
      }),
    ];
  }
  if (
    refuses(context, 'autoscaling') &&
    installed(context, 'VerticalPodAutoscaler') &&
    context.random.chance(0.3)
  ) {
    return [vpa(context, targetRef, 'Off')];
  }
  return [];
}

function vpa(
  context: ServiceContext,
  targetRef: Record<string, string>,
  mode: string,
): KubeObject {
  return object(
    context,
    'autoscaling.k8s.io/v1',
    'VerticalPodAutoscaler',
    context.name,
    {
      spec: { targetRef, updatePolicy: { updateMode: mode } },
    },
  );
}
