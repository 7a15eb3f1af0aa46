//! The rules a dataset's records must keep to be drawn, and what happens when one does not.
//!
//! A record that breaks a rule it cannot be drawn without (an unknown place, no source) is
//! left out; a broken optional field (a `javascript:` URL, an unknown parent) is dropped and the
//! record kept. Either way the problem is listed. Records are checked in dependency order
//! (themes and sources, places, then the links that refer to them), so a left-out place also
//! leaves out the links to it, each with its own problem.

use std::collections::{BTreeMap, BTreeSet};

use super::date::PartialDate;
use super::model::{Dataset, Event, Network, Partnership, Place, Source, Theme};
use super::pause::{after_record, at_once, NoPause, Pause};
use super::problem::Problem;
use super::sorting::{retain_entries, set_of};

/// The valid part of a dataset and what was wrong with the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// Checks every rule; returns only the records that keep them.
pub fn validate(dataset: Dataset) -> Validated {
    at_once(validate_in_slices(dataset, &mut NoPause))
}

/// [`validate`], pausing every few records.
pub async fn validate_in_slices(dataset: Dataset, pause: &mut impl Pause) -> Validated {
    let mut v = Validator {
        problems: Vec::new(),
    };
    let Dataset {
        schema,
        schema_version,
        themes,
        sources,
        places,
        partnerships,
        networks,
        events,
    } = dataset;

    // Each collection is a namespace of its own, but partnerships, networks and events share
    // one: the address names a link by its id alone (`link=`).
    let fresh = BTreeMap::new;
    let themes = v
        .keep(themes, "themes", &mut fresh(), pause, |v, t| v.theme(t))
        .await;
    let theme_ids: BTreeSet<String> = set_of(themes.iter().map(|t| t.id.clone()));
    let sources = v
        .keep(sources, "sources", &mut fresh(), pause, |v, s| v.source(s))
        .await;
    let source_ids: BTreeSet<String> = set_of(sources.iter().map(|s| s.id.clone()));
    let refs = Refs {
        themes: &theme_ids,
        sources: &source_ids,
    };

    let places = v
        .keep(places, "places", &mut fresh(), pause, |v, p| {
            v.place(p, &refs)
        })
        .await;
    let place_ids: BTreeSet<String> = set_of(places.iter().map(|p| p.id.clone()));
    let places = v.check_parents(places, &place_ids);

    let mut links = fresh();
    let partnerships = v
        .keep(partnerships, "partnerships", &mut links, pause, |v, l| {
            v.partnership(l, &refs, &place_ids)
        })
        .await;
    let networks = v
        .keep(networks, "networks", &mut links, pause, |v, n| {
            v.network(n, &refs, &place_ids)
        })
        .await;
    let link_ids: BTreeSet<String> = set_of(
        partnerships
            .iter()
            .map(|l| l.id.clone())
            .chain(networks.iter().map(|n| n.id.clone())),
    );
    let events = v
        .keep(events, "events", &mut links, pause, |v, e| {
            v.event(e, &refs, &place_ids, &link_ids)
        })
        .await;

    Validated {
        dataset: Dataset {
            schema,
            schema_version,
            themes,
            sources,
            places,
            partnerships,
            networks,
            events,
        },
        problems: v.problems,
    }
}

/// The ids records may refer to.
struct Refs<'a> {
    themes: &'a BTreeSet<String>,
    sources: &'a BTreeSet<String>,
}

/// What a rule decided about one record.
enum Verdict {
    Keep,
    LeaveOut,
}

/// Records with an id that a check can name.
trait Record {
    fn id(&self) -> &str;
}

macro_rules! record_with_id {
    ($($t:ty),*) => { $(impl Record for $t { fn id(&self) -> &str { &self.id } })* };
}
record_with_id!(Theme, Source, Place, Partnership, Network, Event);

struct Validator {
    problems: Vec<Problem>,
}

/// Checks on one record: each failed check adds a problem naming the record and field.
struct Check<'v> {
    v: &'v mut Validator,
    collection: &'static str,
    record: String,
    fatal: bool,
}

impl Check<'_> {
    /// A problem the record cannot be drawn with.
    fn fail(
        &mut self,
        field: impl Into<String>,
        rule: &'static str,
        values: &[(&'static str, &dyn std::fmt::Display)],
    ) {
        self.fatal = true;
        self.note(field, rule, values);
    }

    /// A problem with an optional part, which is dropped; the record stays.
    fn note(
        &mut self,
        field: impl Into<String>,
        rule: &'static str,
        values: &[(&'static str, &dyn std::fmt::Display)],
    ) {
        let record = self.record.clone();
        self.v
            .problems
            .push(Problem::new(self.collection, record, field, rule, values));
    }

    fn verdict(self) -> Verdict {
        if self.fatal {
            Verdict::LeaveOut
        } else {
            Verdict::Keep
        }
    }

    /// Themes are optional (most published twinnings state none), but each one named exists.
    fn themes(&mut self, themes: &[String], refs: &Refs) {
        for (i, theme) in themes.iter().enumerate() {
            if !refs.themes.contains(theme) {
                self.fail(
                    format!("themes[{i}]"),
                    "problem.unknown_theme",
                    &[("value", theme)],
                );
            }
        }
    }

    fn sources(&mut self, sources: &[String], refs: &Refs) {
        if sources.is_empty() {
            self.fail("sources", "problem.no_source", &[]);
        }
        for (i, source) in sources.iter().enumerate() {
            if !refs.sources.contains(source) {
                self.fail(
                    format!("sources[{i}]"),
                    "problem.unknown_source",
                    &[("value", source)],
                );
            }
        }
    }

    fn place_ref(&mut self, field: impl Into<String>, place: &str, places: &BTreeSet<String>) {
        if !places.contains(place) {
            self.fail(field, "problem.unknown_place", &[("value", &place)]);
        }
    }

    /// A summary is optional; where there is one, each text is keyed by a language and not
    /// blank (a blank one is dropped, as if never written).
    fn summary(&mut self, summary: &mut super::model::LocalizedText) {
        retain_entries(summary, |lang, text| {
            if !is_language_code(lang) {
                self.fail(
                    format!("summary.{lang}"),
                    "problem.not_language",
                    &[("value", lang)],
                );
            }
            !text.trim().is_empty()
        });
    }

    fn period(
        &mut self,
        since: Option<PartialDate>,
        until: Option<PartialDate>,
        fields: (&str, &str),
    ) {
        if let (Some(since), Some(until)) = (since, until) {
            if ends_before(until, since) {
                self.fail(
                    fields.1,
                    "problem.ends_before",
                    &[("value", &until), ("since", &since)],
                );
            }
        }
    }
}

impl Validator {
    /// Runs `rule` on each record, leaving out duplicates and records it rejects. `taken`: the
    /// ids of the namespace so far, with the collection that holds each.
    async fn keep<T: Record>(
        &mut self,
        records: Vec<T>,
        collection: &'static str,
        taken: &mut BTreeMap<String, &'static str>,
        pause: &mut impl Pause,
        mut rule: impl FnMut(&mut Check, &mut T),
    ) -> Vec<T> {
        let mut kept = Vec::with_capacity(records.len());
        for (index, record) in records.into_iter().enumerate() {
            if let Some(record) = self.check(index, record, collection, taken, &mut rule) {
                kept.push(record);
            }
            after_record(pause, index).await;
        }
        kept
    }

    /// One record of [`Validator::keep`]: the record if it is kept.
    fn check<T: Record>(
        &mut self,
        index: usize,
        mut record: T,
        collection: &'static str,
        taken: &mut BTreeMap<String, &'static str>,
        rule: &mut impl FnMut(&mut Check, &mut T),
    ) -> Option<T> {
        // Named as the loader names records: by id, or by position where the id is blank.
        let name = match record.id().trim() {
            "" => format!("#{}", index + 1),
            id => id.to_string(),
        };
        let mut check = Check {
            v: self,
            collection,
            record: name,
            fatal: false,
        };
        if record.id().trim().is_empty() {
            check.fail("id", "problem.empty", &[]);
        } else {
            match taken.get(record.id()) {
                Some(&holder) if holder == collection => {
                    check.fail("id", "problem.duplicate_id", &[])
                }
                Some(&holder) => check.fail("id", "problem.shared_id", &[("value", &holder)]),
                None => {
                    taken.insert(record.id().to_string(), collection);
                }
            }
        }
        rule(&mut check, &mut record);
        match check.verdict() {
            Verdict::Keep => Some(record),
            Verdict::LeaveOut => None,
        }
    }

    fn check_parents(&mut self, mut places: Vec<Place>, ids: &BTreeSet<String>) -> Vec<Place> {
        for place in &mut places {
            if let Some(parent) = &place.parent {
                if !ids.contains(parent) || *parent == place.id {
                    self.problems.push(Problem::new(
                        "places",
                        &place.id,
                        "parent",
                        "problem.unknown_parent",
                        &[("value", parent)],
                    ));
                    place.parent = None;
                }
            }
        }
        places
    }
}

impl Check<'_> {
    fn theme(&mut self, theme: &mut Theme) {
        if !is_slug(&theme.id, '_') {
            self.fail("id", "problem.theme_id", &[]);
        }
        let l = &theme.labels;
        for (lang, label) in [
            ("en", &l.en),
            ("de", &l.de),
            ("da", &l.da),
            ("sv", &l.sv),
            ("pl", &l.pl),
            ("lt", &l.lt),
        ] {
            if label.trim().is_empty() {
                self.fail(format!("labels.{lang}"), "problem.empty", &[]);
            }
        }
        // The languages added later are optional (English stands in), but never blank.
        let labels = &mut theme.labels;
        for (lang, label) in [
            ("fi", &mut labels.fi),
            ("nb", &mut labels.nb),
            ("et", &mut labels.et),
            ("lv", &mut labels.lv),
            ("nl", &mut labels.nl),
        ] {
            if label.as_deref().is_some_and(|l| l.trim().is_empty()) {
                self.note(format!("labels.{lang}"), "problem.empty", &[]);
                *label = None;
            }
        }
    }

    fn source(&mut self, source: &mut Source) {
        if source.title.trim().is_empty() {
            self.fail("title", "problem.empty", &[]);
        }
        if !is_language_code(&source.language) {
            self.fail(
                "language",
                "problem.not_language",
                &[("value", &source.language)],
            );
        }
        for (field, url) in [
            ("url", &mut source.url),
            ("publisher_url", &mut source.publisher_url),
        ] {
            if let Some(text) = url {
                if !is_web_url(text) {
                    self.note(field, "problem.not_web_url", &[]);
                    *url = None;
                }
            }
        }
    }

    fn place(&mut self, place: &mut Place, refs: &Refs) {
        if !is_slug(&place.id, '-') {
            self.fail("id", "problem.slug_id", &[]);
        }
        if place.name.trim().is_empty() {
            self.fail("name", "problem.empty", &[]);
        }
        if place.country.len() != 2 || !place.country.bytes().all(|b| b.is_ascii_uppercase()) {
            self.fail(
                "country",
                "problem.not_country",
                &[("value", &place.country)],
            );
        }
        let loc = &place.location;
        if !(loc.lat.is_finite() && (-90.0..=90.0).contains(&loc.lat)) {
            self.fail(
                "location.lat",
                "problem.not_latitude",
                &[("value", &loc.lat)],
            );
        } else if !(loc.lon.is_finite() && (-180.0..=180.0).contains(&loc.lon)) {
            self.fail(
                "location.lon",
                "problem.not_longitude",
                &[("value", &loc.lon)],
            );
        }
        if !refs.sources.contains(&loc.source) {
            self.fail(
                "location.source",
                "problem.unknown_source",
                &[("value", &loc.source)],
            );
        }
        if let Some(item) = &place.wikidata {
            if !is_wikidata_item(item) {
                self.note("wikidata", "problem.not_wikidata", &[("value", item)]);
                place.wikidata = None;
            }
        }
        if let Some(population) = &place.population {
            if !refs.sources.contains(&population.source) {
                self.note(
                    "population.source",
                    "problem.unknown_population_source",
                    &[("value", &population.source)],
                );
                place.population = None;
            }
        }
        retain_entries(&mut place.names, |lang, name| {
            let ok = is_language_code(lang) && !name.trim().is_empty();
            if !ok {
                self.note(format!("names.{lang}"), "problem.bad_name", &[]);
            }
            ok
        });
        self.sources(&place.sources, refs);
    }

    fn partnership(&mut self, link: &mut Partnership, refs: &Refs, places: &BTreeSet<String>) {
        let [a, b] = &link.places;
        self.place_ref("places[0]", a, places);
        self.place_ref("places[1]", b, places);
        if a == b {
            self.fail("places", "problem.self_link", &[]);
        }
        self.period(link.since, link.until, ("since", "until"));
        self.themes(&link.themes, refs);
        self.summary(&mut link.summary);
        self.sources(&link.sources, refs);
    }

    fn network(&mut self, network: &mut Network, refs: &Refs, places: &BTreeSet<String>) {
        if network.name.trim().is_empty() {
            self.fail("name", "problem.empty", &[]);
        }
        if let Some(host) = &network.host {
            self.place_ref("host.place", &host.place, places);
        }
        if network.members.is_empty() && network.host.is_none() {
            self.fail("members", "problem.network_empty", &[]);
        }
        let mut members = BTreeSet::new();
        for (i, member) in network.members.iter().enumerate() {
            self.place_ref(format!("members[{i}].place"), &member.place, places);
            if !members.insert(member.place.as_str()) {
                self.fail(
                    format!("members[{i}].place"),
                    "problem.listed_twice",
                    &[("value", &member.place)],
                );
            }
            self.period(
                member.since,
                member.until,
                ("since", format!("members[{i}].until").as_str()),
            );
        }
        for (i, count) in network.member_counts.iter().enumerate() {
            if !refs.sources.contains(&count.source) {
                self.fail(
                    format!("member_counts[{i}].source"),
                    "problem.unknown_source",
                    &[("value", &count.source)],
                );
            }
        }
        self.period(network.since, network.until, ("since", "until"));
        self.themes(&network.themes, refs);
        self.summary(&mut network.summary);
        self.sources(&network.sources, refs);
    }

    fn event(
        &mut self,
        event: &mut Event,
        refs: &Refs,
        places: &BTreeSet<String>,
        links: &BTreeSet<String>,
    ) {
        if event.title.trim().is_empty() {
            self.fail("title", "problem.empty", &[]);
        }
        if let Some(host) = &event.host {
            self.place_ref("host", host, places);
        }
        // With no place at all, the map would have nothing to draw it at.
        if event.host.is_none() && event.participants.is_empty() {
            self.fail("participants", "problem.event_empty", &[]);
        }
        for (i, place) in event.participants.iter().enumerate() {
            self.place_ref(format!("participants[{i}]"), place, places);
        }
        self.period(Some(event.start), event.end, ("start", "end"));
        event.part_of.retain(|id| {
            let ok = links.contains(id);
            if !ok {
                self.note("part_of", "problem.unknown_part_of", &[("value", id)]);
            }
            ok
        });
        self.themes(&event.themes, refs);
        self.summary(&mut event.summary);
        self.sources(&event.sources, refs);
    }
}

/// Whether `until` ends before `since` begins, comparing only what both dates know.
pub(crate) fn ends_before(until: PartialDate, since: PartialDate) -> bool {
    let key = |d: PartialDate, depth: usize| -> (i32, u8, u8) {
        let month = if depth >= 1 { d.month.unwrap_or(0) } else { 0 };
        let day = if depth >= 2 { d.day.unwrap_or(0) } else { 0 };
        (d.year, month, day)
    };
    let depth = match (until.month.zip(since.month), until.day.zip(since.day)) {
        (Some(_), Some(_)) => 2,
        (Some(_), None) => 1,
        _ => 0,
    };
    key(until, depth) < key(since, depth)
}

fn is_slug(id: &str, separator: char) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == separator)
}

/// A Wikidata item id: `Q` and a number without leading zero (`Q1733`).
pub fn is_wikidata_item(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|n| {
        !n.is_empty()
            && n.len() <= 12
            && !n.starts_with('0')
            && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// ISO 639-1 codes are two lowercase letters.
pub fn is_language_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Only http and https addresses become links; anything else (`javascript:`, `data:`) is text.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_dates_only_as_far_as_both_are_known() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert!(ends_before(d("2005"), d("2006")));
        assert!(!ends_before(d("2006"), d("2006-10")));
        assert!(ends_before(d("2006-09"), d("2006-10")));
        assert!(!ends_before(d("2023-03-26"), d("2023-03-23")));
        assert!(ends_before(d("2023-03-22"), d("2023-03-23")));
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_url("https://www.essen.de/presse"));
        assert!(is_web_url("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "www.essen.de",
            "https://",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
