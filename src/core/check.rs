//! The staff page (`check.html`): a spreadsheet checked against the map's dataset, row by row,
//! with the same import the data tool runs. What the page shows and offers is made here:
//! each row's verdict, the merged dataset, the rows as a dataset of their own, the report,
//! and the rows' links for the preview.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use super::export::partnerships_cut;
use super::geo::arc::great_circle;
use super::geo::region::REGION;
use super::geo::viewport::Extent;
use super::geo::{MapPoint, Projection};
use super::import::{import_sheet, Gazetteer, ImportReport, RowProblem, Sheet};
use super::model::{Dataset, Partnership, PartnershipKind};
use super::spreadsheet::Encoding;

/// A sheet checked against a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// Every row with something in it, in the sheet's order.
    pub rows: Vec<RowVerdict>,
    pub report: ImportReport,
    /// The dataset with every row that passed.
    pub merged: Dataset,
}

/// A row as the staff page lists it: what it names, as written, and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowVerdict {
    pub row: usize,
    pub place_a: String,
    pub place_b: String,
    pub kind: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Added {
        partnership: String,
    },
    AlreadyPresent,
    /// Why the row is left out: one reason per column that is wrong.
    Rejected(Vec<RowProblem>),
}

impl Checked {
    pub fn count(&self, which: fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|r| which(&r.outcome)).count()
    }

    /// The rows' partnerships with their places, sources and themes: a dataset of its own.
    pub fn own_rows(&self) -> Dataset {
        let ids: BTreeSet<&str> = self
            .report
            .added_rows
            .values()
            .map(String::as_str)
            .collect();
        partnerships_cut(&self.merged, &ids)
    }
}

pub fn is_added(o: &Outcome) -> bool {
    matches!(o, Outcome::Added { .. })
}
pub fn is_present(o: &Outcome) -> bool {
    matches!(o, Outcome::AlreadyPresent)
}
pub fn is_rejected(o: &Outcome) -> bool {
    matches!(o, Outcome::Rejected(_))
}

/// Checks every row of `sheet` against `dataset`, which stays as it is.
pub fn check(sheet: &Sheet, dataset: &Dataset, gazetteer: &Gazetteer) -> Result<Checked, String> {
    let mut merged = dataset.clone();
    let report = import_sheet(sheet, &mut merged, gazetteer)?;
    // An added row is named by its places as the dataset has them (a picked candidate's
    // cell reads `geonames:2925629`); the others as written.
    let names: HashMap<&str, &str> = merged
        .places
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let links: HashMap<&str, &Partnership> = merged
        .partnerships
        .iter()
        .map(|l| (l.id.as_str(), l))
        .collect();
    let rows = sheet
        .rows
        .iter()
        .filter_map(|sheet_row| {
            let row = sheet_row.row;
            let cells = sheet.cells(sheet_row);
            let problems: Vec<RowProblem> = report
                .rejected
                .iter()
                .filter(|p| p.row == row)
                .cloned()
                .collect();
            let outcome = if let Some(id) = report.added_rows.get(&row) {
                Outcome::Added {
                    partnership: id.clone(),
                }
            } else if report.already_present.contains(&row) {
                Outcome::AlreadyPresent
            } else if !problems.is_empty() {
                Outcome::Rejected(problems)
            } else {
                // An empty row: nothing to say about it.
                return None;
            };
            let cell = |c: &str| cells.get(c).copied().unwrap_or_default().to_string();
            let added = match &outcome {
                Outcome::Added { partnership } => links.get(partnership.as_str()),
                _ => None,
            };
            let place = |side: usize| {
                added
                    .and_then(|l| names.get(l.places[side].as_str()))
                    .map_or_else(|| cell(["place_a", "place_b"][side]), |n| n.to_string())
            };
            Some(RowVerdict {
                row,
                place_a: place(0),
                place_b: place(1),
                kind: cell("kind"),
                outcome,
            })
        })
        .collect();
    Ok(Checked {
        rows,
        report,
        merged,
    })
}

/// The short report that goes with the downloads, in plain text.
pub fn report_text(file: &str, encoding: Encoding, checked: &Checked) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Partner-city map: check of {file}");
    let _ = writeln!(out, "Read as {}.", encoding.name());
    let _ = writeln!(
        out,
        "{} row(s): {} added, {} already in the map, {} left out.",
        checked.rows.len(),
        checked.count(is_added),
        checked.count(is_present),
        checked.count(is_rejected)
    );
    let section = |out: &mut String, title: &str, which: fn(&Outcome) -> bool| {
        let rows: Vec<&RowVerdict> = checked.rows.iter().filter(|r| which(&r.outcome)).collect();
        if rows.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n{title}");
        for r in rows {
            let _ = write!(out, "  row {}: {} – {}", r.row, r.place_a, r.place_b);
            match &r.outcome {
                Outcome::Added { partnership } => {
                    let _ = writeln!(out, " ({}), id {partnership}", r.kind);
                }
                Outcome::AlreadyPresent => {
                    let _ = writeln!(out);
                }
                Outcome::Rejected(problems) => {
                    let _ = writeln!(out);
                    for p in problems {
                        let column = if p.column.is_empty() {
                            String::new()
                        } else {
                            format!("column {}: ", p.column)
                        };
                        let _ = writeln!(out, "    {column}{}", p.message);
                    }
                }
            }
        }
    };
    section(&mut out, "Added:", is_added);
    section(&mut out, "Already in the map:", is_present);
    section(&mut out, "Left out:", is_rejected);
    out
}

/// The rows' links as the preview draws them, in map units.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The rectangle around the rows' places in the region, with a margin.
    pub extent: Extent,
    pub links: Vec<PreviewLink>,
    pub places: Vec<PreviewPlace>,
    /// Links with a partner beyond the map's region: named, not drawn.
    pub beyond: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviewLink {
    pub row: usize,
    pub kind: PartnershipKind,
    /// SVG path data of the great circle, in units of `geo::arc::PATH_UNIT` km.
    pub d: String,
    /// "Køge – Frankenberg (Eder)"
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviewPlace {
    pub at: MapPoint,
    pub name: String,
    /// Added by the sheet, not already on the map.
    pub new: bool,
}

/// The smallest margin around the rows' places, in km.
const MARGIN_KM: f64 = 80.0;

pub fn preview(checked: &Checked, projection: &Projection, region: Extent) -> Preview {
    let merged = &checked.merged;
    let added_places: BTreeSet<&str> = checked
        .report
        .added_places
        .iter()
        .map(String::as_str)
        .collect();
    let place = |id: &str| merged.places.iter().find(|p| p.id == id);
    let mut out = Preview {
        extent: region,
        links: vec![],
        places: vec![],
        beyond: vec![],
    };
    let mut seen = BTreeSet::new();
    let mut points = Vec::new();
    for (&row, id) in &checked.report.added_rows {
        let Some(link) = merged.partnerships.iter().find(|l| &l.id == id) else {
            continue;
        };
        let (Some(a), Some(b)) = (place(&link.places[0]), place(&link.places[1])) else {
            continue;
        };
        let title = format!("{} – {}", a.name, b.name);
        let lon_lat = |p: &super::model::Place| (p.location.lon, p.location.lat);
        let inside = |p: &super::model::Place| REGION.contains(p.location.lon, p.location.lat);
        let curve = (inside(a) && inside(b))
            .then(|| great_circle(projection, lon_lat(a), lon_lat(b)))
            .flatten();
        let Some(curve) = curve else {
            out.beyond.push(title);
            continue;
        };
        let mut d = String::new();
        curve.push_path(&mut d);
        out.links.push(PreviewLink {
            row,
            kind: link.kind,
            d,
            title,
        });
        for p in [a, b] {
            let Some(at) = projection.project(p.location.lon, p.location.lat) else {
                continue;
            };
            points.push(at);
            if seen.insert(p.id.clone()) {
                out.places.push(PreviewPlace {
                    at,
                    name: p.name.clone(),
                    new: added_places.contains(p.id.as_str()),
                });
            }
        }
    }
    if let Some(first) = points.first() {
        let mut e = Extent {
            min_x: first.x,
            min_y: first.y,
            max_x: first.x,
            max_y: first.y,
        };
        for p in &points {
            e.min_x = e.min_x.min(p.x);
            e.min_y = e.min_y.min(p.y);
            e.max_x = e.max_x.max(p.x);
            e.max_y = e.max_y.max(p.y);
        }
        let margin = MARGIN_KM.max(0.15 * e.width().max(e.height()));
        out.extent = Extent {
            min_x: e.min_x - margin,
            min_y: e.min_y - margin,
            max_x: e.max_x + margin,
            max_y: e.max_y + margin,
        };
    }
    out
}
