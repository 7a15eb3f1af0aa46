//! From directed rows to places and pairs: the merging of the 2017 twinnings.
//!
//! The extract has no item ids, so a place is recognised by what the rows say of it: a raw
//! place is one (folded label, coordinates rounded to 0.01°). Raw places are merged when
//! 1. they have the same folded label and lie within 15 km (one item, coordinates sampled
//!    differently, or stated from both sides);
//! 2. one label contains the other word for word ("Gmina Bytów" / "Bytów", "Aarhus
//!    Municipality" / "Aarhus"), they lie within 15 km, and they share most partners (a
//!    municipality and its town, both items twinned with the same towns);
//! 3. they resolve to the same gazetteer entry.
//!
//! Each merged place then gets its country, coordinates and population: from the gazetteer
//! where it knows the place, else from the statements.

use std::collections::{BTreeMap, BTreeSet};

use super::countries::iso_code;
use super::geo::{distance_km, Grid, SAME_PLACE_KM};
use super::rows::{End, TwinRow};
use super::Report;
use crate::core::import::{Gazetteer, GazetteerEntry};
use crate::core::search::fold;

/// A raw place: one label at one (rounded) position, with what the rows state of it.
#[derive(Debug, Clone)]
struct Raw {
    label: String,
    /// The label is an English Wikidata label (not a 2016 label put in for a raw `Q…`).
    english: bool,
    folded: String,
    lat: f64,
    lon: f64,
    /// Mapped country codes with how often each is stated: as a sister, the item's own
    /// country statement; as an origin, the country of the file the row is in, which is less
    /// reliable (denmark.tsv lists Swedish municipalities as origins "in Denmark").
    stated: BTreeMap<String, usize>,
    stated_as_sister: BTreeMap<String, usize>,
    /// Stated country names without an ISO code (Prussia).
    unmapped: BTreeSet<String>,
    population: Option<u64>,
    mentions: usize,
    /// Known for certain where the label was the raw item id.
    qid: Option<String>,
}

/// A merged place of the 2017 extract.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// English labels with how often each is stated, most frequent first in `label()`.
    pub labels: BTreeMap<String, usize>,
    /// Labels that are not English (a 2016 label put in for a raw `Q…` label).
    pub other_labels: BTreeSet<String>,
    pub lat: f64,
    pub lon: f64,
    /// ISO code; `None` where no stated country has one and the gazetteer does not know it.
    pub country: Option<String>,
    /// The gazetteer entry, where it knows the place.
    pub gazetteer: Option<GazetteerEntry>,
    /// The extract's population (of the most stated raw place that has one).
    pub extract_population: Option<u64>,
    /// A Wikidata item known from the rows themselves (a raw `Q…` label).
    pub qid: Option<String>,
    /// How many row ends name this place.
    pub mentions: usize,
}

impl Cluster {
    /// The most frequent English label (ties: the alphabetically first), else another label.
    pub fn label(&self) -> String {
        let mut best: Option<(&String, usize)> = None;
        for (label, &n) in &self.labels {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((label, n));
            }
        }
        best.map(|(l, _)| l.clone())
            .or_else(|| self.other_labels.iter().next().cloned())
            .unwrap_or_default()
    }

    /// The name the place is shown by: the gazetteer's, else the label.
    pub fn name(&self) -> String {
        match &self.gazetteer {
            Some(entry) => entry.name.clone(),
            None => self.label(),
        }
    }

    /// Every name the place goes by, folded.
    pub fn folded_names(&self) -> BTreeSet<String> {
        self.labels
            .keys()
            .chain(&self.other_labels)
            .chain(self.gazetteer.as_ref().map(|g| &g.name))
            .map(|n| fold(n))
            .collect()
    }
}

/// A partnership between two merged places, with how it was stated.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pair {
    /// Rows stating it, in either direction.
    pub statements: usize,
}

/// The merged places and the pairs between them (cluster indices, smaller first).
#[derive(Debug, Default)]
pub struct Twinnings {
    pub clusters: Vec<Cluster>,
    pub pairs: BTreeMap<(usize, usize), Pair>,
}

/// Union-find over indices, the smaller index the root so results do not depend on order.
struct Dsu(Vec<usize>);

impl Dsu {
    fn new(n: usize) -> Dsu {
        Dsu((0..n).collect())
    }
    fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut j = i;
        while self.0[j] != root {
            let next = self.0[j];
            self.0[j] = root;
            j = next;
        }
        root
    }
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return false;
        }
        let (lo, hi) = (a.min(b), a.max(b));
        self.0[hi] = lo;
        true
    }
}

/// A raw `Q123` label: an item without an English label.
fn raw_item(label: &str) -> Option<&str> {
    label
        .strip_prefix('Q')
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|_| label)
}

/// Merges the rows into places and pairs, reporting every row and place left out.
pub fn merge(
    rows: &[TwinRow],
    names_2016: &BTreeMap<String, String>,
    gazetteer: &Gazetteer,
    report: &mut Report,
) -> Twinnings {
    let mut raws: Vec<Raw> = Vec::new();
    let mut by_key: BTreeMap<(String, i64, i64), usize> = BTreeMap::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    let mut directed: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for row in rows {
        let at = format!("{} line {}", row.file, row.line);
        let ends = [(&row.origin, true), (&row.sister, false)];
        let mut resolved = Vec::new();
        for (end, origin) in ends {
            match resolve_end(end, names_2016, &at, report) {
                Some(r) => resolved.push((r, origin)),
                None => break,
            }
        }
        if resolved.len() < 2 {
            continue;
        }
        let mut ids = [0usize; 2];
        for (slot, ((label, english, qid, lat, lon), origin)) in ids.iter_mut().zip(resolved) {
            let end = if origin { &row.origin } else { &row.sister };
            let folded = fold(&label);
            let key = (
                folded.clone(),
                (lat * 100.0).round() as i64,
                (lon * 100.0).round() as i64,
            );
            let index = *by_key.entry(key).or_insert_with(|| {
                raws.push(Raw {
                    label: label.clone(),
                    english,
                    folded,
                    lat,
                    lon,
                    stated: BTreeMap::new(),
                    stated_as_sister: BTreeMap::new(),
                    unmapped: BTreeSet::new(),
                    population: None,
                    mentions: 0,
                    qid: qid.clone(),
                });
                raws.len() - 1
            });
            let raw = &mut raws[index];
            raw.mentions += 1;
            raw.population = raw.population.max(end.population);
            match iso_code(&end.country) {
                Some(code) => {
                    if !origin {
                        *raw.stated_as_sister.entry(code.clone()).or_default() += 1;
                    }
                    *raw.stated.entry(code).or_default() += 1;
                }
                None => {
                    raw.unmapped.insert(end.country.clone());
                }
            }
            *slot = index;
        }
        *directed.entry((ids[0], ids[1])).or_default() += 1;
        edges.push((ids[0], ids[1]));
    }
    for (&(a, b), &n) in &directed {
        if n > 1 {
            report.fault(
                "a row stated again in the same direction (duplicated item)",
                format!("{} → {} ×{n}", raws[a].label, raws[b].label),
            );
        }
    }

    let towns = Towns::new(gazetteer);
    let mut dsu = Dsu::new(raws.len());
    same_label_nearby(&raws, &mut dsu, report);
    let clusters = group(&raws, &mut dsu);
    contained_labels_sharing_partners(&raws, &clusters, &edges, &mut dsu, report);
    let clusters = group(&raws, &mut dsu);
    // Faults are reported for the final places only (below), not for this first pass.
    let scratch = &mut Report::default();
    let resolved: Vec<Cluster> = clusters
        .iter()
        .map(|members| resolve(&raws, members, gazetteer, &towns, scratch))
        .collect();
    // Two merged places that the gazetteer knows as one entry are one place.
    let mut by_entry: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, c) in resolved.iter().enumerate() {
        if let Some(entry) = &c.gazetteer {
            if let Some(&first) = by_entry.get(&entry.geonameid) {
                if dsu.union(clusters[first][0], clusters[i][0]) {
                    report.merge(
                        "same gazetteer entry",
                        format!(
                            "{} + {} = {} (geonames {})",
                            resolved[first].label(),
                            c.label(),
                            entry.name,
                            entry.geonameid
                        ),
                    );
                }
            } else {
                by_entry.insert(entry.geonameid, i);
            }
        }
    }
    let groups = group(&raws, &mut dsu);
    let silent = &mut Report::default();
    let clusters: Vec<Cluster> = groups
        .iter()
        .map(|members| resolve(&raws, members, gazetteer, &towns, silent))
        .collect();
    // The faults found while resolving the final places are the ones to report.
    report.absorb_faults(silent);

    let mut cluster_of = vec![0usize; raws.len()];
    for (c, members) in groups.iter().enumerate() {
        for &r in members {
            cluster_of[r] = c;
        }
    }
    for (c, cluster) in clusters.iter().enumerate() {
        if cluster.country.is_none() {
            let stated: BTreeSet<&String> =
                groups[c].iter().flat_map(|&r| &raws[r].unmapped).collect();
            report.skip(
                "place whose country has no ISO code",
                format!("{} ({:?})", cluster.label(), stated),
            );
        }
    }
    let mut pairs: BTreeMap<(usize, usize), Pair> = BTreeMap::new();
    for &(a, b) in &edges {
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        if ca == cb {
            report.skip(
                "self-link (both ends one place after merging)",
                format!("{} → {}", raws[a].label, raws[b].label),
            );
            continue;
        }
        if clusters[ca].country.is_none() || clusters[cb].country.is_none() {
            report.skip(
                "row with a place whose country has no ISO code",
                format!("{} → {}", raws[a].label, raws[b].label),
            );
            continue;
        }
        pairs
            .entry((ca.min(cb), ca.max(cb)))
            .or_default()
            .statements += 1;
    }
    Twinnings { clusters, pairs }
}

type Resolved = (String, bool, Option<String>, f64, f64);

/// An end's label (a raw `Q…` replaced by its 2016 label) and coordinates, or `None` with the
/// reason reported.
fn resolve_end(
    end: &End,
    names_2016: &BTreeMap<String, String>,
    at: &str,
    report: &mut Report,
) -> Option<Resolved> {
    let (Some(lat), Some(lon)) = (end.lat, end.lon) else {
        report.skip(
            "row with a place without valid coordinates",
            format!("{at}: {}", end.label),
        );
        return None;
    };
    if end.label.trim().is_empty() {
        report.skip("row with a place without a label", at.to_string());
        return None;
    }
    match raw_item(end.label.trim()) {
        None => Some((end.label.trim().to_string(), true, None, lat, lon)),
        Some(item) => match names_2016.get(item) {
            Some(label) => {
                report.fault(
                    "raw Q label named from the 2016 extract",
                    format!("{item} = {label}"),
                );
                Some((label.clone(), false, Some(item.to_string()), lat, lon))
            }
            None => {
                report.skip(
                    "row with a raw Q label the 2016 extract does not name",
                    format!("{at}: {item}"),
                );
                None
            }
        },
    }
}

/// Step 1: the same folded label within 15 km is one place.
fn same_label_nearby(raws: &[Raw], dsu: &mut Dsu, report: &mut Report) {
    let mut grid = Grid::default();
    for (i, r) in raws.iter().enumerate() {
        grid.insert(i, r.lat, r.lon);
    }
    for (i, r) in raws.iter().enumerate() {
        for j in grid.near(r.lat, r.lon, SAME_PLACE_KM) {
            let o = &raws[j];
            if j > i
                && o.folded == r.folded
                && distance_km(r.lat, r.lon, o.lat, o.lon) < SAME_PLACE_KM
                && dsu.union(i, j)
                && (r.lat, r.lon) != (o.lat, o.lon)
            {
                report.merge(
                    "same label within 15 km",
                    format!(
                        "{} ({:.3} {:.3} / {:.3} {:.3})",
                        r.label, r.lat, r.lon, o.lat, o.lon
                    ),
                );
            }
        }
    }
}

/// The raw places of each merged place, groups ordered by their first raw place.
fn group(raws: &[Raw], dsu: &mut Dsu) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..raws.len() {
        groups.entry(dsu.find(i)).or_default().push(i);
    }
    groups.into_values().collect()
}

/// The most mentioned raw place of a group: its coordinates stand for the group's.
fn main_raw(raws: &[Raw], members: &[usize]) -> usize {
    let mut best = members[0];
    for &m in members {
        if raws[m].mentions > raws[best].mentions {
            best = m;
        }
    }
    best
}

/// Whether `short`'s words appear, in order and together, among `long`'s words.
fn contains_words(long: &str, short: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let (long, short) = (words(long), words(short));
    !short.is_empty()
        && short.len() < long.len()
        && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Step 2: a municipality and its town — one label containing the other, within 15 km,
/// sharing at least half the partners of the one with fewer.
fn contained_labels_sharing_partners(
    raws: &[Raw],
    groups: &[Vec<usize>],
    edges: &[(usize, usize)],
    dsu: &mut Dsu,
    report: &mut Report,
) {
    let mut group_of = vec![0usize; raws.len()];
    for (g, members) in groups.iter().enumerate() {
        for &r in members {
            group_of[r] = g;
        }
    }
    let mut partners: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); groups.len()];
    for &(a, b) in edges {
        let (ga, gb) = (group_of[a], group_of[b]);
        partners[ga].insert(gb);
        partners[gb].insert(ga);
    }
    let mut grid = Grid::default();
    let mains: Vec<usize> = groups.iter().map(|m| main_raw(raws, m)).collect();
    for (g, &m) in mains.iter().enumerate() {
        grid.insert(g, raws[m].lat, raws[m].lon);
    }
    for (g, &m) in mains.iter().enumerate() {
        let r = &raws[m];
        for h in grid.near(r.lat, r.lon, SAME_PLACE_KM) {
            let o = &raws[mains[h]];
            if h <= g || distance_km(r.lat, r.lon, o.lat, o.lon) >= SAME_PLACE_KM {
                continue;
            }
            if !(contains_words(&r.folded, &o.folded) || contains_words(&o.folded, &r.folded)) {
                continue;
            }
            let shared = partners[g].intersection(&partners[h]).count();
            let fewer = partners[g].len().min(partners[h].len());
            if shared >= 1 && shared * 2 >= fewer && dsu.union(m, mains[h]) {
                report.merge(
                    "label containing the other within 15 km, sharing partners",
                    format!("{} + {} ({shared} shared partners)", r.label, o.label),
                );
            }
        }
    }
}

/// A merged place's country, position and population, from the gazetteer where it knows the
/// place (a same-named entry within 15 km), else from the statements.
fn resolve(
    raws: &[Raw],
    members: &[usize],
    gazetteer: &Gazetteer,
    towns: &Towns,
    report: &mut Report,
) -> Cluster {
    let main = &raws[main_raw(raws, members)];
    let mut labels: BTreeMap<String, usize> = BTreeMap::new();
    let mut other_labels = BTreeSet::new();
    let mut stated: BTreeMap<String, usize> = BTreeMap::new();
    let mut as_sister: BTreeMap<String, usize> = BTreeMap::new();
    let mut qid = None;
    let mut mentions = 0;
    for &m in members {
        let r = &raws[m];
        if r.english {
            *labels.entry(r.label.clone()).or_default() += r.mentions;
        } else {
            other_labels.insert(r.label.clone());
        }
        for (c, n) in &r.stated {
            *stated.entry(c.clone()).or_default() += n;
        }
        for (c, n) in &r.stated_as_sister {
            *as_sister.entry(c.clone()).or_default() += n;
        }
        qid = qid.or_else(|| r.qid.clone());
        mentions += r.mentions;
    }
    let extract_population = std::iter::once(main.population)
        .chain(members.iter().map(|&m| raws[m].population))
        .flatten()
        .next();
    // The item's own statements (as a sister) first, else the origin files'; the most
    // frequent; ties alphabetically.
    let by_statements = most_frequent(if as_sister.is_empty() {
        &stated
    } else {
        &as_sister
    });
    // A municipality item is often labelled "X Municipality" or "Gmina X" and stands at its
    // town X: the gazetteer is asked for X too (still within 15 km).
    let names: BTreeSet<String> = labels
        .keys()
        .chain(&other_labels)
        .flat_map(|l| [Some(l.clone()), town_of_municipality(l)])
        .flatten()
        .collect();
    let mut entry: Option<(&GazetteerEntry, f64)> = None;
    for name in &names {
        for e in gazetteer.named(name) {
            let d = distance_km(main.lat, main.lon, e.lat, e.lon);
            let better = match entry {
                None => true,
                Some((b, bd)) => d < bd || (d == bd && e.geonameid < b.geonameid),
            };
            if d < SAME_PLACE_KM && better {
                entry = Some((e, d));
            }
        }
    }
    let gazetteer_entry = entry.map(|(e, _)| e.clone());
    let label = labels.keys().next().cloned().unwrap_or_default();
    let country = match (&gazetteer_entry, &by_statements) {
        (Some(e), stated_country) => {
            if stated_country.as_ref().is_some_and(|s| *s != e.country) || stated.len() > 1 {
                report.fault(
                    "stated country contradicts the gazetteer",
                    format!(
                        "{label}: stated {stated:?}, at {} {} ({})",
                        e.name, e.country, e.geonameid
                    ),
                );
            }
            Some(e.country.clone())
        }
        (None, Some(s)) => {
            // Statements only from the origin files, or contradicting each other, are checked
            // against the towns around: where none of the stated country lies within 15 km
            // and one of another does, the coordinates decide.
            let doubtful = as_sister.is_empty() || stated.len() > 1;
            let around = towns.countries_near(main.lat, main.lon);
            match around.first() {
                Some((nearest, _)) if doubtful && !around.iter().any(|(c, _)| c == s) => {
                    report.fault(
                        "stated country contradicts the coordinates",
                        format!("{label}: stated {stated:?}, towns around in {nearest}"),
                    );
                    Some(nearest.clone())
                }
                _ => {
                    if stated.len() > 1 {
                        report.fault(
                            "place stated under several countries",
                            format!("{label}: {stated:?} → {s}"),
                        );
                    }
                    Some(s.clone())
                }
            }
        }
        (None, None) => None,
    };
    let (lat, lon) = match &gazetteer_entry {
        Some(e) => (e.lat, e.lon),
        None => (main.lat, main.lon),
    };
    Cluster {
        labels,
        other_labels,
        lat,
        lon,
        country,
        gazetteer: gazetteer_entry,
        extract_population,
        qid,
        mentions,
    }
}

/// "Linköping Municipality", "Gmina Bytów", "Municipality of Tryavna" → the town's name.
fn town_of_municipality(label: &str) -> Option<String> {
    let trimmed = label.trim();
    ["Gmina ", "Municipality of ", "Commune of "]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .or_else(|| {
            [" Municipality", " municipality", " Kommune", " kommun"]
                .iter()
                .find_map(|s| trimmed.strip_suffix(s))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
}

/// The key stated most often (ties: the alphabetically first).
fn most_frequent(counts: &BTreeMap<String, usize>) -> Option<String> {
    let mut best: Option<(&String, usize)> = None;
    for (key, &n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((key, n));
        }
    }
    best.map(|(k, _)| k.clone())
}

/// The gazetteer's towns by position, to tell the country that coordinates lie in.
struct Towns<'g> {
    entries: Vec<&'g GazetteerEntry>,
    grid: Grid,
}

impl<'g> Towns<'g> {
    fn new(gazetteer: &'g Gazetteer) -> Towns<'g> {
        let entries = gazetteer.by_population();
        let mut grid = Grid::default();
        for (i, e) in entries.iter().enumerate() {
            grid.insert(i, e.lat, e.lon);
        }
        Towns { entries, grid }
    }

    /// The countries of the towns within 15 km, nearest first, each once.
    fn countries_near(&self, lat: f64, lon: f64) -> Vec<(String, f64)> {
        let mut found: BTreeMap<String, f64> = BTreeMap::new();
        for i in self.grid.near(lat, lon, SAME_PLACE_KM) {
            let e = self.entries[i];
            let d = distance_km(lat, lon, e.lat, e.lon);
            if d < SAME_PLACE_KM {
                let best = found.entry(e.country.clone()).or_insert(d);
                *best = best.min(d);
            }
        }
        let mut list: Vec<(String, f64)> = found.into_iter().collect();
        list.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::contains_words;

    #[test]
    fn word_containment() {
        assert!(contains_words("gmina bytow", "bytow"));
        assert!(contains_words("aarhus municipality", "aarhus"));
        assert!(!contains_words("bytow", "bytow"));
        assert!(!contains_words("frankfurter", "frankfurt"));
    }
}
