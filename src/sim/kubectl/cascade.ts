import type { DeleteOptions } from '../api/store';

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/**
 * GetCascadingFlag: background, foreground or orphan; the old boolean forms still work with a warning
 * (true → background, false → orphan).
 */
export function parseCascade(
  value: string | undefined,
): { policy: NonNullable<DeleteOptions['propagationPolicy']>; warning: string } | { error: string } {
  const v = value ?? 'background';
  if (TRUE.includes(v) || FALSE.includes(v)) {
    const replacement = TRUE.includes(v) ? 'background' : 'orphan';
    return {
      policy: TRUE.includes(v) ? 'Background' : 'Orphan',
      warning: `warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`,
    };
  }
  if (v === 'orphan') return { policy: 'Orphan', warning: '' };
  if (v === 'foreground') return { policy: 'Foreground', warning: '' };
  if (v === 'background') return { policy: 'Background', warning: '' };
  return { error: `error: invalid cascade value (${v}). Must be "background", "foreground", or "orphan"` };
}
