//! Everything the visitor asked to see, in the query string, so that a link reproduces a view.
//!
//! These names are a public interface (pages that embed the map build such URLs):
//!
//! | parameter | value | default |
//! | --- | --- | --- |
//! | `theme` | theme ids, comma-separated | all themes |
//! | `year` | `2022` (in force that year) or `2015-2023` | every year |
//! | `undated` | `0`: leave out links whose years the sources do not give, while a year is chosen | `1` |
//! | `untagged` | `1`: include links whose sources state no theme, while themes are chosen | `0` |
//! | `kind` | `twinning`, `friendship`, `cooperation_agreement`, `project_partnership`, `network`, `event`, comma-separated | all kinds |
//! | `country` | ISO 3166-1 alpha-2 codes, comma-separated | all countries |
//! | `place` | a place id: selects it and opens its details | none |
//! | `link` | a partnership, network or event id: selects it | none |
//! | `q` | the text in the search box | empty |
//! | `lang` | `en`, `de`, `da`, `sv`, `pl`, `lt` | the browser's |
//! | `view` | `map` or `list` | `map` |
//! | `map` | the viewport: `zoom/lat/lon`, zoom 0 being the whole region | the whole region |
//! | `data` | another dataset on the same site, as a relative path ending in `.json` | `data/partnerships.json` |
//!
//! Parsing is lenient: a value that makes no sense (an unknown theme, `year=abc`) is dropped
//! and the rest of the URL still applies.

use std::collections::BTreeSet;

use super::filter::{Filters, KindFilter, YearRange};
use super::i18n::Language;
use super::model::Dataset;
use super::pause::{after_record, at_once, NoPause, Pause};
use super::sorting::set_of;

/// Map or table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    #[default]
    Map,
    List,
}

/// A viewport as the URL writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub zoom: f64,
    pub lat: f64,
    pub lon: f64,
}

/// The state a URL carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrlState {
    pub filters: Filters,
    pub place: Option<String>,
    pub link: Option<String>,
    pub query: String,
    pub lang: Option<String>,
    pub view: ViewMode,
    pub viewport: Option<Viewport>,
    /// Another dataset of the same site, as a relative path (see [`dataset_path`]).
    pub data: Option<String>,
    /// A compact map for another site's iframe (`embed=1`).
    pub embed: bool,
}

/// A dataset path the `data` parameter may name: relative, on the same site, a `.json` file.
/// Anything that could leave the site (`https://…`, `//host/…`, `javascript:`) or reach
/// elsewhere by tricks (backslashes, `%2F`, control characters) is refused.
pub fn dataset_path(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= 200
        && value.ends_with(".json")
        && !value.starts_with('/')
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/'));
    ok.then(|| value.to_string())
}

/// The ids a URL may name: anything else is ignored.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub themes: BTreeSet<String>,
    pub places: BTreeSet<String>,
    pub links: BTreeSet<String>,
    pub countries: BTreeSet<String>,
}

impl Known {
    pub fn of(dataset: &Dataset) -> Known {
        at_once(Known::of_in_slices(dataset, &mut NoPause))
    }

    /// [`Known::of`], pausing every few records: some twenty thousand ids copied into sets are
    /// a long task on a phone.
    pub async fn of_in_slices(dataset: &Dataset, pause: &mut impl Pause) -> Known {
        let mut known = Known {
            themes: set_of(dataset.themes.iter().map(|t| t.id.clone())),
            ..Known::default()
        };
        for (i, place) in dataset.places.iter().enumerate() {
            known.places.insert(place.id.clone());
            if !known.countries.contains(&place.country) {
                known.countries.insert(place.country.clone());
            }
            after_record(pause, i).await;
        }
        let links = (dataset.partnerships.iter().map(|l| &l.id))
            .chain(dataset.networks.iter().map(|n| &n.id))
            .chain(dataset.events.iter().map(|e| &e.id));
        for (i, id) in links.enumerate() {
            known.links.insert(id.clone());
            after_record(pause, i).await;
        }
        known
    }
}

/// Longest query string read: anything longer is not a URL a person or page made.
const MAX_QUERY: usize = 8 * 1024;
/// Longest search text kept.
const MAX_SEARCH: usize = 100;

/// Reads a query string (with or without its `?`); never fails.
pub fn parse(query: &str, known: &Known) -> UrlState {
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY {
        return UrlState::default();
    }
    let mut state = UrlState::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.trim();
        let list = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
        match key.as_ref() {
            "theme" => {
                state.filters.themes = set_of(
                    list()
                        .filter(|t| known.themes.contains(*t))
                        .map(String::from),
                )
            }
            "year" => state.filters.years = parse_years(value),
            "undated" => state.filters.undated = value != "0",
            "untagged" => state.filters.untagged = value == "1",
            "kind" => state.filters.kinds = set_of(list().filter_map(KindFilter::from_id)),
            "country" => {
                state.filters.countries = set_of(
                    list()
                        .map(str::to_ascii_uppercase)
                        .filter(|c| known.countries.contains(c)),
                )
            }
            "place" => state.place = known.places.contains(value).then(|| value.to_string()),
            "link" => state.link = known.links.contains(value).then(|| value.to_string()),
            "q" => state.query = value.chars().take(MAX_SEARCH).collect(),
            "embed" => state.embed = matches!(value, "1" | "true"),
            "lang" => {
                let lang = value.to_ascii_lowercase();
                state.lang = Language::ALL
                    .iter()
                    .any(|l| l.code() == lang)
                    .then_some(lang);
            }
            "view" => {
                state.view = match value {
                    "list" => ViewMode::List,
                    _ => ViewMode::Map,
                }
            }
            "map" => state.viewport = parse_viewport(value),
            "data" => state.data = dataset_path(value),
            _ => {}
        }
    }
    state
}

fn parse_year(text: &str) -> Option<i32> {
    let year: i32 = text.trim().parse().ok()?;
    (1000..=2200).contains(&year).then_some(year)
}

fn parse_years(value: &str) -> Option<YearRange> {
    match value.split_once('-') {
        None => parse_year(value).map(|y| YearRange { from: y, to: y }),
        Some((from, to)) => {
            let (from, to) = (parse_year(from)?, parse_year(to)?);
            (from <= to).then_some(YearRange { from, to })
        }
    }
}

fn parse_viewport(value: &str) -> Option<Viewport> {
    let mut parts = value.split('/').map(|p| parse_decimal(p.trim()));
    let (zoom, lat, lon) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon)
    {
        return None;
    }
    (-10.0..=20.0)
        .contains(&zoom)
        .then_some(Viewport { zoom, lat, lon })
}

/// A plain decimal number, as the map's own URLs write them ("4.50", "-17.4919"), or `None`.
///
/// Not `str::parse::<f64>`: its correctly rounded algorithm for any input carries a 10 KB table
/// of powers of five into the page's download, for these three numbers alone. Here the first
/// 15 significant digits are an exact integer and one division by an exact power of ten rounds
/// correctly, so a number with up to 15 significant digits and 22 decimals is read exactly as
/// `parse` reads it; digits past the fifteenth are dropped (a nanometre on the map). Exponents,
/// `inf` and `NaN` are no viewport and are refused.
fn parse_decimal(text: &str) -> Option<f64> {
    const SIGNIFICANT: u32 = 15;
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    if whole.is_empty() && fraction.is_empty() || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (mut mantissa, mut kept, mut exponent) = (0u64, 0u32, 0i32);
    for (i, digit) in digits().enumerate() {
        let in_fraction = i >= whole.len();
        if kept < SIGNIFICANT {
            mantissa = mantissa * 10 + u64::from(digit - b'0');
            kept += u32::from(mantissa > 0);
            exponent -= i32::from(in_fraction);
        } else if !in_fraction {
            exponent += 1;
        }
    }
    let magnitude = if exponent < 0 {
        mantissa as f64 / 10f64.powi(-exponent)
    } else {
        mantissa as f64 * 10f64.powi(exponent)
    };
    // Hundreds of digits overflow to infinity, which is no coordinate either.
    let value = if negative { -magnitude } else { magnitude };
    value.is_finite().then_some(value)
}

/// The query string (with or without its `?`) with `key` set to `value`, everything else kept
/// as written, even what a parse would drop before the dataset is known.
pub fn set_param(query: &str, key: &str, value: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        if k != key {
            out.append_pair(&k, &v);
        }
    }
    out.append_pair(key, value);
    format!("?{}", out.finish())
}

/// Writes the state as a query string (with its `?`, or empty for the default view),
/// naming only what differs from the defaults, in a fixed order.
pub fn write(state: &UrlState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let f = &state.filters;
    let join = |items: Vec<&str>| items.join(",");
    if !f.themes.is_empty() {
        pairs.push(("theme", join(f.themes.iter().map(String::as_str).collect())));
    }
    if let Some(y) = f.years {
        pairs.push((
            "year",
            if y.from == y.to {
                y.from.to_string()
            } else {
                format!("{}-{}", y.from, y.to)
            },
        ));
    }
    if f.untagged {
        pairs.push(("untagged", "1".into()));
    }
    if !f.undated {
        pairs.push(("undated", "0".into()));
    }
    if !f.kinds.is_empty() {
        pairs.push(("kind", join(f.kinds.iter().map(|k| k.id()).collect())));
    }
    if !f.countries.is_empty() {
        pairs.push((
            "country",
            join(f.countries.iter().map(String::as_str).collect()),
        ));
    }
    if let Some(place) = &state.place {
        pairs.push(("place", place.clone()));
    }
    if let Some(link) = &state.link {
        pairs.push(("link", link.clone()));
    }
    if !state.query.trim().is_empty() {
        pairs.push(("q", state.query.clone()));
    }
    if let Some(lang) = &state.lang {
        pairs.push(("lang", lang.clone()));
    }
    if state.view == ViewMode::List {
        pairs.push(("view", "list".into()));
    }
    if let Some(v) = state.viewport {
        pairs.push(("map", format!("{:.2}/{:.4}/{:.4}", v.zoom, v.lat, v.lon)));
    }
    if let Some(data) = &state.data {
        pairs.push(("data", data.clone()));
    }
    if state.embed {
        pairs.push(("embed", "1".into()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let encoded: Vec<String> = pairs
        .into_iter()
        .map(|(key, value)| {
            // Commas and slashes are kept readable; everything else a value holds is encoded.
            let value: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
            format!("{key}={}", value.replace("%2C", ",").replace("%2F", "/"))
        })
        .collect();
    format!("?{}", encoded.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        let set = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        Known {
            themes: set(&["youth", "refugees", "housing"]),
            places: set(&["bytow", "koge"]),
            links: set(&["koge-kristianstad"]),
            countries: set(&["DE", "PL", "DK"]),
        }
    }

    #[test]
    fn untagged_links_join_only_when_asked_and_the_choice_round_trips() {
        assert!(!parse("?theme=youth", &known()).filters.untagged);
        let s = parse("?theme=youth&untagged=1", &known());
        assert!(s.filters.untagged);
        let written = write(&s);
        assert!(written.contains("untagged=1"), "{written}");
        assert_eq!(parse(&written, &known()).filters, s.filters);
    }

    #[test]
    fn reads_every_parameter() {
        let s = parse(
            "?theme=youth,refugees&year=2015-2023&undated=0&kind=twinning,network&country=de,PL\
             &place=bytow&link=koge-kristianstad&q=K%C3%B8ge&lang=DA&view=list&map=3.5/54.17/17.49",
            &known(),
        );
        assert_eq!(
            s.filters.themes,
            ["refugees".to_string(), "youth".to_string()].into()
        );
        assert_eq!(
            s.filters.years,
            Some(YearRange {
                from: 2015,
                to: 2023
            })
        );
        assert!(!s.filters.undated);
        assert_eq!(
            s.filters.kinds,
            [KindFilter::Twinning, KindFilter::Network].into()
        );
        assert_eq!(
            s.filters.countries,
            ["DE".to_string(), "PL".to_string()].into()
        );
        assert_eq!(
            (s.place.as_deref(), s.link.as_deref()),
            (Some("bytow"), Some("koge-kristianstad"))
        );
        assert_eq!(
            (s.query.as_str(), s.lang.as_deref(), s.view),
            ("Køge", Some("da"), ViewMode::List)
        );
        assert_eq!(
            s.viewport,
            Some(Viewport {
                zoom: 3.5,
                lat: 54.17,
                lon: 17.49
            })
        );
    }

    #[test]
    fn nonsense_is_dropped_and_the_rest_applies() {
        let s = parse(
            "theme=nope,youth&year=abc&kind=castle&country=XX&place=atlantis&link=x&lang=tlh&view=globe\
             &map=1/2&undated=yes&%FF=1&year",
            &known(),
        );
        assert_eq!(s.filters.themes, ["youth".to_string()].into());
        assert_eq!(s.filters.years, None);
        assert!(s.filters.kinds.is_empty() && s.filters.countries.is_empty());
        assert_eq!(
            (s.place, s.link, s.lang, s.view, s.viewport),
            (None, None, None, ViewMode::Map, None)
        );
        assert!(s.filters.undated);
        for bad_years in ["2023-2015", "99", "3000", "2015-", "-2015", "2015--2016"] {
            assert_eq!(
                parse(&format!("year={bad_years}"), &known()).filters.years,
                None,
                "{bad_years}"
            );
        }
        for bad_map in ["NaN/1/1", "1/95/1", "1/1/200", "1/1/1/1", "99/1/1"] {
            assert_eq!(
                parse(&format!("map={bad_map}"), &known()).viewport,
                None,
                "{bad_map}"
            );
        }
    }

    #[test]
    fn decimals_read_as_the_standard_library_reads_them() {
        for text in [
            "0",
            "4.50",
            "-17.4919",
            "54.1706",
            "+3.25",
            ".5",
            "7.",
            "-0.0001",
            "0.1",
            "20",
            "179.99999999999",
            "-89.1234567890123",
            "000054.17",
            "0.000000000000000000001",
        ] {
            assert_eq!(parse_decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        // Past fifteen significant digits the rest is dropped.
        for text in ["-89.123456789012345678", "1234567890123456789"] {
            let (read, exact) = (parse_decimal(text).unwrap(), text.parse::<f64>().unwrap());
            assert!(
                (read - exact).abs() <= exact.abs() * 1e-14,
                "{text}: {read}"
            );
        }
        for bad in [
            "", "-", ".", "1.2.3", "1e3", "NaN", "inf", "--1", "1 2", "0x10", "½",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
        assert_eq!(parse_decimal(&format!("1{}", "0".repeat(400))), None);
        // Every zoom the page writes (2 decimals), and coordinates across the whole range as
        // it writes them (4 decimals), read back as the number they stand for.
        let written = (-1_000..=2_000)
            .map(|n| format!("{:.2}", n as f64 / 100.0))
            .chain(
                (-1_800_000..=1_800_000)
                    .step_by(997)
                    .map(|n| format!("{:.4}", n as f64 / 10_000.0)),
            );
        for text in written {
            assert_eq!(parse_decimal(&text), text.parse::<f64>().ok(), "{text}");
        }
    }

    #[test]
    fn another_dataset_only_from_the_same_site() {
        assert_eq!(
            dataset_path("data/association.json").as_deref(),
            Some("data/association.json")
        );
        assert_eq!(
            dataset_path("../shared/partners.json").as_deref(),
            Some("../shared/partners.json")
        );
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "/etc/x.json",
            "javascript:alert(1)//.json",
            "data\\x.json",
            "data/x.json?y",
            "x.json#f",
            "data/x.txt",
            "",
            "data%2Fx.json",
            "da ta.json",
        ] {
            assert_eq!(dataset_path(bad), None, "{bad}");
        }
        let parsed = parse("data=https://evil.example/x.json&theme=youth", &known());
        assert_eq!((parsed.data, parsed.filters.themes.len()), (None, 1));
    }

    #[test]
    fn the_default_state_writes_nothing_and_every_state_round_trips() {
        assert_eq!(write(&UrlState::default()), "");
        let state = parse("theme=youth&year=2022&kind=event&country=DK&place=koge&q=a%26b c&lang=pl&map=1.25/55.4580/12.1821", &known());
        let written = write(&state);
        assert_eq!(written, "?theme=youth&year=2022&kind=event&country=DK&place=koge&q=a%26b+c&lang=pl&map=1.25/55.4580/12.1821");
        assert_eq!(parse(&written, &known()), state);
    }

    #[test]
    fn embed_is_read_and_written() {
        let state = parse("place=koge&embed=1", &known());
        assert!(state.embed);
        assert_eq!(write(&state), "?place=koge&embed=1");
        assert!(!parse("embed=yes", &known()).embed);
    }

    #[test]
    fn setting_one_parameter_keeps_the_others_as_written() {
        assert_eq!(
            set_param("?place=bytow&lang=de&x=%C3%B8", "lang", "pl"),
            "?place=bytow&x=%C3%B8&lang=pl"
        );
        assert_eq!(set_param("", "lang", "lt"), "?lang=lt");
    }
}
