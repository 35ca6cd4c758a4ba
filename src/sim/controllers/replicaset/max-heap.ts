/**
 * The sift steps of a binary max-heap kept in an array, ordered by `cmp` (the largest at index 0). Both victim
 * scans keep the k smallest pods seen so far in such a heap, so that its top is the one a better pod replaces.
 */

/** Moves the item at the end of `heap` up to its place. */
export function siftUp<T>(heap: T[], cmp: (a: T, b: T) => number): void {
  for (let i = heap.length - 1; i > 0;) {
    const parent = (i - 1) >> 1;
    if (cmp(heap[i], heap[parent]) <= 0) return;
    swap(heap, i, parent);
    i = parent;
  }
}

/** Moves the item at the top of `heap` down to its place. */
export function siftDown<T>(heap: T[], cmp: (a: T, b: T) => number): void {
  for (let i = 0; ;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let largest = i;
    if (l < heap.length && cmp(heap[l], heap[largest]) > 0) largest = l;
    if (r < heap.length && cmp(heap[r], heap[largest]) > 0) largest = r;
    if (largest === i) return;
    swap(heap, i, largest);
    i = largest;
  }
}

function swap<T>(heap: T[], i: number, j: number): void {
  const t = heap[i];
  heap[i] = heap[j];
  heap[j] = t;
}
