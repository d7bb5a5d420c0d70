// The first k positions of a list (0 … count-1) in an order, without sorting all of it: a result page needs ten
// of what may be tens of thousands of matches. The positions are not laid out in an array unless most of them
// are wanted, so ranking a large result allocates only the k it keeps.
export function firstK(count: number, k: number, compare: (a: number, b: number) => number): number[] {
  if (k >= count / 4) {
    const all: number[] = new Array(count);
    for (let i = 0; i < count; i++) all[i] = i;
    return all.sort(compare).slice(0, k);
  }
  // A max-heap of the k best so far, worst on top.
  const heap: number[] = [];
  const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  for (let item = 0; item < count; item++) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (k > 0 && compare(item, heap[0]) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < heap.length && worse(l, top)) top = l;
        if (r < heap.length && worse(r, top)) top = r;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(compare);
}
