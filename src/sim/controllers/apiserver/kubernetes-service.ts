import type { Service } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../context';

/** How often the apiserver checks that its own Service exists (the controller's EndpointInterval). */
const RECONCILE_INTERVAL_MS = 10_000;

/** The `kubernetes` Service in `default`: the apiserver itself, at the first address of the service range. */
export function kubernetesService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  };
}

/**
 * The apiserver's kubernetes-service controller (pkg/controlplane/controller/kubernetesservice): creates the
 * `kubernetes` Service, and every 10 s creates it again if someone deleted it (`kubectl delete all --all` does).
 */
export class KubernetesServiceController {
  constructor(private readonly ctx: ControllerContext) {
    ctx.store.create(kubernetesService());
    this.scheduleCheck();
  }

  private scheduleCheck(): void {
    this.ctx.clock.after(RECONCILE_INTERVAL_MS, 'apiserver: kubernetes service', () => {
      // CreateOrUpdateMasterServiceIfNeeded
      if (!this.ctx.store.get('Service', 'default', 'kubernetes')) this.ctx.store.create(kubernetesService());
      this.scheduleCheck();
    });
  }
}
