//! One sort for the page's many small orderings. Every `sort_by` with its own element type or
//! comparator is a copy of the standard library's sort in the wasm (about 4 KB each before
//! compression); these two share a single one, at the cost of a call through a pointer per
//! comparison. Both are stable. The hot sorts of plain integers (the flows' packed keys) stay
//! `sort_unstable`.

use std::cmp::Ordering;
use std::collections::BTreeSet;

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

#[cfg(test)]
mod tests {
    use super::*;

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
