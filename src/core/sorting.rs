//! One sort for the page's many small orderings. Every `sort_by` with its own element type or
//! comparator is a copy of the standard library's sort in the wasm (about 4 KB each before
//! compression); these two share a single one, at the cost of a call through a pointer per
//! comparison. Both are stable. The hot sorts of plain integers (the flows' packed keys) stay
//! `sort_unstable`.
//!
//! Likewise sets and maps are built again by inserting rather than taken from: a B-tree's
//! removal (its merging and rebalancing of nodes) is another 1 to 2 KB of the download, gzipped,
//! per element type. The sets and maps taken from here hold a handful of items.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts indices by `cmp`, stably.
pub fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `items` by `cmp`, stably.
pub fn sort_with<T>(items: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// A set built by inserting: `collect` sorts the items first, one more copy of the sort per
/// element type.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// Takes `item` out of `set`, built again without it; whether it was there.
pub fn remove_from<T: Ord>(set: &mut BTreeSet<T>, item: &T) -> bool {
    let had = set.contains(item);
    if had {
        *set = set_of(std::mem::take(set).into_iter().filter(|x| x != item));
    }
    had
}

/// Keeps the entries of `map` that `keep` keeps (asked once per entry, in order), built again
/// from them where any goes.
pub fn retain_entries<K: Ord, V>(map: &mut BTreeMap<K, V>, keep: impl FnMut(&K, &V) -> bool) {
    let mut keep = keep;
    let kept: Vec<bool> = map.iter().map(|(k, v)| keep(k, v)).collect();
    if kept.iter().all(|&k| k) {
        return;
    }
    let mut rebuilt = BTreeMap::new();
    for ((k, v), kept) in std::mem::take(map).into_iter().zip(kept) {
        if kept {
            rebuilt.insert(k, v);
        }
    }
    *map = rebuilt;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_an_item_from_a_set_and_keeps_the_rest_in_order() {
        let mut set = set_of(["b", "a", "c"]);
        assert!(remove_from(&mut set, &"b"));
        assert!(!remove_from(&mut set, &"x"));
        assert_eq!(set.into_iter().collect::<Vec<_>>(), ["a", "c"]);
    }

    #[test]
    fn keeps_the_entries_kept() {
        let mut map: BTreeMap<&str, i32> = [("a", 1), ("b", -2), ("c", 3)].into_iter().collect();
        let mut asked = 0;
        retain_entries(&mut map, |_, v| {
            asked += 1;
            *v > 0
        });
        assert_eq!(asked, 3, "each entry asked once");
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [("a", 1), ("c", 3)]);
    }

    #[test]
    fn sorts_stably_by_the_comparator() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_with(&mut v, &|x, y| x.0.cmp(&y.0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_with(&mut empty, &|x, y| x.cmp(y));
        assert!(empty.is_empty());
    }

    #[test]
    fn a_set_holds_each_item_once_in_order() {
        let set = set_of(["b", "a", "b", "c"]);
        assert_eq!(set.into_iter().collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn sorts_indices_by_what_they_point_to() {
        let keys = ["c", "a", "b", "a"];
        let mut order: Vec<usize> = (0..keys.len()).collect();
        sort_indices(&mut order, &|a, b| keys[a].cmp(keys[b]));
        assert_eq!(order, [1, 3, 2, 0]);
    }
}
