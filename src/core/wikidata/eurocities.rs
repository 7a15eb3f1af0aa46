//! Eurocities as one network record: its matched members, merged with the places already
//! known by Wikidata id, else by name, country and distance, else added.

use std::collections::BTreeSet;

use super::countries::iso_code;
use super::geo::{distance_km, SAME_PLACE_KM};
use super::rows::{member_population, Extracts};
use super::sources::{self, EUROCITIES};
use super::{Places, Report};
use crate::core::date::PartialDate;
use crate::core::import::{Gazetteer, GAZETTEER_SOURCE};
use crate::core::model::{
    CountScope, Location, Member, MemberCount, Network, NetworkKind, Place, PlaceKind, Population,
    Source,
};
use crate::core::search::fold;

pub const NETWORK_ID: &str = "eurocities";

/// The network before place ids are given: members by place index.
pub struct Pending {
    members: Vec<usize>,
    website_members: usize,
}

/// Letters and digits only: the website writes "Nice Côte d’Azur", the extract "d'Azur".
fn key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The members of the extract that are on the website list, each once, as places.
pub fn network(
    extracts: &Extracts,
    gazetteer: &Gazetteer,
    places: &mut Places,
    report: &mut Report,
) -> Option<(Pending, Source)> {
    if extracts.eurocities.is_empty() {
        return None;
    }
    let website: BTreeSet<String> = extracts
        .eurocities_website
        .iter()
        .map(|(city, _)| key(city))
        .collect();
    let mut seen_q = BTreeSet::new();
    let mut members: Vec<usize> = Vec::new();
    let mut left_out = Vec::new();
    for m in &extracts.eurocities {
        if !website.contains(&key(&m.name_on_website)) {
            report.skip(
                "Eurocities member of the extract not on the website list",
                m.name_on_website.clone(),
            );
            left_out.push(m.name_on_website.clone());
            continue;
        }
        if !seen_q.insert(m.wikidata_id.clone()) {
            report.merge(
                "Eurocities entries of one Wikidata item (metropolitan area and city)",
                format!("{} ({})", m.name_on_website, m.wikidata_id),
            );
            continue;
        }
        let Some(country) = m.country_name.as_deref().and_then(iso_code) else {
            report.skip(
                "Eurocities member whose country has no ISO code",
                m.name_on_website.clone(),
            );
            continue;
        };
        let (Some(lat), Some(lon)) = (m.latitude, m.longitude) else {
            report.skip(
                "Eurocities member without coordinates",
                m.name_on_website.clone(),
            );
            continue;
        };
        let wikidata_name = m
            .wikidata_name
            .clone()
            .unwrap_or_else(|| m.name_on_website.clone());
        let names: BTreeSet<String> = [fold(&m.name_on_website), fold(&wikidata_name)].into();
        let found = places.by_qid(&m.wikidata_id).or_else(|| {
            match places
                .named_near(&names, &country, lat, lon, false)
                .as_slice()
            {
                [one] => Some(*one),
                _ => None,
            }
        });
        let index = match found {
            Some(i) => {
                report.merge(
                    "Eurocities member matched to a place",
                    format!("{} = {}", m.name_on_website, places.all[i].name),
                );
                i
            }
            None => add_member(places, gazetteer, m, &country, &wikidata_name, (lat, lon)),
        };
        places.cite(index, EUROCITIES);
        places.give_qid(index, &m.wikidata_id);
        if members.contains(&index) {
            report.merge(
                "Eurocities members that are one place",
                m.name_on_website.clone(),
            );
        } else {
            members.push(index);
        }
    }
    let source = sources::eurocities(
        extracts.eurocities_website.len(),
        &extracts.eurocities_not_found,
        &left_out,
    );
    Some((
        Pending {
            members,
            website_members: extracts.eurocities_website.len(),
        },
        source,
    ))
}

/// A member no source has named yet: at GeoNames' entry of that name in that country within
/// 15 km where there is one, else at the extract's coordinates.
fn add_member(
    places: &mut Places,
    gazetteer: &Gazetteer,
    m: &super::rows::EuroMember,
    country: &str,
    wikidata_name: &str,
    (lat, lon): (f64, f64),
) -> usize {
    let mut entry = None;
    for name in [&m.name_on_website, &wikidata_name.to_string()] {
        for e in gazetteer.find(name, country) {
            let d = distance_km(lat, lon, e.lat, e.lon);
            if d < SAME_PLACE_KM && entry.is_none_or(|(_, best)| d < best) {
                entry = Some((e, d));
            }
        }
    }
    let extract_population = member_population(m).map(|count| Population {
        count,
        source: EUROCITIES.into(),
    });
    let (name, location, population, key, mut place_sources) = match entry {
        Some((e, _)) => (
            e.name.clone(),
            Location {
                lat: e.lat,
                lon: e.lon,
                source: GAZETTEER_SOURCE.into(),
                reference: Some(e.geonameid.to_string()),
                note: None,
            },
            if e.population > 0 {
                Some(Population {
                    count: e.population,
                    source: GAZETTEER_SOURCE.into(),
                })
            } else {
                extract_population
            },
            format!("g{:010}", e.geonameid),
            vec![GAZETTEER_SOURCE.to_string()],
        ),
        None => (
            wikidata_name.to_string(),
            Location {
                lat,
                lon,
                source: EUROCITIES.into(),
                reference: None,
                note: None,
            },
            extract_population,
            format!("c{lat:+010.4}{lon:+010.4}"),
            vec![],
        ),
    };
    place_sources.insert(0, EUROCITIES.to_string());
    let mut names = std::collections::BTreeMap::new();
    if let Some(english) = super::english_name(wikidata_name, &name) {
        names.insert("en".to_string(), english);
    }
    places.add(
        Place {
            id: String::new(),
            name,
            names,
            kind: PlaceKind::Municipality,
            country: country.to_string(),
            location,
            parent: None,
            wikidata: None,
            population,
            sources: place_sources,
        },
        key,
    )
}

impl Pending {
    /// The record, once places have ids: members sorted by place id.
    pub fn into_network(self, places: &Places, taken: &mut BTreeSet<String>) -> Network {
        let mut members: Vec<Member> = self
            .members
            .iter()
            .map(|&i| Member {
                place: places.all[i].id.clone(),
                since: None,
                until: None,
                role: None,
            })
            .collect();
        members.sort_by(|a, b| a.place.cmp(&b.place));
        let id = super::ids::link_id_single(NETWORK_ID, taken);
        Network {
            id,
            name: "Eurocities".into(),
            kind: NetworkKind::CityNetwork,
            host: None,
            members,
            member_counts: vec![MemberCount {
                count: self.website_members as u32,
                scope: CountScope::Current,
                as_of: "2025-05".parse::<PartialDate>().ok(),
                source: EUROCITIES.into(),
                note: Some(
                    "Members listed on the Eurocities website, as copied in the extract.".into(),
                ),
            }],
            since: None,
            until: None,
            themes: vec![],
            summary: Default::default(),
            sources: vec![EUROCITIES.into()],
        }
    }
}
