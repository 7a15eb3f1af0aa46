//! What the dataset says about one place, as its details panel shows it: its partnerships
//! grouped by kind, the networks it belongs to or holds, the meetings it took part in, the
//! places within it, and the themes and sources all of these cite. The view only lays it out.

use std::collections::BTreeSet;

use super::model::{Dataset, Event, HostRole, Network, Partnership, PartnershipKind, Place};

/// A place's part in a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkRole {
    Host(HostRole),
    Member,
}

/// A partnership of the place, seen from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Partner<'a> {
    pub link: &'a Partnership,
    /// The place at the other end, by id.
    pub partner: &'a str,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlaceRecords<'a> {
    /// Groups of partnerships by kind (twinnings first, in the kinds' order); within a group,
    /// in the dataset's order.
    pub partners: Vec<(PartnershipKind, Vec<Partner<'a>>)>,
    pub networks: Vec<(&'a Network, NetworkRole)>,
    pub meetings: Vec<&'a Event>,
    /// Places whose parent it is (the towns of a county).
    pub within: Vec<&'a Place>,
    /// Theme ids its records state, and source ids they and the place cite.
    pub themes: BTreeSet<&'a str>,
    pub sources: BTreeSet<&'a str>,
}

/// Everything the dataset records about `place`.
pub fn place_records<'a>(dataset: &'a Dataset, place: &'a Place) -> PlaceRecords<'a> {
    let id = place.id.as_str();
    let mut out = PlaceRecords::default();
    out.sources.extend(place.sources.iter().map(String::as_str));
    out.sources.insert(place.location.source.as_str());
    out.sources
        .extend(place.population.as_ref().map(|p| p.source.as_str()));
    let mut cite = |themes: &'a [String], sources: &'a [String]| {
        out.themes.extend(themes.iter().map(String::as_str));
        out.sources.extend(sources.iter().map(String::as_str));
    };

    let mut partners: Vec<Partner> = Vec::new();
    for link in dataset.partnerships.iter() {
        let partner = match &link.places {
            [a, b] if a == id => b,
            [a, b] if b == id => a,
            _ => continue,
        };
        cite(&link.themes, &link.sources);
        partners.push(Partner { link, partner });
    }
    // A stable sort: within a kind, the dataset's order.
    crate::core::sorting::sort_with(&mut partners, &|a, b| a.link.kind.cmp(&b.link.kind));
    let mut grouped: Vec<(PartnershipKind, Vec<Partner>)> = Vec::new();
    for p in partners {
        match grouped.last_mut() {
            Some((kind, group)) if *kind == p.link.kind => group.push(p),
            _ => grouped.push((p.link.kind, vec![p])),
        }
    }

    let mut networks = Vec::new();
    for n in &dataset.networks {
        let role = match &n.host {
            Some(h) if h.place == id => NetworkRole::Host(h.role),
            _ if n.members.iter().any(|m| m.place == id) => NetworkRole::Member,
            _ => continue,
        };
        cite(&n.themes, &n.sources);
        networks.push((n, role));
    }

    let mut meetings = Vec::new();
    for e in &dataset.events {
        if e.host.as_deref() == Some(id) || e.participants.iter().any(|p| p == id) {
            cite(&e.themes, &e.sources);
            meetings.push(e);
        }
    }
    out.partners = grouped;
    out.networks = networks;
    out.meetings = meetings;
    out.within = dataset
        .places
        .iter()
        .filter(|p| p.parent.as_deref() == Some(id))
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curated() -> Dataset {
        let text = include_str!("../../data/curated.json");
        crate::core::load::load(text).unwrap().dataset
    }

    fn records<'a>(dataset: &'a Dataset, id: &str) -> PlaceRecords<'a> {
        let place = dataset.places.iter().find(|p| p.id == id).unwrap();
        place_records(dataset, place)
    }

    #[test]
    fn a_place_has_its_partners_by_kind_its_networks_and_meetings() {
        let dataset = curated();
        let bytow = records(&dataset, "bytow");
        let kinds: Vec<PartnershipKind> = bytow.partners.iter().map(|(k, _)| *k).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(kinds, sorted, "one group per kind, in the kinds' order");
        let partners: Vec<&str> = bytow
            .partners
            .iter()
            .flat_map(|(_, g)| g.iter().map(|p| p.partner))
            .collect();
        assert!(partners.contains(&"markaryd"), "{partners:?}");
        assert!(!partners.contains(&"bytow"), "never itself");
        assert!(!bytow.meetings.is_empty(), "the partner towns' meeting");
        let cited_by_meeting = &bytow.meetings[0].sources[0];
        assert!(bytow.sources.contains(cited_by_meeting.as_str()));
    }

    #[test]
    fn a_networks_host_is_named_by_its_role_and_a_county_lists_its_towns() {
        let dataset = curated();
        let network = dataset
            .networks
            .iter()
            .find(|n| {
                n.host
                    .as_ref()
                    .is_some_and(|h| n.members.iter().any(|m| m.place != h.place))
            })
            .unwrap();
        let host = network.host.as_ref().unwrap();
        let seen = records(&dataset, &host.place);
        assert!(seen
            .networks
            .iter()
            .any(|(n, role)| n.id == network.id && *role == NetworkRole::Host(host.role)));
        let member = &network
            .members
            .iter()
            .find(|m| m.place != host.place)
            .unwrap()
            .place;
        assert!(records(&dataset, member)
            .networks
            .iter()
            .any(|(n, role)| n.id == network.id && *role == NetworkRole::Member));
        let towns: Vec<&str> = records(&dataset, "ennepe-ruhr-kreis")
            .within
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert!(towns.contains(&"hattingen"), "{towns:?}");
    }
}
