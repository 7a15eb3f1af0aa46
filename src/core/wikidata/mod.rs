//! Building the shipped dataset from the curated records and real open data.
//!
//! `build` reads Wikidata's twinnings (2017), attaches Wikidata ids from a 2016 crawl,
//! matches places to the curated ones and to GeoNames, and adds Eurocities as a network.
//! Everything is a pure function of its inputs and ordered by BTreeMaps and sorts, so the
//! same inputs give the same file byte for byte (`build-dataset --check`).

mod countries;
mod eurocities;
mod geo;
mod ids;
mod places;
mod qids;
mod report;
mod rows;
mod sources;

use std::collections::{BTreeMap, BTreeSet};

pub use countries::iso_code;
pub use geo::{distance_km, in_region};
pub use report::Report;
pub use rows::{End, EuroMember, Extracts, Texts, TwinRow};
pub use sources::{EUROCITIES, WIKIDATA_2016, WIKIDATA_2017};

use crate::core::import::{gazetteer_source, Gazetteer, GAZETTEER_SOURCE};
use crate::core::model::{
    Dataset, Location, Partnership, PartnershipKind, Place, PlaceKind, Population,
};
use crate::core::search::fold;
use places::Cluster;

/// The places of the dataset being built: the curated ones first (their ids fixed), then new
/// ones, whose ids are given at the end (`ids::assign`).
pub(crate) struct Places {
    pub all: Vec<Place>,
    pub curated: usize,
    /// Per place, a tie-breaker for ids: the GeoNames id, else the coordinates.
    pub keys: Vec<String>,
    by_qid: BTreeMap<String, usize>,
    by_name: BTreeMap<String, Vec<usize>>,
}

impl Places {
    fn new(curated: Vec<Place>) -> Places {
        let mut places = Places {
            all: Vec::new(),
            curated: curated.len(),
            keys: Vec::new(),
            by_qid: BTreeMap::new(),
            by_name: BTreeMap::new(),
        };
        for place in curated {
            let key = place.id.clone();
            places.add(place, key);
        }
        places
    }

    fn add(&mut self, place: Place, key: String) -> usize {
        let index = self.all.len();
        self.index(index, &place);
        self.all.push(place);
        self.keys.push(key);
        index
    }

    fn index(&mut self, index: usize, place: &Place) {
        if let Some(q) = &place.wikidata {
            self.by_qid.entry(q.clone()).or_insert(index);
        }
        for name in std::iter::once(&place.name).chain(place.names.values()) {
            let list = self.by_name.entry(fold(name)).or_default();
            if !list.contains(&index) {
                list.push(index);
            }
        }
    }

    /// Sets a place's Wikidata id where it has none and no other place has this one.
    fn give_qid(&mut self, index: usize, q: &str) {
        if self.all[index].wikidata.is_none() && !self.by_qid.contains_key(q) {
            self.all[index].wikidata = Some(q.to_string());
            self.by_qid.insert(q.to_string(), index);
        }
    }

    pub fn by_qid(&self, q: &str) -> Option<usize> {
        self.by_qid.get(q).copied()
    }

    /// Places with one of these folded names, in this country, within 15 km; only the curated
    /// ones where `curated_only`.
    pub fn named_near(
        &self,
        names: &BTreeSet<String>,
        country: &str,
        lat: f64,
        lon: f64,
        curated_only: bool,
    ) -> Vec<usize> {
        let found: BTreeSet<usize> = names
            .iter()
            .filter_map(|n| self.by_name.get(n))
            .flatten()
            .copied()
            .filter(|&i| !curated_only || i < self.curated)
            .filter(|&i| {
                let p = &self.all[i];
                p.country == country
                    && distance_km(lat, lon, p.location.lat, p.location.lon) < geo::SAME_PLACE_KM
            })
            .collect();
        found.into_iter().collect()
    }

    /// Adds a source to a place's list, once.
    pub fn cite(&mut self, index: usize, source: &str) {
        let sources = &mut self.all[index].sources;
        if !sources.iter().any(|s| s == source) {
            sources.push(source.to_string());
        }
    }
}

/// Builds the dataset: the curated records unchanged (a source, Wikidata id or population
/// added where the extracts name the same place or link), then the imported ones by id.
pub fn build(curated: Dataset, extracts: &Extracts, gazetteer: &Gazetteer) -> (Dataset, Report) {
    let mut report = Report::default();
    report.count("twinning rows read", extracts.twinnings.len());
    for line in &extracts.unreadable {
        report.skip("unreadable line", line.clone());
    }
    let twinnings = places::merge(
        &extracts.twinnings,
        &extracts.names_2016,
        gazetteer,
        &mut report,
    );
    let index = qids::QidIndex::new(&extracts.names_2016, &extracts.relations_2016);
    let qids = qids::attach(&twinnings, &index, &mut report);

    // Only partnerships with an end in the region; their places, wherever they are.
    let inside = |c: &Cluster| in_region(c.lat, c.lon);
    let mut kept = Vec::new();
    for (&(a, b), pair) in &twinnings.pairs {
        let (ca, cb) = (&twinnings.clusters[a], &twinnings.clusters[b]);
        if inside(ca) || inside(cb) {
            kept.push((a, b));
        } else {
            report.skip(
                "partnership with no end in the region",
                format!("{} – {}", ca.label(), cb.label()),
            );
        }
        if pair.statements > 2 {
            report.fault(
                "partnership stated more than twice",
                format!("{} – {} ×{}", ca.label(), cb.label(), pair.statements),
            );
        }
    }
    report.count("distinct partnerships touching the region", kept.len());

    let Dataset {
        schema,
        schema_version: _,
        themes,
        mut sources,
        places: curated_places,
        partnerships: mut curated_links,
        mut networks,
        events,
    } = curated;
    let curated_sources = sources.len();
    let mut places = Places::new(curated_places);
    let used: BTreeSet<usize> = kept.iter().flat_map(|&(a, b)| [a, b]).collect();
    let mut place_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut uses_2016 = false;
    for &c in &used {
        let cluster = &twinnings.clusters[c];
        let q = qids[c].as_deref();
        uses_2016 |= q.is_some() && cluster.qid.is_none();
        let target = place_for(&mut places, cluster, q, &mut report);
        place_of.insert(c, target);
    }
    report.count(
        "Wikidata ids attached to places",
        places.all.iter().filter(|p| p.wikidata.is_some()).count(),
    );

    // The links, with curated ones taking in the twinnings of the same two places.
    let mut curated_pair: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (i, link) in curated_links.iter().enumerate() {
        let [a, b] = &link.places;
        curated_pair.insert(sorted(a, b), i);
    }
    let mut new_links: BTreeMap<(usize, usize), bool> = BTreeMap::new();
    for &(a, b) in &kept {
        let (pa, pb) = (place_of[&a], place_of[&b]);
        if pa == pb {
            report.skip(
                "self-link (both ends one curated place)",
                places.all[pa].name.clone(),
            );
            continue;
        }
        if pa < places.curated && pb < places.curated {
            let key = sorted(&places.all[pa].id, &places.all[pb].id);
            if let Some(&i) = curated_pair.get(&key) {
                if !curated_links[i].sources.iter().any(|s| s == WIKIDATA_2017) {
                    curated_links[i].sources.push(WIKIDATA_2017.into());
                }
                report.merge(
                    "curated partnership also in Wikidata",
                    curated_links[i].id.clone(),
                );
                continue;
            }
        }
        let key = (pa.min(pb), pa.max(pb));
        if new_links.contains_key(&key) {
            report.merge(
                "two twinnings joining the same places after matching",
                format!("{} – {}", places.all[pa].name, places.all[pb].name),
            );
            continue;
        }
        let both_ids = match (&places.all[pa].wikidata, &places.all[pb].wikidata) {
            (Some(qa), Some(qb)) => index.related(qa, qb),
            _ => false,
        };
        uses_2016 |= both_ids;
        new_links.insert(key, both_ids);
    }

    let euro = eurocities::network(extracts, gazetteer, &mut places, &mut report);

    // Ids: places first (partnership ids are made of them), in one namespace for links.
    ids::assign_places(&mut places);
    let mut link_ids: BTreeSet<String> = sources
        .iter()
        .map(|s| s.id.clone())
        .chain(curated_links.iter().map(|l| l.id.clone()))
        .chain(networks.iter().map(|n| n.id.clone()))
        .chain(events.iter().map(|e| e.id.clone()))
        .chain([WIKIDATA_2017, WIKIDATA_2016, EUROCITIES, GAZETTEER_SOURCE].map(String::from))
        .collect();
    let mut imported_links = Vec::new();
    for (&(pa, pb), &cross_checked) in &new_links {
        let (a, b) = sorted(&places.all[pa].id, &places.all[pb].id);
        let id = ids::link_id(&a, &b, &mut link_ids);
        let mut link_sources = vec![WIKIDATA_2017.to_string()];
        if cross_checked {
            link_sources.push(WIKIDATA_2016.into());
        }
        imported_links.push(Partnership {
            id,
            places: [a, b],
            kind: PartnershipKind::Twinning,
            since: None,
            until: None,
            themes: vec![],
            summary: BTreeMap::new(),
            sources: link_sources,
        });
    }
    imported_links.sort_by(|x, y| x.id.cmp(&y.id));
    report.count(
        "partnerships cross-checked in the 2016 crawl",
        new_links.values().filter(|&&c| c).count(),
    );

    if let Some((network, euro_source)) = euro {
        let network = network.into_network(&places, &mut link_ids);
        sources.push(euro_source);
        networks.push(network);
    }

    // Sources: the curated ones, then the imported ones by id.
    if !sources.iter().any(|s| s.id == GAZETTEER_SOURCE) {
        sources.push(gazetteer_source());
    }
    sources.push(sources::wikidata_2017());
    if uses_2016 {
        sources.push(sources::wikidata_2016());
    }
    sources[curated_sources..].sort_by(|x, y| x.id.cmp(&y.id));

    let curated_count = places.curated;
    let mut all_places = places.all;
    all_places[curated_count..].sort_by(|x, y| x.id.cmp(&y.id));
    curated_links.extend(imported_links);

    let dataset = Dataset {
        schema,
        schema_version: crate::core::model::SCHEMA_VERSION,
        themes,
        sources,
        places: all_places,
        partnerships: curated_links,
        networks,
        events,
    };
    summarise(&dataset, &mut report);
    (dataset, report)
}

fn sorted(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// The place a merged place of the extract becomes: a curated one where one matches by name,
/// country and distance, else a new one.
fn place_for(
    places: &mut Places,
    cluster: &Cluster,
    q: Option<&str>,
    report: &mut Report,
) -> usize {
    let country = cluster.country.clone().unwrap_or_default();
    let names = cluster.folded_names();
    let curated = places.named_near(&names, &country, cluster.lat, cluster.lon, true);
    if let [one] = curated.as_slice() {
        let one = *one;
        report.merge(
            "Wikidata place matched to a curated place",
            format!("{} = {}", cluster.label(), places.all[one].id),
        );
        places.cite(one, WIKIDATA_2017);
        if let Some(q) = q {
            places.give_qid(one, q);
        }
        if places.all[one].population.is_none() {
            places.all[one].population = population(cluster);
        }
        return one;
    }
    let name = cluster.name();
    let label = cluster.label();
    let mut names_map = BTreeMap::new();
    if !cluster.labels.is_empty() {
        if let Some(english) = english_name(&label, &name) {
            names_map.insert("en".to_string(), english);
        }
    }
    let (location, key) = match &cluster.gazetteer {
        Some(e) => (
            Location {
                lat: e.lat,
                lon: e.lon,
                source: GAZETTEER_SOURCE.into(),
                reference: Some(e.geonameid.to_string()),
                note: None,
            },
            format!("g{:010}", e.geonameid),
        ),
        None => (
            Location {
                lat: cluster.lat,
                lon: cluster.lon,
                source: WIKIDATA_2017.into(),
                reference: None,
                note: None,
            },
            format!("c{:+010.4}{:+010.4}", cluster.lat, cluster.lon),
        ),
    };
    let mut place_sources = vec![WIKIDATA_2017.to_string()];
    if cluster.gazetteer.is_some() {
        place_sources.push(GAZETTEER_SOURCE.into());
    }
    if q.is_some() && cluster.qid.is_none() {
        place_sources.push(WIKIDATA_2016.into());
    }
    let place = Place {
        id: String::new(),
        name,
        names: names_map,
        kind: PlaceKind::Municipality,
        country,
        location,
        parent: None,
        wikidata: None,
        population: population(cluster),
        sources: place_sources,
    };
    let index = places.add(place, key);
    if let Some(q) = q {
        places.give_qid(index, q);
    }
    index
}

/// GeoNames' population where it has one, else the extract's.
fn population(cluster: &Cluster) -> Option<Population> {
    match &cluster.gazetteer {
        Some(e) if e.population > 0 => Some(Population {
            count: e.population,
            source: GAZETTEER_SOURCE.into(),
        }),
        _ => cluster.extract_population.map(|count| Population {
            count,
            source: WIKIDATA_2017.into(),
        }),
    }
}

/// The counts a person checks the result by.
fn summarise(d: &Dataset, report: &mut Report) {
    let by_id: BTreeMap<&str, &Place> = d.places.iter().map(|p| (p.id.as_str(), p)).collect();
    let inside = |id: &str| {
        by_id
            .get(id)
            .is_some_and(|p| in_region(p.location.lat, p.location.lon))
    };
    let places_in = d.places.iter().filter(|p| inside(&p.id)).count();
    report.count("places inside the region", places_in);
    report.count("places beyond the region", d.places.len() - places_in);
    let both = d
        .partnerships
        .iter()
        .filter(|l| inside(&l.places[0]) && inside(&l.places[1]))
        .count();
    let one = d
        .partnerships
        .iter()
        .filter(|l| inside(&l.places[0]) != inside(&l.places[1]))
        .count();
    report.count("partnerships with both ends inside the region", both);
    report.count("partnerships with one end beyond the region", one);
    report.count("partnerships in all", d.partnerships.len());
    report.count(
        "places with a Wikidata id",
        d.places.iter().filter(|p| p.wikidata.is_some()).count(),
    );
    if let Some(n) = d.networks.iter().find(|n| n.id == eurocities::NETWORK_ID) {
        let members_in = n.members.iter().filter(|m| inside(&m.place)).count();
        report.count("Eurocities members inside the region", members_in);
        report.count(
            "Eurocities members beyond the region",
            n.members.len() - members_in,
        );
    }
}

/// Wikidata's English label as the place's English name, where it is one: not the local name
/// again, and not the local name with its administrative kind ("Linköping Municipality",
/// "Gmina Bytów"), which would read "Linköping Municipality (Linköping)" on the map.
pub(crate) fn english_name(label: &str, name: &str) -> Option<String> {
    let (l, n) = (
        crate::core::search::fold(label),
        crate::core::search::fold(name),
    );
    (l != n && !l.contains(&n)).then(|| label.to_string())
}
