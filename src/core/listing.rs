//! The links the filters let through, as rows of a table: the list view shows them, sorted by
//! any column, and the CSV download writes them.

use std::cmp::Ordering;

use crate::core::sorting::sort_indices;

use super::atlas::{Atlas, Record};
use super::date::PartialDate;
use super::filter::KindFilter;
use super::i18n::Language;
use super::model::{Dataset, Place};

/// One partnership, network or meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into `Atlas::links`.
    pub link: usize,
    pub id: String,
    /// The places, as read: "Køge – Kristianstad"; a network's or meeting's name.
    pub title: String,
    /// The places it joins, by dataset index.
    pub places: Vec<usize>,
    pub kind: KindFilter,
    /// Theme ids, in the record's order.
    pub themes: Vec<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// Source ids, in the record's order.
    pub sources: Vec<String>,
}

/// The table's sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    Kind,
    Themes,
    Since,
    Until,
    Source,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Title,
        Column::Kind,
        Column::Themes,
        Column::Since,
        Column::Until,
        Column::Source,
    ];
}

/// The rows of the links `shown` (per atlas link), in the dataset's order.
pub fn rows(dataset: &Dataset, atlas: &Atlas, shown: &[bool], language: Language) -> Vec<Row> {
    atlas
        .links
        .iter()
        .zip(shown)
        .enumerate()
        .filter(|(_, (_, &shown))| shown)
        .map(|(link, (glyph, _))| {
            // The places the map draws it between, as the atlas resolved them once.
            let places: Vec<usize> = glyph
                .places
                .iter()
                .map(|&p| atlas.places[p].place)
                .collect();
            let (title, themes, since, until, sources) = match glyph.record {
                Record::Partnership(i) => {
                    let p = &dataset.partnerships[i];
                    let names: Vec<String> = places
                        .iter()
                        .map(|&i| dataset.places[i].display_name(language))
                        .collect();
                    (names.join(" – "), &p.themes, p.since, p.until, &p.sources)
                }
                Record::Network(i) => {
                    let n = &dataset.networks[i];
                    (n.name.clone(), &n.themes, n.since, n.until, &n.sources)
                }
                Record::Event(i) => {
                    let e = &dataset.events[i];
                    (e.title.clone(), &e.themes, Some(e.start), e.end, &e.sources)
                }
            };
            Row {
                link,
                id: glyph.id.clone(),
                title,
                places,
                kind: KindFilter::of(glyph.kind),
                themes: themes.clone(),
                since,
                until,
                sources: sources.clone(),
            }
        })
        .collect()
}

/// Earlier first; a date known only to the year before one known to the month in that year.
fn date_order(a: Option<PartialDate>, b: Option<PartialDate>) -> Ordering {
    let key = |d: PartialDate| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0));
    match (a, b) {
        (Some(a), Some(b)) => key(a).cmp(&key(b)),
        // Rows without the date go last in either direction (see `sort`).
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts `rows` by `column`, as the reader reads them: `label` gives the text of a kind, a
/// theme or a source, and `collate` orders two texts as the reader's language does (in the
/// page, `Intl.Collator`: Danish and Swedish put Å, Æ, Ø, Ä, Ö after Z, German puts Ä among
/// A). Ties keep the order they had (the dataset's, as `rows` gives them); rows lacking the
/// date sorted by stay at the end in either direction.
pub fn sort(
    rows: &mut Vec<Row>,
    column: Column,
    descending: bool,
    label: &dyn Fn(Column, &Row) -> String,
    collate: &dyn Fn(&str, &str) -> Ordering,
) {
    let flip = |o: Ordering| if descending { o.reverse() } else { o };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    match column {
        Column::Since | Column::Until => {
            let date = |r: &Row| {
                if column == Column::Since {
                    r.since
                } else {
                    r.until
                }
            };
            sort_indices(&mut order, &|a, b| {
                let (x, y) = (date(&rows[a]), date(&rows[b]));
                match (x, y) {
                    (Some(_), Some(_)) => flip(date_order(x, y)),
                    _ => date_order(x, y),
                }
            });
        }
        _ => {
            let keys: Vec<String> = rows
                .iter()
                .map(|r| match column {
                    Column::Title => r.title.clone(),
                    _ => label(column, r),
                })
                .collect();
            sort_indices(&mut order, &|a, b| flip(collate(&keys[a], &keys[b])));
        }
    }
    let mut taken: Vec<Option<Row>> = std::mem::take(rows).into_iter().map(Some).collect();
    *rows = order.into_iter().filter_map(|i| taken[i].take()).collect();
}

/// Writes a spreadsheet cell: quoted where it must be, and never read as a formula (a value
/// from the data that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, OWASP's
/// list, gets a leading apostrophe).
fn cell(out: &mut String, value: &str) {
    let guarded = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if guarded || value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if guarded {
            out.push('\'');
        }
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// The rows as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the
/// letters right): ids and codes as the dataset writes them, beside the names.
pub fn csv(
    dataset: &Dataset,
    rows: &[Row],
    kind_id: &dyn Fn(KindFilter) -> &'static str,
) -> String {
    let mut out = String::from("\u{feff}id,kind,name,place_ids,places,countries,themes,since,until,sources,source_urls\r\n");
    let date = |d: Option<PartialDate>| d.map(String::from).unwrap_or_default();
    for row in rows {
        let places: Vec<&Place> = row.places.iter().map(|&i| &dataset.places[i]).collect();
        let join =
            |f: &dyn Fn(&Place) -> &str| places.iter().map(|p| f(p)).collect::<Vec<_>>().join(";");
        let mut countries: Vec<&str> = places.iter().map(|p| p.country.as_str()).collect();
        countries.dedup();
        let urls: Vec<&str> = row
            .sources
            .iter()
            .filter_map(|id| dataset.sources.iter().find(|s| &s.id == id)?.url.as_deref())
            .collect();
        let fields = [
            row.id.clone(),
            kind_id(row.kind).to_string(),
            row.title.clone(),
            join(&|p| &p.id),
            join(&|p| &p.name),
            countries.join(";"),
            row.themes.join(";"),
            date(row.since),
            date(row.until),
            row.sources.join(";"),
            urls.join(" "),
        ];
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell(&mut out, field);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        let mut out = String::new();
        for v in [
            "plain",
            "a,b",
            "say \"hi\"",
            "=HYPERLINK(\"x\")",
            "-3",
            "line\nbreak",
            "\t=1+1",
            "\r=1+1",
        ] {
            cell(&mut out, v);
            out.push('|');
        }
        assert_eq!(
            out,
            "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"'=HYPERLINK(\"\"x\"\")\"|\"'-3\"|\"line\nbreak\"|\"'\t=1+1\"|\"'\r=1+1\"|"
        );
    }

    #[test]
    fn text_columns_sort_by_the_readers_collation_and_ties_keep_their_order() {
        let row = |id: &str, title: &str| Row {
            link: 0,
            id: id.to_string(),
            title: title.to_string(),
            places: Vec::new(),
            kind: KindFilter::Twinning,
            themes: Vec::new(),
            since: None,
            until: None,
            sources: Vec::new(),
        };
        let mut rows = vec![
            row("1", "Århus"),
            row("2", "Zagreb"),
            row("3", "aalborg"),
            row("4", "Århus"),
        ];
        // As Danish orders them: Å after Z (the page asks Intl.Collator).
        let danish = |a: &str, b: &str| {
            let key = |s: &str| s.to_lowercase().replace('å', "zz");
            key(a).cmp(&key(b))
        };
        sort(
            &mut rows,
            Column::Title,
            false,
            &|_, _| String::new(),
            &danish,
        );
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["3", "2", "1", "4"]);
        sort(
            &mut rows,
            Column::Title,
            true,
            &|_, _| String::new(),
            &danish,
        );
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            ["1", "4", "2", "3"],
            "descending; the tie keeps its order"
        );
    }

    #[test]
    fn dates_sort_earlier_first_and_missing_last() {
        let d = |year, month| {
            Some(PartialDate {
                year,
                month,
                day: None,
                approximate: false,
            })
        };
        assert_eq!(date_order(d(2006, None), d(2006, Some(3))), Ordering::Less);
        assert_eq!(date_order(d(2021, None), None), Ordering::Less);
        assert_eq!(date_order(None, d(1990, None)), Ordering::Greater);
    }
}
