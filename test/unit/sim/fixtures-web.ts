/** The StatefulSet Basics tutorial's web StatefulSet behind the headless nginx Service. */
export function webManifest(
  options: { replicas?: number; probe?: boolean; publishNotReady?: boolean; storageClass?: string } = {},
): string {
  const probe = options.probe
    ? `
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 5
          failureThreshold: 1`
    : '';
  return `
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels: {app: nginx}
spec:
  clusterIP: None
  publishNotReadyAddresses: ${options.publishNotReady === true ? 'true' : 'false'}
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${options.replicas ?? 3}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        ports: [{containerPort: 80, name: web}]${probe}
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]${
        options.storageClass
          ? `
      storageClassName: ${options.storageClass}`
          : ''
      }
      resources: {requests: {storage: 1Gi}}
`;
}

/** The NFS class of the course's notes: nfs-subdir-external-provisioner, volumes any node can mount. */
export const NFS_STORAGE_CLASS = `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: managed-nfs-storage}
provisioner: k8s-sigs.io/nfs-subdir-external-provisioner
reclaimPolicy: Delete
`;

/** An nginx Deployment named web (pods labelled app=web). */
export function webDeployment(replicas: number): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.16.1"}]
`;
}

/** The two-replica web Deployment. */
export const WEB_DEPLOYMENT = webDeployment(2);

/** A bare pod of one nginx container that requests this much CPU. */
export function cpuPodManifest(name: string, cpu: string): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: app, image: "nginx:1.14.2", resources: {requests: {cpu: "${cpu}"}}}]
`;
}
