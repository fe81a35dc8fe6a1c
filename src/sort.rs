//! Stable sorting with one copy of the sorting code. `slice::sort_by_key` and its kin are
//! generic: every call site gets its own copy of the standard library's sort, several kilobytes
//! of wasm each. Here the only generic parts are the key comparison and the final reordering;
//! the merge sort itself runs once, on positions, through a `dyn` comparison. A stable sort's
//! result is fully determined, so this gives exactly what `sort_by_key` gives.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping equal items in their order (as `slice::sort_by_key`).
pub fn by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `compare`, keeping equal items in their order (as `slice::sort_by`).
pub fn by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    // Items often come in order already (mentions in text order): then a stable sort leaves
    // them as they are.
    if items
        .windows(2)
        .all(|pair| compare(&pair[0], &pair[1]) != Ordering::Greater)
    {
        return;
    }
    let mut order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` in their natural order, keeping equal items in their order (as `slice::sort`).
pub fn natural<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// The positions `0..n` in the order that sorts them by `compare`, ties in position order:
/// a merge sort, with an insertion sort for short runs.
fn stable_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    const RUN: usize = 8;
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && compare(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    // The merges' second list, needed only beyond one run (most lists sorted are shorter).
    let mut buffer = if n > RUN { vec![0; n] } else { Vec::new() };
    let mut width = RUN;
    while width < n {
        for (from, into) in order.chunks(2 * width).zip(buffer.chunks_mut(2 * width)) {
            let (left, right) = from.split_at(width.min(from.len()));
            // Runs already in order one after the other are copied as they are.
            if let (Some(&last), Some(&first)) = (left.last(), right.first()) {
                if compare(last, first) != Ordering::Greater {
                    into.copy_from_slice(from);
                    continue;
                }
            }
            let (mut l, mut r) = (0, 0);
            for slot in into.iter_mut() {
                // Take from the right only when it is strictly less: ties keep their order.
                let take_right = l == left.len()
                    || r < right.len() && compare(left[l], right[r]) == Ordering::Greater;
                if take_right {
                    *slot = right[r];
                    r += 1;
                } else {
                    *slot = left[l];
                    l += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// Reorders `items` so that item `i` is the one that was at `order[i]` (`order` is a
/// permutation), following each cycle of the permutation with swaps. Each position placed is
/// marked in `order` itself (as `usize::MAX`), not in a list of its own: a short sort made three
/// allocations.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    const PLACED: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != PLACED {
            let from = std::mem::replace(&mut order[at], PLACED);
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pseudo-random keys with many ties, at lengths around the run and merge boundaries.
        let mut seed = 7u64;
        for n in [0, 1, 2, 7, 8, 9, 16, 17, 31, 100, 257] {
            let items: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|&(k, _)| k);
            let mut got = items.clone();
            by_key(&mut got, |&(k, _)| k);
            assert_eq!(got, want, "should sort {n} items stably by key");
            let mut want = items.clone();
            want.sort_by(|a, b| (a.0 % 4).cmp(&(b.0 % 4)).then(b.0.cmp(&a.0)));
            let mut got = items;
            by(&mut got, |a, b| {
                (a.0 % 4).cmp(&(b.0 % 4)).then(b.0.cmp(&a.0))
            });
            assert_eq!(got, want, "should sort {n} items stably by a comparison");
        }
        // Inputs in order, in ordered runs, and in reverse: the shortcuts for ordered input.
        for n in [2, 9, 17, 40, 100] {
            let shapes: [Vec<(usize, usize)>; 3] = [
                (0..n).map(|i| (i / 3, i)).collect(),
                (0..n).map(|i| ((i % 16) / 2 + 8 * (i / 16), i)).collect(),
                (0..n).map(|i| ((n - i) / 2, i)).collect(),
            ];
            for items in shapes {
                let mut want = items.clone();
                want.sort_by_key(|&(k, _)| k);
                let mut got = items;
                by_key(&mut got, |&(k, _)| k);
                assert_eq!(
                    got, want,
                    "should sort {n} ordered or reversed items stably"
                );
            }
        }
        let mut words = vec!["b", "a", "c", "a"];
        natural(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"], "should sort in natural order");
    }
}
