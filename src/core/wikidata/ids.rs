//! Ids for the imported records: readable, unique and the same on every build.

use std::collections::{BTreeMap, BTreeSet};

use super::Places;
use crate::core::import::slug;

/// Gives each new place an id: the slug of its name; where several share it, the most
/// populous keeps it and the others get the country code (`frankfurt-de`), then their GeoNames
/// id or coordinates' rank (`frankfurt-de-2`). Curated ids are taken first.
pub fn assign_places(places: &mut Places) {
    let mut taken: BTreeSet<String> = places.all[..places.curated]
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in places.curated..places.all.len() {
        groups.entry(slug(&places.all[i].name)).or_default().push(i);
    }
    for (base, mut members) in groups {
        // Most populous first; then country and the fixed key, so the order never varies.
        members.sort_by(|&a, &b| {
            let (pa, pb) = (&places.all[a], &places.all[b]);
            let count =
                |p: &crate::core::model::Place| p.population.as_ref().map_or(0, |x| x.count);
            count(pb)
                .cmp(&count(pa))
                .then(pa.country.cmp(&pb.country))
                .then(places.keys[a].cmp(&places.keys[b]))
        });
        for (rank, &i) in members.iter().enumerate() {
            let country = places.all[i].country.to_ascii_lowercase();
            let with_country = format!("{base}-{country}");
            let reference = places.all[i].location.reference.clone();
            let mut candidates = Vec::new();
            if rank == 0 {
                candidates.push(base.clone());
            }
            candidates.push(with_country.clone());
            if let Some(r) = reference {
                candidates.push(format!("{with_country}-{r}"));
            }
            let id = candidates
                .into_iter()
                .find(|c| !taken.contains(c))
                .unwrap_or_else(|| {
                    (2..)
                        .map(|n| format!("{with_country}-{n}"))
                        .find(|c| !taken.contains(c))
                        .unwrap_or_default()
                });
            taken.insert(id.clone());
            places.all[i].id = id;
        }
    }
}

/// A partnership id from its two place ids (`bremen--gdansk`), at most 80 characters with a
/// counter,
/// not yet taken by any link, network, event or source.
pub fn link_id(a: &str, b: &str, taken: &mut BTreeSet<String>) -> String {
    let cut = |s: &str| -> String {
        let part: String = s.chars().take(38).collect();
        part.trim_end_matches('-').to_string()
    };
    let base = if a.len() + b.len() + 2 <= 76 {
        format!("{a}--{b}")
    } else {
        format!("{}--{}", cut(a), cut(b))
    };
    let id = if taken.contains(&base) {
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !taken.contains(c))
            .unwrap_or_default()
    } else {
        base
    };
    taken.insert(id.clone());
    id
}

/// A record id from a fixed base, with a counter where the base is taken.
pub fn link_id_single(base: &str, taken: &mut BTreeSet<String>) -> String {
    let id = if taken.contains(base) {
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !taken.contains(c))
            .unwrap_or_default()
    } else {
        base.to_string()
    };
    taken.insert(id.clone());
    id
}
