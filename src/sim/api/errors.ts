import { qualifiedResource, typeForKind } from './resources';

/** The reasons of metav1.StatusReason that the simulated apiserver returns. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'TooManyRequests'
  | 'InternalError';

/**
 * An error as the apiserver returns it (k8s.io/apimachinery/pkg/api/errors.StatusError). kubectl prints it as
 * `Error from server (<Reason>): <message>`.
 */
export class ApiError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  /** For Invalid: the field errors (StatusDetails.Causes), which kubectl lists one per line. */
  causes?: FieldError[];
  /** For Invalid: the kind named in StatusDetails, e.g. "StatefulSet". */
  detailsKind?: string;
  /** For Invalid: the object's name in StatusDetails. */
  detailsName?: string;

  constructor(reason: StatusReason, code: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = code;
  }
}

function resourceName(kind: string): string {
  const type = typeForKind(kind);
  return type ? qualifiedResource(type) : kind.toLowerCase();
}

/** errors.NewNotFound */
export function notFound(kind: string, name: string): ApiError {
  return new ApiError('NotFound', 404, `${resourceName(kind)} "${name}" not found`);
}

/** errors.NewAlreadyExists */
export function alreadyExists(kind: string, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${resourceName(kind)} "${name}" already exists`);
}

/** errors.NewConflict with the optimistic-concurrency message */
export function conflict(kind: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    409,
    `Operation cannot be fulfilled on ${resourceName(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** A single field error, as field.Error renders it: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export interface FieldError {
  path: string;
  type:
    | 'Invalid value'
    | 'Required value'
    | 'Unsupported value'
    | 'Forbidden'
    | 'Duplicate value'
    | 'Not found'
    | 'Too long';
  /** Already rendered the way field.Error prints the bad value (strings quoted, numbers bare). */
  value?: string;
  detail?: string;
}

export function renderFieldError(e: FieldError): string {
  let out = `${e.path}: ${e.type}`;
  if (
    e.type === 'Invalid value' ||
    e.type === 'Unsupported value' ||
    e.type === 'Duplicate value' ||
    e.type === 'Not found'
  ) {
    out += `: ${e.value ?? '""'}`;
  }
  if (e.detail) out += `: ${e.detail}`;
  return out;
}

/**
 * errors.NewInvalid: the message is `StatefulSet.apps "web" is invalid: <one error>` or `…: [<e1>, <e2>]` (what
 * controllers see, e.g. in FailedCreate events); kubectl prints `The StatefulSet "web" is invalid: …` from the
 * causes instead (see kubectl/api-error.ts).
 */
export function invalid(kind: string, name: string, errs: FieldError[]): ApiError {
  const rendered = errs.map(renderFieldError);
  const body = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  const group = typeForKind(kind)?.group;
  const err = new ApiError('Invalid', 422, `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${body}`);
  err.causes = errs;
  err.detailsKind = kind;
  err.detailsName = name;
  return err;
}
