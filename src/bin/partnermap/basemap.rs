//! Preparing the basemap: Natural Earth 1:10m countries (TopoJSON from the npm package
//! world-atlas@2.0.2) → projected to EPSG:3035, simplified, clipped to the region → SVG paths.
//!
//! Simplification works on TopoJSON's shared arcs, before polygons are assembled, so that
//! neighbouring countries keep exactly the same border and the fills, coastlines and border
//! lines all come from the same simplified vertices.

use std::collections::{HashMap, HashSet};

use geo::{
    Area, BooleanOps, Coord, LineString, MultiLineString, MultiPolygon, Polygon, Rect, Simplify,
};
use serde::Deserialize;

use partnermap::core::basemap::{Basemap, CountryShape, Extent, BASEMAP_VERSION};
use partnermap::core::geo::{path, MapPoint, Projection};

/// Douglas–Peucker tolerance in km. At the default zoom a pixel is about 3 km, so 0.75 km
/// keeps every visible bend and still removes most of Natural Earth's 10m vertices.
const TOLERANCE_KM: f64 = 0.75;
/// Islands smaller than this (km²) are dropped: below a pixel at the default zoom. The Danish
/// islands that people look for (Endelave, 13 km²; Anholt, 22 km²) stay.
const MIN_ISLAND_KM2: f64 = 4.0;
/// Kilometres are written with one decimal: 100 m.
const DECIMALS: usize = 1;
/// The land drawn reaches this far beyond the region's rectangle (as a share of its width and
/// height): far enough that a wide desktop window (up to 21:9) shows land to its edges at the
/// default view; taller screens start closer (see `ViewTransform::fit_region`).
const MARGIN: (f64, f64) = (0.4, 0.2);
/// Countries whose bounds touch this box are considered at all (lon/lat degrees).
const CANDIDATES: (f64, f64, f64, f64) = (-45.0, 80.0, 30.0, 86.0);

pub const ATTRIBUTION: &str = "Basemap: Natural Earth 1:10m (public domain), via world-atlas 2.0.2";

#[derive(Deserialize)]
struct Topology {
    arcs: Vec<Vec<[f64; 2]>>,
    transform: Option<Transform>,
    objects: HashMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    properties: Option<HashMap<String, serde_json::Value>>,
}

/// A polygon as TopoJSON writes it: rings of arc references (`!i` means arc `i` reversed).
type ArcPolygon = Vec<Vec<i64>>;

struct Country {
    id: String,
    name: String,
    polygons: Vec<ArcPolygon>,
}

pub fn prepare(topology_json: &str) -> Result<Basemap, String> {
    let topology: Topology =
        serde_json::from_str(topology_json).map_err(|e| format!("not TopoJSON: {e}"))?;
    let projection = Projection::etrs89_laea();
    let arcs = decode_arcs(&topology);
    let countries = read_countries(&topology)?;

    // How many rings use each arc: once on a coast, twice along a border.
    let mut uses = vec![0u8; arcs.len()];
    for country in &countries {
        for ring in country.polygons.iter().flatten() {
            for &r in ring {
                let i = arc_index(r);
                if let Some(u) = uses.get_mut(i) {
                    *u = u.saturating_add(1);
                }
            }
        }
    }

    let candidates: Vec<&Country> = countries
        .iter()
        .filter(|c| touches_candidates(c, &arcs))
        .collect();
    let mut projected: HashMap<usize, Vec<Coord>> = HashMap::new();
    for country in &candidates {
        for &r in country.polygons.iter().flatten().flatten() {
            let i = arc_index(r);
            projected.entry(i).or_insert_with(|| {
                let line: LineString = arcs[i]
                    .iter()
                    .filter_map(|&(lon, lat)| projection.project(lon, lat))
                    .map(|p| Coord { x: p.x, y: p.y })
                    .collect();
                line.simplify(TOLERANCE_KM).0
            });
        }
    }

    let extent = Extent::of_region(&projection);
    let (dx, dy) = (extent.width() * MARGIN.0, extent.height() * MARGIN.1);
    let bounds = Extent {
        min_x: extent.min_x - dx.round(),
        min_y: extent.min_y - dy.round(),
        max_x: extent.max_x + dx.round(),
        max_y: extent.max_y + dy.round(),
    };
    let clip = Rect::new(
        Coord {
            x: bounds.min_x,
            y: bounds.min_y,
        },
        Coord {
            x: bounds.max_x,
            y: bounds.max_y,
        },
    )
    .to_polygon();

    let mut shapes = Vec::new();
    let mut drawn_arcs: HashSet<usize> = HashSet::new();
    for country in &candidates {
        let mut polygons = Vec::new();
        for polygon in &country.polygons {
            let rings: Vec<LineString> = polygon
                .iter()
                .map(|ring| assemble(ring, &projected))
                .collect();
            let Some((exterior, holes)) = rings.split_first() else {
                continue;
            };
            let polygon_shape = Polygon::new(exterior.clone(), holes.to_vec());
            if exterior.0.len() < 4 || polygon_shape.unsigned_area() < MIN_ISLAND_KM2 {
                continue;
            }
            drawn_arcs.extend(polygon.iter().flatten().map(|&r| arc_index(r)));
            polygons.push(polygon_shape);
        }
        let clipped = MultiPolygon(polygons).intersection(&clip);
        if clipped.0.is_empty() {
            continue;
        }
        let mut d = String::new();
        for polygon in &clipped {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                path::push_polyline(&mut d, &map_points(ring), DECIMALS, true);
            }
        }
        shapes.push(CountryShape {
            id: country.id.clone(),
            name: country.name.clone(),
            d,
        });
    }
    shapes.sort_by(|a, b| a.name.cmp(&b.name));

    let lines_used = |times: u8| -> String {
        let mut lines: Vec<usize> = drawn_arcs
            .iter()
            .copied()
            .filter(|&i| uses[i] == times)
            .collect();
        lines.sort_unstable();
        let lines = MultiLineString(
            lines
                .into_iter()
                .map(|i| LineString(projected[&i].clone()))
                .collect(),
        );
        polylines(&clip.clip(&lines, false))
    };

    Ok(Basemap {
        version: BASEMAP_VERSION,
        extent,
        bounds,
        countries: shapes,
        coast: lines_used(1),
        borders: lines_used(2),
        graticule: graticule(&projection, &clip),
        attribution: ATTRIBUTION.into(),
    })
}

/// TopoJSON arcs are quantised and delta-encoded; this gives them back in degrees.
fn decode_arcs(topology: &Topology) -> Vec<Vec<(f64, f64)>> {
    let (scale, translate) = match &topology.transform {
        Some(t) => (t.scale, t.translate),
        None => ([1.0, 1.0], [0.0, 0.0]),
    };
    let quantised = topology.transform.is_some();
    topology
        .arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|&[a, b]| {
                    if quantised {
                        x += a;
                        y += b;
                        (x * scale[0] + translate[0], y * scale[1] + translate[1])
                    } else {
                        (a, b)
                    }
                })
                .collect()
        })
        .collect()
}

fn read_countries(topology: &Topology) -> Result<Vec<Country>, String> {
    let collection = topology
        .objects
        .get("countries")
        .ok_or("the topology has no `countries` object")?;
    let mut countries = Vec::new();
    for g in &collection.geometries {
        let polygons: Vec<ArcPolygon> = match g.kind.as_str() {
            "Polygon" => vec![serde_json::from_value(g.arcs.clone()).map_err(|e| e.to_string())?],
            "MultiPolygon" => serde_json::from_value(g.arcs.clone()).map_err(|e| e.to_string())?,
            _ => continue,
        };
        let name = g
            .properties
            .as_ref()
            .and_then(|p| p.get("name"))
            .and_then(|n| n.as_str())
            .unwrap_or("")
            .to_string();
        countries.push(Country {
            id: g.id.clone().unwrap_or_default(),
            name,
            polygons,
        });
    }
    Ok(countries)
}

fn arc_index(reference: i64) -> usize {
    if reference >= 0 {
        reference as usize
    } else {
        !reference as usize
    }
}

fn touches_candidates(country: &Country, arcs: &[Vec<(f64, f64)>]) -> bool {
    let (west, east, south, north) = CANDIDATES;
    country
        .polygons
        .iter()
        .flatten()
        .flatten()
        .flat_map(|&r| arcs[arc_index(r)].iter())
        .any(|&(lon, lat)| (west..=east).contains(&lon) && (south..=north).contains(&lat))
}

/// Joins a ring's arcs; each arc after the first repeats the previous one's last point.
fn assemble(ring: &[i64], projected: &HashMap<usize, Vec<Coord>>) -> LineString {
    let mut coords: Vec<Coord> = Vec::new();
    for &r in ring {
        let Some(arc) = projected.get(&arc_index(r)) else {
            continue;
        };
        let skip = usize::from(!coords.is_empty());
        if r >= 0 {
            coords.extend(arc.iter().skip(skip));
        } else {
            coords.extend(arc.iter().rev().skip(skip));
        }
    }
    LineString::from(coords)
}

/// Meridians and parallels every five degrees, clipped like the land.
fn graticule(projection: &Projection, clip: &Polygon) -> String {
    let line = |points: Vec<(f64, f64)>| -> LineString {
        points
            .into_iter()
            .filter_map(|(lon, lat)| projection.project(lon, lat))
            .map(|p| Coord { x: p.x, y: p.y })
            .collect()
    };
    let mut lines = Vec::new();
    for lon in (-40..=75).step_by(5) {
        lines.push(line(
            (0..=110)
                .map(|i| (lon as f64, 30.0 + i as f64 * 0.5))
                .collect(),
        ));
    }
    for lat in (35..=80).step_by(5) {
        lines.push(line(
            (0..=240)
                .map(|i| (-45.0 + i as f64 * 0.5, lat as f64))
                .collect(),
        ));
    }
    let lines = MultiLineString(
        lines
            .into_iter()
            .map(|l| l.simplify(TOLERANCE_KM))
            .collect(),
    );
    polylines(&clip.clip(&lines, false))
}

fn map_points(line: &LineString) -> Vec<MapPoint> {
    line.0.iter().map(|c| MapPoint { x: c.x, y: c.y }).collect()
}

fn polylines(lines: &MultiLineString) -> String {
    let mut d = String::new();
    for line in lines {
        path::push_polyline(&mut d, &map_points(line), DECIMALS, false);
    }
    d
}
