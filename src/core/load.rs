//! Reading a dataset file: refuse what cannot be read at all, and read the rest record by record.
//!
//! A single malformed record must not hide the others, so each collection is parsed element by
//! element; a record that does not fit its type becomes a [`Problem`] naming it and the field.

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::date::NOT_A_DATE;
use super::json_path::{named_field, path_at};
use super::model::{Dataset, READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION};
use super::pause::{after_record, at_once, NoPause, Pause};
use super::problem::Problem;
use super::top_level::{read_in_slices, TopLevel};
use super::validate::validate_in_slices;

/// Larger files are refused before parsing: the page would stall, and no honest dataset of
/// this region needs it (100,000 links take about 30 MB).
pub const MAX_BYTES: usize = 40 * 1024 * 1024;

/// Why a file could not be read as a dataset at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    NoSchemaVersion,
    UnknownSchemaVersion {
        found: String,
    },
}

impl LoadError {
    /// What to tell the reader: a message key of the language packs, with its values.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            LoadError::Empty => ("load.empty", vec![]),
            LoadError::TooLarge { bytes } => (
                "load.too_large",
                vec![
                    ("size", format!("{:.1}", *bytes as f64 / 1_048_576.0)),
                    ("limit", (MAX_BYTES / 1_048_576).to_string()),
                ],
            ),
            LoadError::NotJson {
                line,
                column,
                message,
            } => (
                "load.not_json",
                vec![
                    ("line", line.to_string()),
                    ("column", column.to_string()),
                    ("detail", message.clone()),
                ],
            ),
            LoadError::NotAnObject => ("load.not_object", vec![]),
            LoadError::NoSchemaVersion => ("load.no_version", vec![]),
            LoadError::UnknownSchemaVersion { found } => (
                "load.unknown_version",
                vec![
                    ("found", found.clone()),
                    ("supported", format!("1–{SCHEMA_VERSION}")),
                ],
            ),
        }
    }
}

/// In English, for the data tool.
#[cfg(not(target_arch = "wasm32"))]
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (key, values) = self.message();
        f.write_str(&super::i18n::fill_owned(
            &super::problem::english(key),
            &values,
        ))
    }
}

/// A dataset as read, with every problem found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Only valid records: everything here can be drawn.
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// The fields of a dataset file's top level, in the order a file is written: the two header
/// fields, then the collections. Any other is a problem.
pub(crate) const TOP_LEVEL: [&str; 8] = [
    "$schema",
    "schema_version",
    "themes",
    "sources",
    "places",
    "partnerships",
    "networks",
    "events",
];

/// Reads and validates a dataset file.
///
/// Records are parsed one by one from their own slice of the text (serde_json's `RawValue`),
/// never through a `serde_json::Value` tree: a bad record costs only its own problem, and the
/// whole file is held once, which keeps large datasets and the wasm bundle small.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    at_once(load_in_slices(text, &mut NoPause))
}

/// [`load`], pausing every few records (the page's start-up gives the browser its turn).
pub async fn load_in_slices(text: &str, pause: &mut impl Pause) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The top level read in slices; only where that fails is the text read again, to tell a
    // file that is no JSON (with where it breaks) from JSON that is no object.
    let Some(root) = read_in_slices(text, pause).await else {
        return Err(match serde_json::from_str::<&RawValue>(text) {
            Err(e) => LoadError::NotJson {
                line: e.line(),
                column: e.column(),
                message: e
                    .to_string()
                    .split(" at line")
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            },
            Ok(_) => LoadError::NotAnObject,
        });
    };
    match root.get("schema_version") {
        None => return Err(LoadError::NoSchemaVersion),
        // Version 1 only asked more of a file than version 2 does: reading it is its upgrade.
        Some(v)
            if serde_json::from_str::<u32>(v.text)
                .is_ok_and(|n| READABLE_SCHEMA_VERSIONS.contains(&n)) => {}
        Some(other) => {
            return Err(LoadError::UnknownSchemaVersion {
                found: other.text.trim().chars().take(40).collect(),
            })
        }
    }

    pause.now().await;
    let mut problems = Vec::new();
    let p = &mut problems;
    let dataset = Dataset {
        schema: root
            .get("$schema")
            .and_then(|v| serde_json::from_str(v.text).ok()),
        schema_version: SCHEMA_VERSION,
        themes: records(&root, "themes", p, pause).await,
        sources: records(&root, "sources", p, pause).await,
        places: records(&root, "places", p, pause).await,
        partnerships: records(&root, "partnerships", p, pause).await,
        networks: records(&root, "networks", p, pause).await,
        events: records(&root, "events", p, pause).await,
    };
    for key in root.keys().filter(|key| !TOP_LEVEL.contains(key)) {
        problems.push(Problem::new(
            "dataset",
            "dataset",
            *key,
            "problem.unknown_field",
            &[],
        ));
    }
    let validated = validate_in_slices(dataset, pause).await;
    problems.extend(validated.problems);
    Ok(Loaded {
        dataset: validated.dataset,
        problems,
    })
}

/// Parses one collection record by record, keeping the ones that fit. Only the parsing is
/// generic: the rest is shared by all six collections, so the bundle holds it once.
async fn records<T: DeserializeOwned>(
    root: &TopLevel<'_>,
    collection: &str,
    problems: &mut Vec<Problem>,
    pause: &mut impl Pause,
) -> Vec<T> {
    let items = items(root, collection, problems);
    pause.now().await;
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        match serde_json::from_str::<T>(item.get()) {
            Ok(value) => out.push(value),
            Err(error) => problems.push(record_problem(collection, item, index, &error)),
        }
        after_record(pause, index).await;
    }
    out
}

/// A collection's records, each still unparsed text; a problem where it is missing or no list.
fn items<'a>(
    root: &TopLevel<'a>,
    collection: &str,
    problems: &mut Vec<Problem>,
) -> Vec<&'a RawValue> {
    let problem = |rule: &'static str| Problem::new("dataset", "dataset", collection, rule, &[]);
    let Some(list) = root.get(collection) else {
        problems.push(problem("problem.missing_collection"));
        return Vec::new();
    };
    // Copied, not taken: a map's removal is kilobytes of the page's download.
    list.items.clone().unwrap_or_else(|| {
        problems.push(problem("problem.not_a_list"));
        Vec::new()
    })
}

/// Why a record could not be read, naming its field.
fn record_problem(
    collection: &str,
    item: &RawValue,
    index: usize,
    error: &serde_json::Error,
) -> Problem {
    let mut field = path_at(item.get(), error.line(), error.column());
    let message = error.to_string();
    // serde_json ends its messages with a position inside the record: not useful here.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or_default()
        .to_string();
    let named = named_field(&message);
    if let Some(named) = named {
        if !field.ends_with(named) {
            field = if field.is_empty() {
                named.to_string()
            } else {
                format!("{field}.{named}")
            };
        }
    }
    // serde's own words are English: the two commonest are told in the reader's language, the
    // rest quoted.
    let date = message
        .strip_suffix(NOT_A_DATE)
        .map(|quoted| quoted.trim_matches('"').to_string());
    let (rule, value) = match named {
        _ if date.is_some() => ("problem.not_date", date.unwrap_or_default()),
        Some(named) if message.starts_with("missing") => {
            ("problem.missing_field", named.to_string())
        }
        Some(named) => ("problem.not_allowed_field", named.to_string()),
        None => ("problem.unreadable", message.clone()),
    };
    Problem::new(
        collection,
        record_name(item, index),
        field,
        rule,
        &[("value", &value)],
    )
}

/// A record read for its id alone (where it has one), without the rest of it.
#[derive(serde::Deserialize)]
pub(crate) struct RecordId<'a> {
    #[serde(borrow)]
    pub id: Option<std::borrow::Cow<'a, str>>,
}

/// How a problem names a record: its id where it has a usable one, else its position.
fn record_name(item: &RawValue, index: usize) -> String {
    match serde_json::from_str::<RecordId>(item.get()) {
        Ok(RecordId { id: Some(id) }) if !id.trim().is_empty() => id.chars().take(80).collect(),
        _ => format!("#{}", index + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_dataset() {
        assert_eq!(load("  \n"), Err(LoadError::Empty));
        assert!(matches!(
            load("{\"schema_version\": 1,"),
            Err(LoadError::NotJson { line: 1, .. })
        ));
        assert_eq!(load("[1, 2]"), Err(LoadError::NotAnObject));
        assert_eq!(load("{}"), Err(LoadError::NoSchemaVersion));
        assert_eq!(
            load("{\"schema_version\": 7}"),
            Err(LoadError::UnknownSchemaVersion { found: "7".into() })
        );
        assert_eq!(
            load("{\"schema_version\": \"1\"}"),
            Err(LoadError::UnknownSchemaVersion {
                found: "\"1\"".into()
            })
        );
        let huge = " ".repeat(MAX_BYTES) + "{}";
        assert!(matches!(load(&huge), Err(LoadError::TooLarge { .. })));
    }

    #[test]
    fn read_in_slices_it_is_the_same_dataset_with_the_same_problems() {
        use crate::core::atlas::{Atlas, Lookup};
        use crate::core::filter::LinkFacts;
        use crate::core::geo::Projection;
        use crate::core::pause::Counting;
        use crate::core::url_state::Known;
        let shipped = std::fs::read_to_string("data/partnerships.json").unwrap();
        let broken = shipped.replacen("\"lat\":", "\"lat\": \"north\", \"x\":", 40);
        for text in [&shipped, &broken] {
            let whole = load(text).unwrap();
            let mut pauses = Counting(0);
            let sliced = at_once(load_in_slices(text, &mut pauses)).unwrap();
            assert_eq!(sliced, whole);
            assert!(pauses.0 > 500, "{} pause points", pauses.0);
            let projection = Projection::etrs89_laea();
            let mut pauses = Counting(0);
            let atlas = at_once(Atlas::build_in_slices(
                &sliced.dataset,
                &projection,
                &mut pauses,
            ));
            assert_eq!(atlas, Atlas::build(&whole.dataset, &projection));
            assert!(pauses.0 > 200, "{} pause points", pauses.0);
            // The indexes built from them, paused as the page pauses them.
            let (dataset, mut pauses) = (&sliced.dataset, Counting(0));
            let lookup = at_once(Lookup::of_in_slices(dataset, &atlas, &mut pauses));
            assert_eq!(lookup, Lookup::of(&whole.dataset, &atlas));
            let facts = at_once(LinkFacts::of_atlas_in_slices(dataset, &atlas, &mut pauses));
            assert_eq!(facts, LinkFacts::of_atlas(&whole.dataset, &atlas));
            let known = at_once(Known::of_in_slices(dataset, &mut pauses));
            let at_once_known = Known::of(&whole.dataset);
            assert_eq!(known.places, at_once_known.places);
            assert_eq!(known.links, at_once_known.links);
            assert_eq!(known.countries, at_once_known.countries);
            assert_eq!(known.themes, at_once_known.themes);
            assert!(known.links.len() > 10_000 && known.countries.len() > 20);
            assert!(pauses.0 > 1_000, "{} pause points", pauses.0);
        }
        // Each broken place is named, and its links are left out with it, in either reading.
        let broken = load(&broken).unwrap();
        let unreadable = broken.problems.iter().filter(|p| p.field == "location.lat");
        assert_eq!(unreadable.count(), 40);
        let places = load(&shipped).unwrap().dataset.places.len();
        assert_eq!(broken.dataset.places.len(), places - 40);
    }

    #[test]
    fn a_malformed_record_names_itself_and_its_field_and_spares_the_rest() {
        let text = r#"{"schema_version": 1, "themes": [], "sources": [
            {"id": "s1", "title": "T", "language": "de"},
            {"id": "s2", "title": "T", "language": "de", "date": "last year"},
            {"title": 5}
        ], "places": [], "partnerships": [], "networks": [], "events": []}"#;
        let loaded = load(text).unwrap();
        assert_eq!(loaded.dataset.sources.len(), 1);
        let names: Vec<_> = loaded
            .problems
            .iter()
            .map(|p| (p.record.as_str(), p.field.as_str()))
            .collect();
        assert_eq!(names, vec![("s2", "date"), ("#3", "title")]);
    }
}
