import type { MetricSpec } from 'kubernetes-types/autoscaling/v2';
import { labelSelectorGoString } from '../../api/label-selector-text';

/**
 * The simulated cluster runs no metrics-server and no custom or external metrics adapter (as kind and kubeadm
 * clusters start), so every metric an HPA names fails the way the controller's REST metrics client fails then.
 */
const RESOURCE_API_MISSING =
  'unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';
const CUSTOM_API_MISSING =
  'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';
const EXTERNAL_API_MISSING =
  'unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered';

/** One metric that could not be computed: the event reason, the replica calculator's error and the wrapped one. */
export interface MetricFailure {
  /** The Warning event's reason and the ScalingActive condition's (FailedGetResourceMetric, …). */
  reason: string;
  /** What getUnableComputeReplicaCountCondition records: the replica calculator's error. */
  cause: string;
  /** What computeReplicasForMetric returns: the cause with the metric's context. */
  error: string;
}

/** computeReplicasForMetric for each metric source type, with no metrics API to ask. */
export function metricFailure(spec: MetricSpec, namespace: string): MetricFailure {
  switch (spec.type) {
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const name = source?.name ?? '';
      const cause = `unable to get metrics for resource ${name}: ${RESOURCE_API_MISSING}`;
      const reason = spec.type === 'Resource' ? 'FailedGetResourceMetric' : 'FailedGetContainerResourceMetric';
      return { reason, cause, error: `failed to get ${name} utilization: ${cause}` };
    }
    case 'Pods': {
      const cause = `unable to get metric ${spec.pods?.metric.name ?? ''}: ${CUSTOM_API_MISSING}`;
      return { reason: 'FailedGetPodsMetric', cause, error: `failed to get pods metric value: ${cause}` };
    }
    case 'Object': {
      const object = spec.object;
      const described = object?.describedObject;
      // GetObjectMetricReplicas puts the described object between the metric name and the client's error.
      const cause = `unable to get metric ${object?.metric.name ?? ''}: ${described?.kind ?? ''} on ${namespace} ${described?.name ?? ''}/${CUSTOM_API_MISSING}`;
      const inner =
        object?.target.type === 'AverageValue' ? `failed to get ${object.metric.name} object metric: ${cause}` : cause;
      return { reason: 'FailedGetObjectMetric', cause, error: `failed to get object metric value: ${inner}` };
    }
    default: {
      const external = spec.external;
      const name = external?.metric.name ?? '';
      // The selector is printed with %+v: the generated String() of a *LabelSelector, <nil> without one.
      const selector = external?.metric.selector ? labelSelectorGoString(external.metric.selector) : '<nil>';
      const cause = `unable to get external metric ${namespace}/${name}/${selector}: ${EXTERNAL_API_MISSING}`;
      const error =
        external?.target.averageValue !== undefined
          ? `failed to get ${name} external metric: ${cause}`
          : `failed to get external metric ${name}: ${cause}`;
      return { reason: 'FailedGetExternalMetric', cause, error };
    }
  }
}
