//! Synthetic datasets for benchmarks: valid, deterministic for a seed, and shaped like the
//! real thing. Places are real towns of the region from the GeoNames extract, larger towns
//! more often; links join them with several themes each and years spread over decades;
//! networks have up to 50 members.

use std::collections::BTreeSet;

use super::date::PartialDate;
use super::import::{gazetteer_source, slug, Gazetteer, GAZETTEER_SOURCE};
use super::model::{
    Dataset, Event, HostRole, Location, Member, Network, NetworkHost, NetworkKind, Partnership,
    PartnershipKind, Place, PlaceKind, Source, Theme,
};

/// SplitMix64: a tiny generator whose sequence for a seed is fixed forever, which a benchmark
/// needs more than statistical finesse (crates' generators may change between versions).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub places: usize,
    /// Partnerships, networks and meetings together: what the map's summary counts as links.
    pub links: usize,
    pub seed: u64,
}

/// A dataset of `shape`, its themes taken from `vocabulary` (the shipped dataset's).
pub fn generate(
    shape: Shape,
    gazetteer: &Gazetteer,
    vocabulary: &[Theme],
) -> Result<Dataset, String> {
    let mut random = Random(shape.seed);
    let towns = gazetteer.by_population();
    if towns.len() < shape.places || shape.places < 2 {
        return Err(format!(
            "the gazetteer has {} places; asked for {}",
            towns.len(),
            shape.places
        ));
    }
    if vocabulary.is_empty() {
        return Err("no themes to draw from".into());
    }
    // Larger towns more often: draw from the three times as many largest towns.
    let pool = &towns[..(shape.places * 3).min(towns.len())];
    let mut chosen = BTreeSet::new();
    while chosen.len() < shape.places {
        chosen.insert(random.below(pool.len()));
    }
    let source = "synthetic".to_string();
    let places: Vec<Place> = chosen
        .into_iter()
        .map(|i| {
            let town = pool[i];
            Place {
                id: format!("{}-{}", slug(&town.name), town.geonameid),
                name: town.name.clone(),
                names: Default::default(),
                kind: PlaceKind::Municipality,
                country: town.country.clone(),
                location: Location {
                    lat: town.lat,
                    lon: town.lon,
                    source: GAZETTEER_SOURCE.into(),
                    reference: Some(town.geonameid.to_string()),
                    note: None,
                },
                parent: None,
                wikidata: None,
                population: (town.population > 0).then(|| super::model::Population {
                    count: town.population,
                    source: GAZETTEER_SOURCE.into(),
                }),
                sources: vec![source.clone()],
            }
        })
        .collect();

    let themes = |random: &mut Random| -> Vec<String> {
        let n = 1 + random.below(4);
        let mut picked = BTreeSet::new();
        while picked.len() < n.min(vocabulary.len()) {
            picked.insert(vocabulary[random.below(vocabulary.len())].id.clone());
        }
        picked.into_iter().collect()
    };
    let period = |random: &mut Random| -> (Option<PartialDate>, Option<PartialDate>) {
        if random.chance(20) {
            return (None, None); // as in real data, many years are not given
        }
        let since = 1950 + random.below(75) as i32;
        let until = random
            .chance(10)
            .then(|| since + 1 + random.below(20) as i32);
        (Some(PartialDate::year(since)), until.map(PartialDate::year))
    };
    let summary = |text: String| [("en".to_string(), text)].into();
    let place = |random: &mut Random| places[random.below(places.len())].id.clone();

    let network_count = shape.links / 500;
    let event_count = shape.links / 1000;
    let partnership_count = shape.links.saturating_sub(network_count + event_count);

    let mut partnerships = Vec::with_capacity(partnership_count);
    for n in 0..partnership_count {
        let a = place(&mut random);
        let mut b = place(&mut random);
        while b == a {
            b = place(&mut random);
        }
        let kind = match random.below(100) {
            0..=69 => PartnershipKind::Twinning,
            70..=79 => PartnershipKind::Friendship,
            80..=94 => PartnershipKind::CooperationAgreement,
            _ => PartnershipKind::ProjectPartnership,
        };
        let (since, until) = period(&mut random);
        partnerships.push(Partnership {
            id: format!("p{n}"),
            places: [a, b],
            kind,
            since,
            until,
            themes: themes(&mut random),
            summary: summary(format!("Synthetic partnership {n}.")),
            sources: vec![source.clone()],
        });
    }

    let mut networks = Vec::with_capacity(network_count);
    for n in 0..network_count {
        let size = 3 + random.below(48);
        let mut members = BTreeSet::new();
        while members.len() < size.min(places.len()) {
            members.insert(place(&mut random));
        }
        let mut members: Vec<String> = members.into_iter().collect();
        let host = members.remove(random.below(members.len()));
        let (since, until) = period(&mut random);
        networks.push(Network {
            id: format!("n{n}"),
            name: format!("Synthetic network {n}"),
            kind: if random.chance(50) {
                NetworkKind::CityNetwork
            } else {
                NetworkKind::Programme
            },
            host: Some(NetworkHost {
                place: host,
                role: HostRole::Secretariat,
            }),
            members: members
                .into_iter()
                .map(|place| Member {
                    place,
                    since: None,
                    until: None,
                    role: None,
                })
                .collect(),
            member_counts: Vec::new(),
            since,
            until,
            themes: themes(&mut random),
            summary: summary(format!("Synthetic network {n}.")),
            sources: vec![source.clone()],
        });
    }

    let mut events = Vec::with_capacity(event_count);
    for n in 0..event_count {
        let host = place(&mut random);
        let participants: BTreeSet<String> = (0..1 + random.below(6))
            .map(|_| place(&mut random))
            .filter(|p| *p != host)
            .collect();
        events.push(Event {
            id: format!("e{n}"),
            title: format!("Synthetic meeting {n}"),
            start: PartialDate::year(1990 + random.below(35) as i32),
            end: None,
            host: Some(host),
            venue: None,
            online: false,
            participants: participants.into_iter().collect(),
            themes: themes(&mut random),
            part_of: Vec::new(),
            summary: summary(format!("Synthetic meeting {n}.")),
            sources: vec![source.clone()],
        });
    }

    let sources = vec![
        Source {
            id: source,
            title: format!("Synthetic data for benchmarks (seed {})", shape.seed),
            publisher: None,
            date: None,
            language: "en".into(),
            url: None,
            publisher_url: None,
            licence: None,
            note: Some(
                "Made by `partnermap generate`: the places are real, the links are not.".into(),
            ),
        },
        gazetteer_source(),
    ];
    Ok(Dataset {
        schema: None,
        schema_version: super::model::SCHEMA_VERSION,
        themes: vocabulary.to_vec(),
        sources,
        places,
        partnerships,
        networks,
        events,
    })
}
