/**
 * The apiserver's validation (pkg/apis/core/validation, pkg/apis/apps/validation): field errors with the exact
 * paths and messages, which `invalid()` renders as the apiserver does.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { FieldError } from '../errors';
import type { KubeObject, Stored } from '../meta';
import { dedupe } from './field';
import { validatePod, validatePodUpdate } from './pod';
import { validateService, validateServiceUpdate } from './service';
import { validateStatefulSet, validateStatefulSetUpdate } from './statefulset';

export * from './field';
export * from './names';
export * from './objectmeta';
export * from './pod';
export * from './service';
export * from './statefulset';

/** A KindStrategy.validate: create-time rules when `old` is undefined, update rules otherwise. */
export type Validator = (obj: KubeObject, old: Stored<KubeObject> | undefined) => FieldError[];

export const validatePodStrategy: Validator = (obj, old) =>
  dedupe(old ? validatePodUpdate(obj as Pod, old as Pod) : validatePod(obj as Pod));

export const validateServiceStrategy: Validator = (obj, old) =>
  dedupe(old ? validateServiceUpdate(obj as Service, old as Service) : validateService(obj as Service));

export const validateStatefulSetStrategy: Validator = (obj, old) =>
  dedupe(
    old ? validateStatefulSetUpdate(obj as StatefulSet, old as StatefulSet) : validateStatefulSet(obj as StatefulSet),
  );
