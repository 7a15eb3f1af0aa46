//! Attaching Wikidata item ids from the 2016 cross-check (relations.tsv + names.tsv).
//!
//! The 2017 rows have labels but no ids; the 2016 crawl has ids, labels (German where there is
//! one) and partner pairs, but no coordinates. A place gets an id only where this is
//! unambiguous: its label matches exactly one item's label, or several but only one of them
//! has partners whose labels overlap the place's partners' labels best. An item claimed by two
//! places goes to the one whose partners overlap it most, or to neither on a tie.

use std::collections::{BTreeMap, BTreeSet};

use super::places::Twinnings;
use super::Report;
use crate::core::search::fold;

/// The 2016 extract, indexed.
pub struct QidIndex<'a> {
    by_label: BTreeMap<String, Vec<&'a str>>,
    /// Each item's partners' folded labels.
    partner_labels: BTreeMap<&'a str, BTreeSet<String>>,
    related: BTreeSet<(&'a str, &'a str)>,
}

impl<'a> QidIndex<'a> {
    pub fn new(names: &'a BTreeMap<String, String>, relations: &'a [(String, String)]) -> Self {
        let mut by_label: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (q, label) in names {
            by_label.entry(fold(label)).or_default().push(q);
        }
        let mut partner_labels: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut related = BTreeSet::new();
        for (a, b) in relations {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(label) = names.get(y.as_str()) {
                    partner_labels.entry(x).or_default().insert(fold(label));
                }
                related.insert((x.as_str(), y.as_str()));
            }
        }
        QidIndex {
            by_label,
            partner_labels,
            related,
        }
    }

    /// Whether the 2016 crawl has the two items as partners (either direction).
    pub fn related(&self, a: &str, b: &str) -> bool {
        self.related.contains(&(a, b))
    }

    fn overlap(&self, q: &str, partners: &BTreeSet<String>) -> usize {
        self.partner_labels
            .get(q)
            .map_or(0, |labels| labels.intersection(partners).count())
    }
}

/// The item id of each merged place, where unambiguous. Places whose id came from their own
/// row (a raw `Q…` label) keep it.
pub fn attach(twinnings: &Twinnings, index: &QidIndex, report: &mut Report) -> Vec<Option<String>> {
    let clusters = &twinnings.clusters;
    let names: Vec<BTreeSet<String>> = clusters.iter().map(|c| c.folded_names()).collect();
    let mut partners: Vec<BTreeSet<String>> = vec![BTreeSet::new(); clusters.len()];
    for &(a, b) in twinnings.pairs.keys() {
        partners[a].extend(names[b].iter().cloned());
        partners[b].extend(names[a].iter().cloned());
    }
    // Item → the places claiming it, with how well their partners overlap.
    let mut claims: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, cluster) in clusters.iter().enumerate() {
        if let Some(q) = &cluster.qid {
            claims.entry(q.clone()).or_default().push((i, usize::MAX));
            continue;
        }
        let candidates: BTreeSet<&str> = names[i]
            .iter()
            .filter_map(|n| index.by_label.get(n))
            .flatten()
            .copied()
            .collect();
        let scored: Vec<(&str, usize)> = candidates
            .iter()
            .map(|&q| (q, index.overlap(q, &partners[i])))
            .collect();
        let claim = match scored.as_slice() {
            [] => None,
            [one] => Some(*one),
            several => {
                let best = several.iter().map(|s| s.1).max().unwrap_or(0);
                let top: Vec<_> = several.iter().filter(|s| s.1 == best).collect();
                if best > 0 && top.len() == 1 {
                    Some(*top[0])
                } else {
                    report.skip(
                        "Wikidata id not attached: several items of that label",
                        cluster.label(),
                    );
                    None
                }
            }
        };
        if let Some((q, score)) = claim {
            claims.entry(q.to_string()).or_default().push((i, score));
        }
    }
    let mut ids = vec![None; clusters.len()];
    for (q, claimants) in claims {
        let best = claimants.iter().map(|c| c.1).max().unwrap_or(0);
        let top: Vec<_> = claimants.iter().filter(|c| c.1 == best).collect();
        match top.as_slice() {
            [(i, _)] if claimants.len() == 1 || best > 0 => ids[*i] = Some(q),
            _ => report.skip(
                "Wikidata id not attached: several places claim the item",
                format!("{q} ({} places)", claimants.len()),
            ),
        }
    }
    ids
}
