//! The map's first picture (`public/first-paint.svg`): the region's land and the shipped links
//! between groups of places, as the whole region's view draws them, in one small image that the
//! page shows from its first paint until the app has read the dataset and takes over.
//!
//! Native only (the data tool writes it; a test checks the committed file is current). The land
//! is the basemap's, thinned to a few kilometres, which at the whole region's scale (several km
//! per pixel) looks the same and weighs a tenth.

use std::fmt::Write;

use super::atlas::Atlas;
use super::basemap::Basemap;
use super::filter::{Filters, LinkFacts};
use super::geo::path::push_polyline;
use super::geo::{MapPoint, Projection};
use super::model::Dataset;
use super::scene::clusters::Clusters;
use super::scene::flows::{flow_batches, flows};

/// Where the committed picture lives; the page refers to it from `index.html`.
pub const FIRST_PAINT_PATH: &str = "public/first-paint.svg";
/// Points of the land's outline closer than this to the last one kept are left out, in km.
const THIN_KM: f64 = 8.0;
/// The groups' radius drawn, in km: the whole region's level on a desktop screen.
const GROUP_RADIUS_KM: f64 = 80.0;
/// The stylesheet, where the arcs' width classes (`.flow-w0` … `.flow-w4`) are defined: the
/// picture draws them as the page will.
const STYLESHEET: &str = include_str!("../ui/style.css");

/// Stroke width and opacity of the arcs' width class `weight`, as the stylesheet sets them
/// (the heaviest class for anything heavier).
fn width_class(weight: u8) -> Result<(f64, f64), String> {
    let rule = (0..=weight)
        .rev()
        .find_map(|w| {
            let selector = format!(".links .link.flow-w{w} {{");
            let start = STYLESHEET.find(&selector)? + selector.len();
            STYLESHEET[start..].split('}').next()
        })
        .ok_or("the stylesheet defines no .flow-w0")?;
    let property = |name: &str| {
        rule.split(';')
            .filter_map(|d| d.split_once(':'))
            .find(|(n, _)| n.trim() == name)
            .and_then(|(_, v)| v.trim().parse::<f64>().ok())
            .ok_or(format!("the stylesheet's .flow-w{weight} has no {name}"))
    };
    Ok((property("stroke-width")?, property("stroke-opacity")?))
}

/// The picture for `dataset` over `basemap`, as SVG text.
pub fn first_paint(basemap: &Basemap, dataset: &Dataset) -> Result<String, String> {
    let projection = Projection::etrs89_laea();
    let atlas = Atlas::build(dataset, &projection);
    let clusters = Clusters::build(&atlas);
    let level = clusters
        .levels
        .iter()
        .find(|l| l.radius == GROUP_RADIUS_KM)
        .ok_or("no level of that radius")?;
    let facts = LinkFacts::of_atlas(dataset, &atlas);
    let shown = vec![true; atlas.links.len()];
    let arcs = flows(&atlas, level, &facts, &shown, &Filters::default(), &[]);

    let e = basemap.extent;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\" \
         preserveAspectRatio=\"xMidYMid slice\">",
        e.min_x,
        e.min_y,
        e.width(),
        e.height()
    );
    svg.push_str(
        "<style>.s{fill:#d5e6f0}.l{fill:#f7f5ef;stroke:#8a98a6;stroke-width:.6}\
         path{vector-effect:non-scaling-stroke}.a{fill:none;stroke:#b8323f}\
         @media(prefers-color-scheme:dark){.s{fill:#0f1c26}.l{fill:#1e2830;stroke:#5b6b78}\
         .a{stroke:#f07883}}</style>",
    );
    let b = basemap.bounds;
    let _ = write!(
        svg,
        "<rect class=\"s\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        b.min_x,
        b.min_y,
        b.width(),
        b.height()
    );
    svg.push_str("<path class=\"l\" d=\"");
    for country in &basemap.countries {
        for ring in rings(&country.d) {
            let thinned = thin(&ring, THIN_KM);
            if thinned.len() >= 4 {
                push_polyline(&mut svg, &thinned, 0, true);
            }
        }
    }
    svg.push_str("\"/>");
    // Path data of the arcs are in units of 100 m.
    svg.push_str("<g transform=\"scale(0.1)\">");
    // The arcs of two links or more: the picture's shape without its finest threads, which
    // would double its weight.
    let arcs: Vec<_> = arcs.into_iter().filter(|a| a.links >= 2).collect();
    for batch in flow_batches(&arcs) {
        let (width, opacity) = width_class(batch.weight)?;
        let _ = write!(
            svg,
            "<path class=\"a\" stroke-width=\"{width}\" stroke-opacity=\"{opacity}\" d=\"{}\"/>",
            batch.d
        );
    }
    svg.push_str("</g></svg>\n");
    Ok(svg)
}

/// The closed rings of SVG path data as the basemap writes it: `M x y`, then relative `l dx dy`
/// steps, each ring closed by `z`.
fn rings(d: &str) -> Vec<Vec<MapPoint>> {
    let mut rings = Vec::new();
    let mut ring: Vec<MapPoint> = Vec::new();
    let mut at = MapPoint { x: 0.0, y: 0.0 };
    let mut rest = d;
    while let Some(command) = rest.chars().next() {
        rest = &rest[command.len_utf8()..];
        match command {
            'M' | 'l' => {
                let (Some(x), Some(y)) = (number(&mut rest), number(&mut rest)) else {
                    break;
                };
                if command == 'M' {
                    if ring.len() > 1 {
                        rings.push(std::mem::take(&mut ring));
                    }
                    ring.clear();
                    at = MapPoint { x, y };
                } else {
                    at = MapPoint {
                        x: at.x + x,
                        y: at.y + y,
                    };
                }
                ring.push(at);
            }
            'z' | 'Z' if ring.len() > 1 => rings.push(std::mem::take(&mut ring)),
            _ => {}
        }
    }
    if ring.len() > 1 {
        rings.push(ring);
    }
    rings
}

/// Reads one number (`-12.5`, `3`) off the front of `rest`, after any spaces or commas.
fn number(rest: &mut &str) -> Option<f64> {
    let trimmed = rest.trim_start_matches([' ', ',']);
    let end = trimmed
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && c == '-')))
        .map_or(trimmed.len(), |(i, _)| i);
    let value = trimmed[..end].parse().ok()?;
    *rest = &trimmed[end..];
    Some(value)
}

/// The ring without the points closer than `tolerance` to the last one kept; the first and
/// last points stay.
fn thin(ring: &[MapPoint], tolerance: f64) -> Vec<MapPoint> {
    let mut kept: Vec<MapPoint> = Vec::with_capacity(ring.len() / 4 + 2);
    for (i, &p) in ring.iter().enumerate() {
        let last = i + 1 == ring.len();
        if kept.last().is_none_or(|k| k.distance(p) >= tolerance) || last {
            kept.push(p);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_read_from_relative_steps_and_thinned() {
        let rings = rings("M10-20l1 0l0 1l-1 0zM100 100l50 0l0 50l-50 0z");
        assert_eq!(rings.len(), 2);
        assert_eq!(rings[0][2], MapPoint { x: 11.0, y: -19.0 });
        assert_eq!(rings[1].len(), 4);
        let thinned = thin(&rings[0], 4.0);
        assert_eq!(thinned.len(), 2, "a ring of 1 km sides at 4 km: its ends");
        assert_eq!(thin(&rings[1], 4.0).len(), 4);
    }

    #[test]
    fn arcs_are_drawn_with_the_stylesheets_width_classes() {
        assert_eq!(width_class(1), Ok((1.0, 0.5)));
        assert_eq!(width_class(4), Ok((6.0, 0.85)));
        assert_eq!(
            width_class(9),
            width_class(4),
            "heavier than the heaviest class"
        );
    }
}
