//! Downloads of what the filters let through: the links in the dataset's own format, and the
//! drawn map as a standalone SVG with its legend and attribution. (CSV: `listing::csv`.)

use std::collections::{BTreeSet, HashMap};

use super::atlas::{Atlas, Record};
use super::labels::estimated_width;
use super::load::{RecordId, TOP_LEVEL};
use super::model::Dataset;
use super::pause::{at_once, NoPause};
use super::top_level::read_in_slices;

/// The ids of the records the kept links need to stay a valid dataset, per namespace: their
/// places (and those places' counties), sources (also those cited only by a member count or a
/// population), themes, and the networks or partnerships a kept meeting is part of.
#[derive(Default)]
struct Needed {
    themes: BTreeSet<String>,
    sources: BTreeSet<String>,
    places: BTreeSet<String>,
    /// Partnerships, networks and events: one namespace, as validation sees to.
    links: BTreeSet<String>,
}

impl Needed {
    fn of(&self, collection: &str) -> &BTreeSet<String> {
        match collection {
            "themes" => &self.themes,
            "sources" => &self.sources,
            "places" => &self.places,
            _ => &self.links,
        }
    }
}

fn needed(dataset: &Dataset, atlas: &Atlas, shown: &[bool]) -> Needed {
    let records = (0..atlas.links.len())
        .filter(|&i| shown.get(i).copied().unwrap_or(false))
        .map(|i| atlas.links[i].record)
        .collect();
    needed_by(dataset, records)
}

/// What `records` need to stay a valid dataset, as [`needed`].
fn needed_by(dataset: &Dataset, mut records: Vec<Record>) -> Needed {
    let mut keep = Needed::default();
    // The records by id, from the dataset itself: a meeting may be part of a partnership the
    // map could not draw, which the cut must still hold.
    let record_index: HashMap<&str, Record> = dataset
        .partnerships
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), Record::Partnership(i)))
        .chain(
            dataset
                .networks
                .iter()
                .enumerate()
                .map(|(i, n)| (n.id.as_str(), Record::Network(i))),
        )
        .collect();
    let place_index: HashMap<&str, usize> = dataset
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut next = 0;
    while let Some(&record) = records.get(next) {
        next += 1;
        let (id, themes, sources, places): (&str, &[String], &[String], Vec<&str>) = match record {
            Record::Partnership(i) => {
                let p = &dataset.partnerships[i];
                let places = p.places.iter().map(String::as_str).collect();
                (&p.id, &p.themes, &p.sources, places)
            }
            Record::Network(i) => {
                let n = &dataset.networks[i];
                keep.sources
                    .extend(n.member_counts.iter().map(|c| c.source.clone()));
                let places = n.host.iter().map(|h| h.place.as_str());
                let places = places.chain(n.members.iter().map(|m| m.place.as_str()));
                (&n.id, &n.themes, &n.sources, places.collect())
            }
            Record::Event(i) => {
                let e = &dataset.events[i];
                records.extend(
                    e.part_of
                        .iter()
                        .filter_map(|t| record_index.get(t.as_str())),
                );
                let places = e.host.iter().map(String::as_str);
                let places = places.chain(e.participants.iter().map(String::as_str));
                (&e.id, &e.themes, &e.sources, places.collect())
            }
        };
        if !keep.links.insert(id.to_string()) {
            continue;
        }
        keep.themes.extend(themes.iter().cloned());
        keep.sources.extend(sources.iter().cloned());
        // Its places, and their counties.
        for place in places {
            let mut next = place_index.get(place).map(|&i| &dataset.places[i]);
            while let Some(p) = next {
                if !keep.places.insert(p.id.clone()) {
                    break;
                }
                keep.sources.extend(p.sources.iter().cloned());
                keep.sources.insert(p.location.source.clone());
                keep.sources
                    .extend(p.population.as_ref().map(|n| n.source.clone()));
                next = p
                    .parent
                    .as_ref()
                    .and_then(|id| place_index.get(id.as_str()))
                    .map(|&i| &dataset.places[i]);
            }
        }
    }
    keep
}

/// A dataset as a file, as the data tool writes `data/partnerships.json` and the staff page
/// offers it for download: the top level pretty-printed, each
/// record on one line (so a change shows as one changed line in git), keys in struct order.
pub fn dataset_file(d: &Dataset) -> Result<String, serde_json::Error> {
    fn list<T: serde::Serialize>(
        out: &mut String,
        name: &str,
        items: &[T],
        last: bool,
    ) -> Result<(), serde_json::Error> {
        out.push_str(&format!("  \"{name}\": ["));
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(&serde_json::to_string(item)?);
        }
        out.push_str(if items.is_empty() { "]" } else { "\n  ]" });
        out.push_str(if last { "\n" } else { ",\n" });
        Ok(())
    }
    let mut out = String::from("{\n");
    if let Some(schema) = &d.schema {
        out.push_str(&format!(
            "  \"$schema\": {},\n",
            serde_json::to_string(schema)?
        ));
    }
    out.push_str(&format!("  \"schema_version\": {},\n", d.schema_version));
    list(&mut out, "themes", &d.themes, false)?;
    list(&mut out, "sources", &d.sources, false)?;
    list(&mut out, "places", &d.places, false)?;
    list(&mut out, "partnerships", &d.partnerships, false)?;
    list(&mut out, "networks", &d.networks, false)?;
    list(&mut out, "events", &d.events, true)?;
    out.push_str("}\n");
    Ok(out)
}

/// The partnerships `ids` with every record they need, as a dataset of their own: what the
/// staff page offers as "only my rows".
pub fn partnerships_cut(dataset: &Dataset, ids: &BTreeSet<&str>) -> Dataset {
    let records = (dataset.partnerships.iter().enumerate())
        .filter(|(_, p)| ids.contains(p.id.as_str()))
        .map(|(i, _)| Record::Partnership(i))
        .collect();
    let keep = needed_by(dataset, records);
    let kept = |collection: &str, id: &str| keep.of(collection).contains(id);
    Dataset {
        schema: dataset.schema.clone(),
        schema_version: dataset.schema_version,
        themes: filter_by(&dataset.themes, |t| kept("themes", &t.id)),
        sources: filter_by(&dataset.sources, |s| kept("sources", &s.id)),
        places: filter_by(&dataset.places, |p| kept("places", &p.id)),
        partnerships: filter_by(&dataset.partnerships, |p| kept("partnerships", &p.id)),
        networks: filter_by(&dataset.networks, |n| kept("networks", &n.id)),
        events: filter_by(&dataset.events, |e| kept("events", &e.id)),
    }
}

fn filter_by<T: Clone>(items: &[T], keep: impl Fn(&T) -> bool) -> Vec<T> {
    items.iter().filter(|i| keep(i)).cloned().collect()
}

/// The links `shown` (per atlas link), with every record they refer to, cut from the dataset
/// file `text` record by record: each keeps exactly its fields as written. Each collection is
/// cut by its own namespace of ids (a source may share a network's id).
pub fn dataset_json(
    text: &str,
    dataset: &Dataset,
    atlas: &Atlas,
    shown: &[bool],
) -> Result<String, String> {
    let keep = needed(dataset, atlas, shown);
    // Read as the map reads it (`load`): the top level, and each list element by element.
    let fields = at_once(read_in_slices(text, &mut NoPause))
        .ok_or_else(|| "the dataset is no JSON object".to_string())?;
    let mut out = String::from("{\n");
    for (n, key) in TOP_LEVEL.into_iter().enumerate() {
        let Some(field) = fields.get(key) else {
            continue;
        };
        if n > 0 && out.len() > 2 {
            out.push_str(",\n");
        }
        out.push_str(&format!("  \"{key}\": "));
        if n < 2 {
            out.push_str(field.text);
            continue;
        }
        let items = field
            .items
            .as_ref()
            .ok_or_else(|| format!("{key} is no list"))?;
        let kept: Vec<&str> = items
            .iter()
            .filter(|item| {
                serde_json::from_str::<RecordId>(item.get())
                    .ok()
                    .and_then(|r| r.id)
                    .is_some_and(|id| keep.of(key).contains(id.as_ref()))
            })
            .map(|item| item.get())
            .collect();
        out.push('[');
        for (i, item) in kept.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(item);
        }
        out.push_str(if kept.is_empty() { "]" } else { "\n  ]" });
    }
    out.push_str("\n}\n");
    Ok(out)
}

/// Escapes text for XML and HTML content and attribute values (in double quotes).
pub fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One line of the image's legend: a stroke drawn with the map's own class (and colour, for a
/// theme), and its label.
pub struct LegendLine {
    pub class: String,
    pub colour: Option<String>,
    pub label: String,
}

const LINE_HEIGHT: u32 = 20;
const MARGIN: u32 = 12;

/// A standalone SVG of the map: the drawn map's markup (`map`, `width` × `height` pixels,
/// styled by `css`, the page's own stylesheet), and beneath it a title, the legend and the
/// attribution, all as text.
pub fn map_svg(
    map: &str,
    width: u32,
    height: u32,
    css: &str,
    title: &str,
    legend: &[LegendLine],
    attribution: &str,
) -> String {
    let columns = (width / 260).max(1);
    let rows = (legend.len() as u32).div_ceil(columns);
    // SVG text does not wrap: the title and the credits are broken into lines that fit.
    let room = f64::from(width.saturating_sub(2 * MARGIN));
    let title_lines = wrap(title, room, 14.0);
    let credit_lines = wrap(attribution, room, 11.0);
    let extra = (title_lines.len() + credit_lines.len()) as u32;
    let footer = MARGIN * 2 + LINE_HEIGHT * (rows + extra);
    let total = height + footer;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" font-family=\"system-ui, sans-serif\">\n<style>{}</style>\n",
        css.replace("</", "<\\/")
    );
    out.push_str(&format!(
        "<rect width=\"{width}\" height=\"{total}\" fill=\"var(--surface, #fff)\"/>\n"
    ));
    out.push_str(&format!(
        "<svg width=\"{width}\" height=\"{height}\" class=\"map-svg\">{map}</svg>\n"
    ));
    let mut y = height + MARGIN + 14;
    for line in &title_lines {
        out.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"14\" font-weight=\"700\" fill=\"var(--ink, #1b2430)\">{}</text>\n",
            xml_text(line)
        ));
        y += LINE_HEIGHT;
    }
    let column_width = (width - 2 * MARGIN) / columns;
    for (i, line) in legend.iter().enumerate() {
        let (col, row) = (i as u32 % columns, i as u32 / columns);
        let (x, ly) = (MARGIN + col * column_width, y + row * LINE_HEIGHT);
        let colour = line
            .colour
            .as_ref()
            .map(|c| format!(" style=\"stroke:{}\"", xml_text(c)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<path class=\"{}\"{colour} d=\"M{x} {} h24\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"var(--ink, #1b2430)\">{}</text>\n",
            xml_text(&line.class),
            ly - 4,
            x + 30,
            ly,
            xml_text(&line.label)
        ));
    }
    y += rows * LINE_HEIGHT;
    for line in &credit_lines {
        out.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"11\" fill=\"var(--ink-soft, #4a5565)\">{}</text>\n",
            xml_text(line)
        ));
        y += LINE_HEIGHT;
    }
    out.push_str("</svg>\n");
    out
}

/// `text` in lines of words no wider than `room` pixels at `font_px` (as estimated for
/// labels); a word wider than the room stands on a line of its own.
fn wrap(text: &str, room: f64, font_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if estimated_width(&format!("{line} {word}"), font_px) <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_image_has_its_legend_and_attribution_as_escaped_text() {
        let legend = [LegendLine {
            class: "link link-twinning".into(),
            colour: None,
            label: "Twinning & <more>".into(),
        }];
        let svg = map_svg(
            "<g/>",
            600,
            400,
            ".x{}</style><script>",
            "Map",
            &legend,
            "Natural Earth · GeoNames",
        );
        assert!(svg.contains("Twinning &amp; &lt;more&gt;"));
        assert!(svg.contains("Natural Earth · GeoNames"));
        assert!(
            !svg.contains("</style><script>"),
            "the stylesheet cannot close its element"
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\""));
    }

    #[test]
    fn a_long_title_and_credits_are_broken_into_lines_that_fit() {
        let title = "Karte der Partnerstädte — 10.933 Verbindungen (10.924 Partnerschaften, 5 Netzwerke, 4 Treffen) · 9.477 Orte";
        let lines = wrap(title, 516.0, 14.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(
            lines.iter().all(|l| estimated_width(l, 14.0) <= 516.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), title, "every word, in order");
        let svg = map_svg("<g/>", 540, 400, "", title, &[], "Natural Earth · GeoNames");
        assert_eq!(svg.matches("font-weight=\"700\"").count(), lines.len());
    }
}
