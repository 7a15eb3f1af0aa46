//! The dataset projected once: every marker's position and every link's path, in map units.
//!
//! Built when the dataset arrives and never again; filters and the viewport only choose and
//! move what is drawn here.

use std::collections::{BTreeMap, HashMap};

use super::geo::arc::{great_circle, Curve};
use super::geo::frame::Frame;
use super::geo::region::REGION;
use super::geo::tree::spanning_tree;
use super::geo::{MapPoint, Projection};
use super::model::{Dataset, NetworkKind, PartnershipKind, PlaceKind};
use super::pause::{after_record, at_once, NoPause, Pause};

/// A place's marker.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceGlyph {
    /// Index into `Dataset::places`.
    pub place: usize,
    pub at: MapPoint,
    pub kind: PlaceKind,
    /// How many partnerships, networks and events touch the place; busier places win labels.
    pub degree: usize,
    /// How many people live there, where a source says.
    pub population: Option<u64>,
    /// Outside the map's region: a partner beyond the map, never drawn as a marker; its links
    /// end at the map's frame.
    pub beyond: bool,
}

impl PlaceGlyph {
    /// How much the place matters to a reader of the map, for markers and labels: large towns
    /// (capitals are the largest) and well-connected places first. A town of a million with
    /// 30 partners outranks a village of 5,000 with 12.
    pub fn importance(&self) -> f64 {
        let people = self
            .population
            .map_or(0.0, |n| (n.max(1) as f64).log10() * 3.0);
        people + 2.0 * (self.degree as f64).sqrt()
    }
}

/// What a drawn link stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    Partnership(PartnershipKind),
    Network(NetworkKind),
    Event,
}

/// The record a glyph draws, by its index in the dataset's collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    Partnership(usize),
    Network(usize),
    Event(usize),
}

/// One arc between two places, by their indices into `Atlas::places`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub ends: (usize, usize),
    pub curve: Curve,
    /// For a stroke to a partner beyond the map (the second end): the stretch of the frame,
    /// by index into `Atlas::frame`, where the curve ends.
    pub exit: Option<usize>,
}

/// A partnership's arc, a network's spokes or a meeting's lines to its host, in map units.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkGlyph {
    /// The record's id.
    pub id: String,
    pub record: Record,
    pub kind: LinkKind,
    pub strokes: Vec<Stroke>,
    /// Indices into `Atlas::places` of every place the link touches.
    pub places: Vec<usize>,
    /// A network's or meeting's host, drawn with a ring: the only mark of a network whose
    /// other members the sources do not name (the Städtenetz, run from Essen), or of a meeting
    /// whose participants they do not name.
    pub hub: Option<usize>,
}

/// Everything the map draws for a dataset, before any filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Atlas {
    pub places: Vec<PlaceGlyph>,
    pub links: Vec<LinkGlyph>,
    pub frame: Frame,
}

impl Atlas {
    /// Projects a validated dataset. Places the projection cannot place (none, in a validated
    /// dataset) are skipped along with their links rather than drawn in the wrong spot.
    pub fn build(dataset: &Dataset, projection: &Projection) -> Atlas {
        at_once(Self::build_in_slices(dataset, projection, &mut NoPause))
    }

    /// [`Atlas::build`], pausing every few links.
    pub async fn build_in_slices(
        dataset: &Dataset,
        projection: &Projection,
        pause: &mut impl Pause,
    ) -> Atlas {
        let mut places = Vec::with_capacity(dataset.places.len());
        let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
        let mut lonlat = Vec::with_capacity(dataset.places.len());
        for (index, place) in dataset.places.iter().enumerate() {
            let (lon, lat) = (place.location.lon, place.location.lat);
            if let Some(at) = projection.project(lon, lat) {
                by_id.insert(place.id.as_str(), places.len());
                places.push(PlaceGlyph {
                    place: index,
                    at,
                    kind: place.kind,
                    degree: 0,
                    population: place.population.as_ref().map(|p| p.count),
                    beyond: !REGION.contains(lon, lat),
                });
                lonlat.push((lon, lat));
            }
            after_record(pause, index).await;
        }
        let find = |id: &str| by_id.get(id).copied();
        let frame = Frame::new(projection);
        // A stroke within the region follows the great circle; one to a partner beyond it
        // follows the great circle as far as the frame; one between two places beyond it is
        // not drawn.
        let arc = |a: usize, b: usize, d: &mut Vec<Stroke>| {
            let (a, b) = if places[a].beyond { (b, a) } else { (a, b) };
            let (curve, exit) = match (places[a].beyond, places[b].beyond) {
                (false, false) => (great_circle(projection, lonlat[a], lonlat[b]), None),
                (false, true) => match frame.exit(lonlat[a], lonlat[b]) {
                    Some(exit) => (
                        great_circle(projection, lonlat[a], frame.stretches[exit].lonlat),
                        Some(exit),
                    ),
                    None => (None, None),
                },
                _ => (None, None),
            };
            if let Some(curve) = curve {
                d.push(Stroke {
                    ends: (a, b),
                    curve,
                    exit,
                });
            }
        };

        // Spokes from a host to each member show who belongs and who holds it together;
        // without a host, the shortest tree through the members in the region connects them
        // without inventing a centre, and each member beyond the map is joined to the nearest
        // of those on the group's outer edge (its convex hull: a few, however many members).
        let spokes = |host: Option<usize>, members: &[usize], d: &mut Vec<Stroke>| match host {
            Some(h) => members.iter().for_each(|&m| arc(h, m, d)),
            None => {
                let (inside, beyond): (Vec<usize>, Vec<usize>) =
                    members.iter().partition(|&&m| !places[m].beyond);
                let points: Vec<MapPoint> = inside.iter().map(|&m| places[m].at).collect();
                let tree = spanning_tree(&points);
                for &(i, j) in &tree.edges {
                    arc(inside[i], inside[j], d);
                }
                let edge: Vec<usize> = tree.hull.iter().map(|&i| inside[i]).collect();
                for &far in &beyond {
                    let nearest = edge.iter().copied().min_by(|&x, &y| {
                        let to = |p: usize| places[p].at.distance(places[far].at);
                        to(x).total_cmp(&to(y))
                    });
                    if let Some(near) = nearest {
                        arc(near, far, d);
                    }
                }
            }
        };

        let mut links = Vec::with_capacity(
            dataset.partnerships.len() + dataset.networks.len() + dataset.events.len(),
        );
        for (index, link) in dataset.partnerships.iter().enumerate() {
            let (Some(a), Some(b)) = (find(&link.places[0]), find(&link.places[1])) else {
                continue;
            };
            let mut d = Vec::new();
            arc(a, b, &mut d);
            links.push(LinkGlyph {
                id: link.id.clone(),
                record: Record::Partnership(index),
                kind: LinkKind::Partnership(link.kind),
                strokes: d,
                places: vec![a, b],
                hub: None,
            });
            after_record(pause, index).await;
        }
        for (index, network) in dataset.networks.iter().enumerate() {
            let host = network.host.as_ref().and_then(|h| find(&h.place));
            let members = others(
                host,
                network.members.iter().map(|m| m.place.as_str()),
                &find,
            );
            let mut d = Vec::new();
            spokes(host, &members, &mut d);
            let touched: Vec<usize> = host.into_iter().chain(members).collect();
            if !touched.is_empty() {
                let kind = LinkKind::Network(network.kind);
                links.push(LinkGlyph {
                    id: network.id.clone(),
                    record: Record::Network(index),
                    kind,
                    strokes: d,
                    places: touched,
                    hub: host,
                });
            }
        }
        for (index, event) in dataset.events.iter().enumerate() {
            let host = event.host.as_deref().and_then(find);
            let participants = others(host, event.participants.iter().map(String::as_str), &find);
            let mut d = Vec::new();
            spokes(host, &participants, &mut d);
            let touched: Vec<usize> = host.into_iter().chain(participants).collect();
            if !touched.is_empty() {
                let record = Record::Event(index);
                links.push(LinkGlyph {
                    id: event.id.clone(),
                    record,
                    kind: LinkKind::Event,
                    strokes: d,
                    places: touched,
                    hub: host,
                });
            }
        }

        for link in &links {
            for &p in &link.places {
                places[p].degree += 1;
            }
        }
        Atlas {
            places,
            links,
            frame,
        }
    }
}

/// The places of `ids` other than `host`, each once, in order.
fn others<'a>(
    host: Option<usize>,
    ids: impl Iterator<Item = &'a str>,
    find: &impl Fn(&str) -> Option<usize>,
) -> Vec<usize> {
    let mut seen = std::collections::HashSet::new();
    ids.filter_map(find)
        .filter(|&p| Some(p) != host && seen.insert(p))
        .collect()
}

/// Test fixtures for the modules that draw from an atlas.
#[cfg(test)]
pub mod fixtures {
    use super::*;
    use crate::core::geo::arc::Curve;

    /// A municipality at `at`, touched by one link.
    pub fn town(place: usize, at: MapPoint) -> PlaceGlyph {
        PlaceGlyph {
            place,
            at,
            kind: PlaceKind::Municipality,
            degree: 1,
            population: None,
            beyond: false,
        }
    }

    /// Towns at `xs` along the x axis, twinned as `pairs` say, each link a straight curve.
    pub fn towns_along(xs: &[f64], pairs: &[(usize, usize)]) -> Atlas {
        let pt = |i: usize| MapPoint { x: xs[i], y: 0.0 };
        Atlas {
            places: (0..xs.len()).map(|i| town(i, pt(i))).collect(),
            links: pairs
                .iter()
                .enumerate()
                .map(|(n, &(a, b))| {
                    let curve = Curve {
                        from: pt(a),
                        control: pt(a),
                        to: pt(b),
                    };
                    twinning(n, (a, b), curve)
                })
                .collect(),
            ..Atlas::default()
        }
    }

    /// Undated twinnings' facts, with the themes each has.
    pub fn facts(themes: &[&[&str]]) -> Vec<crate::core::filter::LinkFacts> {
        themes
            .iter()
            .map(|t| crate::core::filter::LinkFacts {
                themes: t.iter().map(|s| s.to_string()).collect(),
                since: None,
                until: None,
                kind: crate::core::filter::KindFilter::Twinning,
                countries: std::collections::BTreeSet::new(),
            })
            .collect()
    }

    /// The `n`-th partnership, a twinning of places `a` and `b` drawn as `curve`.
    pub fn twinning(n: usize, (a, b): (usize, usize), curve: Curve) -> LinkGlyph {
        LinkGlyph {
            id: format!("l{n}"),
            record: Record::Partnership(n),
            kind: LinkKind::Partnership(PartnershipKind::Twinning),
            strokes: vec![Stroke {
                ends: (a, b),
                curve,
                exit: None,
            }],
            places: vec![a, b],
            hub: None,
        }
    }
}

/// Lookups by id, built once with the atlas: the address, the details and search name places
/// and links by id, and a scan of thousands per lookup would add up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lookup {
    /// Atlas place by the dataset place's id.
    places: HashMap<String, usize>,
    /// Atlas link by its id (partnerships, networks and events share their ids).
    links: HashMap<String, usize>,
    /// Atlas place by dataset place index; `None` for a place the atlas could not place.
    of_record: Vec<Option<usize>>,
}

impl Lookup {
    pub fn of(dataset: &Dataset, atlas: &Atlas) -> Lookup {
        at_once(Lookup::of_in_slices(dataset, atlas, &mut NoPause))
    }

    /// [`Lookup::of`], pausing every few places and links.
    pub async fn of_in_slices(dataset: &Dataset, atlas: &Atlas, pause: &mut impl Pause) -> Lookup {
        let mut lookup = Lookup {
            places: HashMap::with_capacity(atlas.places.len()),
            links: HashMap::with_capacity(atlas.links.len()),
            of_record: vec![None; dataset.places.len()],
        };
        for (i, glyph) in atlas.places.iter().enumerate() {
            if let Some(slot) = lookup.of_record.get_mut(glyph.place) {
                *slot = Some(i);
            }
            if let Some(place) = dataset.places.get(glyph.place) {
                lookup.places.insert(place.id.clone(), i);
            }
            after_record(pause, i).await;
        }
        for (i, link) in atlas.links.iter().enumerate() {
            lookup.links.insert(link.id.clone(), i);
            after_record(pause, i).await;
        }
        lookup
    }

    /// The atlas place of the dataset place `id`.
    pub fn place(&self, id: &str) -> Option<usize> {
        self.places.get(id).copied()
    }

    /// The atlas link `id`.
    pub fn link(&self, id: &str) -> Option<usize> {
        self.links.get(id).copied()
    }

    /// The atlas place of the dataset's place at `index`.
    pub fn place_of_record(&self, index: usize) -> Option<usize> {
        self.of_record.get(index).copied().flatten()
    }
}
