import { renderFieldError, type ApiError } from '../api/errors';

/**
 * How kubectl's CheckErr prints an apiserver error: `Error from server (Reason): message`, except Invalid, which it
 * rebuilds from the status details: one cause on the same line, several as a bulleted list.
 */
export function formatApiError(err: ApiError): string {
  if (err.reason === 'Invalid' && err.causes && err.causes.length > 0) {
    const prefix = `The ${err.detailsKind ?? ''} "${err.detailsName ?? ''}" is invalid: `;
    if (err.causes.length === 1) return `${prefix}${renderFieldError(err.causes[0])}`;
    return `${prefix}\n${err.causes.map((c) => `* ${renderFieldError(c)}`).join('\n')}`;
  }
  return `Error from server (${err.reason}): ${err.message}`;
}
