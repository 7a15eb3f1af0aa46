//! Reading the extracts as they are published: tab-separated rows and one JSON file.
//!
//! Parsing is separate from merging so that tests can feed small fixtures. Nothing here
//! decides anything: a cell that cannot be read becomes `None`, and the merge reports it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// One end of a twinning row, as the extract states it.
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    /// The English Wikidata label, or a raw `Q…` id where the item had none.
    pub label: String,
    /// The country's English name as the extract gives it.
    pub country: String,
    /// Coordinates, `None` where a cell is empty or not a number in range.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: Option<u64>,
}

/// One directed row of the 2017 extract: origin → sister.
#[derive(Debug, Clone, PartialEq)]
pub struct TwinRow {
    /// The file the row is in (`germany.tsv`), for the report.
    pub file: String,
    /// The row's line number, the header being line 1.
    pub line: usize,
    pub origin: End,
    pub sister: End,
}

/// A member of Eurocities as the enriched extract gives it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EuroMember {
    pub name_on_website: String,
    pub wikidata_id: String,
    #[serde(default)]
    pub wikidata_name: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    #[serde(default)]
    pub population: Option<f64>,
    #[serde(default)]
    pub country_name: Option<String>,
}

#[derive(Deserialize)]
struct Enriched {
    members: Vec<EuroMember>,
    #[serde(default)]
    not_found: Vec<String>,
}

/// Everything the build reads besides the curated records and the gazetteer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracts {
    /// The 2017 twinnings, every file's rows in file-name order.
    pub twinnings: Vec<TwinRow>,
    /// 2016: item → label (German where there is one).
    pub names_2016: BTreeMap<String, String>,
    /// 2016: directed item → item pairs.
    pub relations_2016: Vec<(String, String)>,
    /// Eurocities members matched to Wikidata.
    pub eurocities: Vec<EuroMember>,
    /// Website names the extract could not match.
    pub eurocities_not_found: Vec<String>,
    /// The website's list: (city, country).
    pub eurocities_website: Vec<(String, String)>,
    /// Lines that could not be read at all (wrong number of cells), for the report.
    pub unreadable: Vec<String>,
}

/// The texts of the extracts, as in `data/sources/`.
pub struct Texts<'a> {
    /// (file name, contents) of each twinning file.
    pub twinnings: Vec<(String, &'a str)>,
    pub names_2016: &'a str,
    pub relations_2016: &'a str,
    pub eurocities_enriched: &'a str,
    pub eurocities_website: &'a str,
}

impl Extracts {
    /// Parses the extracts' texts. Only a file that is not what it claims to be (a TSV without
    /// the expected header, JSON that does not parse) is an error; bad rows are reported.
    pub fn parse(texts: &Texts) -> Result<Extracts, String> {
        let mut extracts = Extracts::default();
        for (file, text) in &texts.twinnings {
            parse_twinnings(file, text, &mut extracts)?;
        }
        for (line, cells) in tsv(texts.names_2016) {
            match cells.as_slice() {
                [q, label] => {
                    extracts.names_2016.insert(q.to_string(), label.to_string());
                }
                _ => extracts.unreadable.push(format!("names.tsv line {line}")),
            }
        }
        for (line, cells) in tsv(texts.relations_2016) {
            match cells.as_slice() {
                [a, b] => extracts.relations_2016.push((a.to_string(), b.to_string())),
                _ => extracts
                    .unreadable
                    .push(format!("relations.tsv line {line}")),
            }
        }
        let enriched: Enriched = serde_json::from_str(texts.eurocities_enriched)
            .map_err(|e| format!("members-wikidata-enriched.json: {e}"))?;
        extracts.eurocities = enriched.members;
        extracts.eurocities_not_found = enriched.not_found;
        extracts.eurocities_website = website_list(texts.eurocities_website);
        Ok(extracts)
    }

    /// Reads the extracts from `dir` (`data/sources`).
    pub fn read(dir: &Path) -> Result<Extracts, String> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
        };
        let twin_dir = dir.join("wikidata-twinnings-2017");
        let mut files: Vec<_> = std::fs::read_dir(&twin_dir)
            .map_err(|e| format!("{}: {e}", twin_dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        // Directory order is the file system's: sort so the build is the same everywhere.
        files.sort();
        let mut contents = Vec::new();
        for path in &files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            contents.push((name, read(path)?));
        }
        let p2016 = dir.join("wikidata-p190-qids-2016");
        let euro = dir.join("eurocities-2025");
        let (names, relations) = (
            read(&p2016.join("names.tsv"))?,
            read(&p2016.join("relations.tsv"))?,
        );
        let (enriched, website) = (
            read(&euro.join("members-wikidata-enriched.json"))?,
            read(&euro.join("members_from_website.txt"))?,
        );
        Extracts::parse(&Texts {
            twinnings: contents
                .iter()
                .map(|(n, t)| (n.clone(), t.as_str()))
                .collect(),
            names_2016: &names,
            relations_2016: &relations,
            eurocities_enriched: &enriched,
            eurocities_website: &website,
        })
    }
}

/// Non-empty lines split at tabs, with their line numbers.
fn tsv(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

const COLUMNS: [&str; 10] = [
    "origincityLabel",
    "origincountry",
    "originlat",
    "originlong",
    "originpopulation",
    "sistercityLabel",
    "destinationlat",
    "destinationlong",
    "destinationpopulation",
    "destination_countryLabel",
];

fn parse_twinnings(file: &str, text: &str, extracts: &mut Extracts) -> Result<(), String> {
    let mut lines = tsv(text);
    let (_, header) = lines.next().ok_or(format!("{file}: empty"))?;
    // Columns by name, so a reordered export still reads right.
    let mut at = [0usize; 10];
    for (slot, name) in at.iter_mut().zip(COLUMNS) {
        *slot = header
            .iter()
            .position(|h| *h == name)
            .ok_or(format!("{file}: no column {name}"))?;
    }
    for (line, cells) in lines {
        if cells.len() < header.len() {
            extracts.unreadable.push(format!("{file} line {line}"));
            continue;
        }
        let cell = |i: usize| cells[at[i]];
        let end = |label: usize, country: usize, lat: usize, lon: usize, pop: usize| End {
            label: cell(label).to_string(),
            country: cell(country).to_string(),
            lat: coordinate(cell(lat), 90.0),
            lon: coordinate(cell(lon), 180.0),
            population: population(cell(pop)),
        };
        extracts.twinnings.push(TwinRow {
            file: file.to_string(),
            line,
            origin: end(0, 1, 2, 3, 4),
            sister: end(5, 9, 6, 7, 8),
        });
    }
    Ok(())
}

fn coordinate(text: &str, limit: f64) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= limit)
}

/// Populations are written as integers or, by some exports, as decimals (`4493242.0`).
fn population(text: &str) -> Option<u64> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 1.0)
        .map(|v| v.round() as u64)
}

/// The website list: a comment line, then city and country on alternate lines.
fn website_list(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    lines
        .chunks(2)
        .map(|pair| {
            (
                pair[0].to_string(),
                pair.get(1).copied().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The population of a Eurocities member as a count.
pub fn member_population(member: &EuroMember) -> Option<u64> {
    member
        .population
        .filter(|v| v.is_finite() && *v >= 1.0)
        .map(|v| v.round() as u64)
}
