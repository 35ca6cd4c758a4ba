import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'workload-lab:cell:';

/**
 * A cell's source with the reader's edits kept in localStorage, so they survive reloads and navigation.
 * Returns [source, setSource, reset]. Storage failures (private mode, quota) only lose persistence.
 */
export function useStoredEdit(id: string, original: string): [string, (next: string) => void, () => void] {
  const [source, setSourceState] = useState(original);

  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(PREFIX + id);
      if (saved !== null && saved !== original) setSourceState(saved);
    } catch {
      // storage unavailable: keep the original
    }
  }, [id, original]);

  const setSource = useCallback(
    (next: string) => {
      setSourceState(next);
      try {
        if (next === original) window.localStorage.removeItem(PREFIX + id);
        else window.localStorage.setItem(PREFIX + id, next);
      } catch {
        // storage unavailable
      }
    },
    [id, original],
  );

  const reset = useCallback(() => setSource(original), [original, setSource]);
  return [source, setSource, reset];
}
