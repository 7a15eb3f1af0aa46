//! What the visitor asked to see, and which links and places that leaves on the map.
//!
//! The semantics live here only:
//! - theme: a link matches when any of its themes is selected; none selected means all; a
//!   link whose sources state no theme (most published twinnings) matches, while themes are
//!   chosen, only when the visitor includes such links (`untagged`, off by default: a theme
//!   asked for is a question the untagged links cannot answer);
//! - years: a link counts from its since-year and until its until-year where it has one
//!   ("in force"), and matches when that period meets the chosen range; a link whose
//!   since-year the sources do not give matches only while `undated` is on;
//! - kind and country: none selected means all; a link matches a country when any of its
//!   places lies in it;
//! - the filters combine: a link is drawn when it matches all of them.

use std::collections::{BTreeMap, BTreeSet};

use super::atlas::{Atlas, LinkGlyph, LinkKind, Record};
use super::date::PartialDate;
use super::model::{Dataset, NetworkKind, PartnershipKind};
use super::pause::{after_record, at_once, NoPause, Pause};
use super::summary::Summary;

/// An inclusive range of years; a single year is `from == to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearRange {
    pub from: i32,
    pub to: i32,
}

/// The kinds a visitor can choose between, as the URL names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KindFilter {
    Twinning,
    Friendship,
    CooperationAgreement,
    ProjectPartnership,
    Network,
    Event,
}

impl KindFilter {
    pub const ALL: [KindFilter; 6] = [
        KindFilter::Twinning,
        KindFilter::Friendship,
        KindFilter::CooperationAgreement,
        KindFilter::ProjectPartnership,
        KindFilter::Network,
        KindFilter::Event,
    ];

    /// The name in URLs (`kind=twinning,network`).
    pub fn id(self) -> &'static str {
        match self {
            KindFilter::Twinning => "twinning",
            KindFilter::Friendship => "friendship",
            KindFilter::CooperationAgreement => "cooperation_agreement",
            KindFilter::ProjectPartnership => "project_partnership",
            KindFilter::Network => "network",
            KindFilter::Event => "event",
        }
    }

    pub fn from_id(id: &str) -> Option<KindFilter> {
        KindFilter::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The kind of link that stands for this choice in a legend (a network's: a city network).
    pub fn drawn_as(self) -> LinkKind {
        match self {
            KindFilter::Twinning => LinkKind::Partnership(PartnershipKind::Twinning),
            KindFilter::Friendship => LinkKind::Partnership(PartnershipKind::Friendship),
            KindFilter::CooperationAgreement => {
                LinkKind::Partnership(PartnershipKind::CooperationAgreement)
            }
            KindFilter::ProjectPartnership => {
                LinkKind::Partnership(PartnershipKind::ProjectPartnership)
            }
            KindFilter::Network => LinkKind::Network(NetworkKind::CityNetwork),
            KindFilter::Event => LinkKind::Event,
        }
    }

    pub fn of(kind: LinkKind) -> KindFilter {
        match kind {
            LinkKind::Partnership(PartnershipKind::Twinning) => KindFilter::Twinning,
            LinkKind::Partnership(PartnershipKind::Friendship) => KindFilter::Friendship,
            LinkKind::Partnership(PartnershipKind::CooperationAgreement) => {
                KindFilter::CooperationAgreement
            }
            LinkKind::Partnership(PartnershipKind::ProjectPartnership) => {
                KindFilter::ProjectPartnership
            }
            LinkKind::Network(NetworkKind::CityNetwork)
            | LinkKind::Network(NetworkKind::SolidarityPact)
            | LinkKind::Network(NetworkKind::Programme)
            | LinkKind::Network(NetworkKind::PartnerTownGroup) => KindFilter::Network,
            LinkKind::Event => KindFilter::Event,
        }
    }
}

/// The filters, as chosen. The default shows everything.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Filters {
    /// Theme ids; empty means all themes.
    pub themes: BTreeSet<String>,
    /// Whether links whose sources state no theme are drawn too while themes are chosen.
    pub untagged: bool,
    /// None means every year.
    pub years: Option<YearRange>,
    /// Whether links whose years the sources do not give stay on the map while a year is chosen.
    pub undated: bool,
    pub kinds: BTreeSet<KindFilter>,
    /// ISO 3166-1 alpha-2 codes; empty means all countries.
    pub countries: BTreeSet<String>,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            themes: BTreeSet::new(),
            untagged: false,
            years: None,
            undated: true,
            kinds: BTreeSet::new(),
            countries: BTreeSet::new(),
        }
    }
}

impl Filters {
    /// Whether nothing is filtered out.
    pub fn is_default(&self) -> bool {
        self.themes.is_empty()
            && self.years.is_none()
            && self.kinds.is_empty()
            && self.countries.is_empty()
    }
}

/// The facts about one drawn link that filters look at.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkFacts {
    pub themes: Vec<String>,
    /// The years the link was in force: from its since-year (None: not given) to its
    /// until-year (None: still in force).
    pub since: Option<i32>,
    pub until: Option<i32>,
    pub kind: KindFilter,
    pub countries: BTreeSet<String>,
}

impl LinkFacts {
    /// Gathers each drawn link's facts from its record.
    pub fn of_atlas(dataset: &Dataset, atlas: &Atlas) -> Vec<LinkFacts> {
        at_once(LinkFacts::of_atlas_in_slices(dataset, atlas, &mut NoPause))
    }

    /// [`LinkFacts::of_atlas`], pausing every few links: each clones its themes and
    /// countries, and at ten thousand links that is a long task on a phone.
    pub async fn of_atlas_in_slices(
        dataset: &Dataset,
        atlas: &Atlas,
        pause: &mut impl Pause,
    ) -> Vec<LinkFacts> {
        let mut facts = Vec::with_capacity(atlas.links.len());
        for (i, link) in atlas.links.iter().enumerate() {
            facts.push(LinkFacts::of_link(dataset, atlas, link));
            after_record(pause, i).await;
        }
        facts
    }

    fn of_link(dataset: &Dataset, atlas: &Atlas, link: &LinkGlyph) -> LinkFacts {
        let year = |d: &Option<PartialDate>| d.map(|d| d.year);
        let (themes, since, until) = match link.record {
            Record::Partnership(i) => {
                let r = &dataset.partnerships[i];
                (&r.themes, year(&r.since), year(&r.until))
            }
            Record::Network(i) => {
                let r = &dataset.networks[i];
                (&r.themes, year(&r.since), year(&r.until))
            }
            Record::Event(i) => {
                let r = &dataset.events[i];
                let end = r.end.map_or(r.start.year, |e| e.year);
                (&r.themes, Some(r.start.year), Some(end))
            }
        };
        let countries = link
            .places
            .iter()
            .map(|&p| dataset.places[atlas.places[p].place].country.clone())
            .collect();
        LinkFacts {
            themes: themes.clone(),
            since,
            until,
            kind: KindFilter::of(link.kind),
            countries,
        }
    }

    pub fn is_dated(&self) -> bool {
        self.since.is_some()
    }

    /// Whether the sources state any theme for the link.
    pub fn is_tagged(&self) -> bool {
        !self.themes.is_empty()
    }

    fn matches_themes(&self, filters: &Filters) -> bool {
        if filters.themes.is_empty() {
            return true;
        }
        if !self.is_tagged() {
            return filters.untagged;
        }
        self.themes.iter().any(|t| filters.themes.contains(t))
    }

    fn matches_years(&self, filters: &Filters) -> bool {
        let Some(range) = filters.years else {
            return true;
        };
        match self.since {
            None => filters.undated,
            Some(since) => since <= range.to && self.until.is_none_or(|until| until >= range.from),
        }
    }

    fn matches_kind(&self, filters: &Filters) -> bool {
        filters.kinds.is_empty() || filters.kinds.contains(&self.kind)
    }

    fn matches_country(&self, filters: &Filters) -> bool {
        filters.countries.is_empty() || self.countries.iter().any(|c| filters.countries.contains(c))
    }

    /// Whether the link is drawn under `filters`.
    pub fn matches(&self, filters: &Filters) -> bool {
        self.matches_besides_themes(filters) && self.matches_themes(filters)
    }

    /// Whether it meets every filter but the themes: what a theme chip's count looks at.
    fn matches_besides_themes(&self, filters: &Filters) -> bool {
        self.matches_years(filters) && self.matches_kind(filters) && self.matches_country(filters)
    }
}

/// What the filters leave on the map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Visible {
    /// Per link of the atlas.
    pub links: Vec<bool>,
    /// Per place of the atlas.
    pub places: Vec<bool>,
    pub summary: Summary,
    /// The count on each theme's chip (see [`theme_counts`]), found in the same pass, and on
    /// the chip of links without a stated theme under [`UNTAGGED`].
    pub theme_counts: BTreeMap<String, usize>,
}

/// The key in [`Visible::theme_counts`] of the links whose sources state no theme; theme ids
/// are lowercase letters, digits and `_`, so it cannot clash with one.
pub const UNTAGGED: &str = "-";

/// Applies `filters`. Places are drawn when a drawn link touches them; with no filter at all,
/// every place is drawn, even one the data links to nothing yet.
pub fn visible(atlas: &Atlas, facts: &[LinkFacts], filters: &Filters) -> Visible {
    let mut theme_counts = BTreeMap::new();
    let links: Vec<bool> = facts
        .iter()
        .map(|f| {
            let besides_themes = f.matches_besides_themes(filters);
            if besides_themes {
                count_themes(&mut theme_counts, f);
            }
            besides_themes && f.matches_themes(filters)
        })
        .collect();
    let mut places = vec![filters.is_default(); atlas.places.len()];
    for (link, _) in atlas.links.iter().zip(&links).filter(|(_, &shown)| shown) {
        for &p in &link.places {
            places[p] = true;
        }
    }
    let summary = Summary::count(atlas, &links, places.iter().filter(|&&p| p).count());
    Visible {
        links,
        places,
        summary,
        theme_counts,
    }
}

/// For each theme, how many links would be drawn if it were the only theme selected, with
/// the other filters as they are: the number on its chip.
pub fn theme_counts(facts: &[LinkFacts], filters: &Filters) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for f in facts.iter().filter(|f| f.matches_besides_themes(filters)) {
        count_themes(&mut counts, f);
    }
    counts
}

/// Counts the link once for each of its themes, or under [`UNTAGGED`]; no string is copied for
/// a theme seen before.
fn count_themes(counts: &mut BTreeMap<String, usize>, f: &LinkFacts) {
    if !f.is_tagged() {
        *counts.entry(UNTAGGED.to_string()).or_default() += 1;
    }
    for (k, theme) in f.themes.iter().enumerate() {
        if f.themes[..k].contains(theme) {
            continue;
        }
        match counts.get_mut(theme) {
            Some(n) => *n += 1,
            None => {
                counts.insert(theme.clone(), 1);
            }
        }
    }
}

/// The first and last year any dated link is in force: the year slider's range.
pub fn year_span(facts: &[LinkFacts]) -> Option<YearRange> {
    let from = facts.iter().filter_map(|f| f.since).min()?;
    // A validated link ends no earlier than it begins, so its last year is `until` or `since`.
    let to = facts.iter().filter_map(|f| f.until.or(f.since)).max()?;
    Some(YearRange { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(
        themes: &[&str],
        since: Option<i32>,
        until: Option<i32>,
        kind: KindFilter,
        countries: &[&str],
    ) -> LinkFacts {
        LinkFacts {
            themes: themes.iter().map(|t| t.to_string()).collect(),
            since,
            until,
            kind,
            countries: countries.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn years(from: i32, to: i32) -> Option<YearRange> {
        Some(YearRange { from, to })
    }

    #[test]
    fn each_kind_choice_is_drawn_as_a_kind_it_chooses() {
        for k in KindFilter::ALL {
            assert_eq!(KindFilter::of(k.drawn_as()), k);
        }
    }

    #[test]
    fn a_link_is_in_force_from_its_since_year_until_its_until_year() {
        let link = facts(
            &["youth"],
            Some(2006),
            Some(2015),
            KindFilter::Twinning,
            &["PL"],
        );
        let at = |from, to| Filters {
            years: years(from, to),
            ..Filters::default()
        };
        assert!(!link.matches(&at(2005, 2005)));
        assert!(link.matches(&at(2006, 2006)));
        assert!(link.matches(&at(2015, 2015)));
        assert!(!link.matches(&at(2016, 2016)));
        assert!(
            link.matches(&at(1990, 2006)),
            "a range that reaches its first year"
        );
        let open = facts(
            &["youth"],
            Some(2021),
            None,
            KindFilter::CooperationAgreement,
            &["DK"],
        );
        assert!(
            open.matches(&at(2030, 2030)),
            "no until-year: still in force"
        );
    }

    #[test]
    fn undated_links_follow_the_toggle_once_a_year_is_chosen() {
        let undated = facts(&["refugees"], None, None, KindFilter::Network, &["DE"]);
        assert!(undated.matches(&Filters::default()));
        let mut filters = Filters {
            years: years(2020, 2020),
            ..Filters::default()
        };
        assert!(undated.matches(&filters));
        filters.undated = false;
        assert!(!undated.matches(&filters));
    }

    #[test]
    fn untagged_links_follow_the_toggle_once_a_theme_is_chosen() {
        let untagged = facts(&[], Some(1990), None, KindFilter::Twinning, &["DE"]);
        assert!(
            untagged.matches(&Filters::default()),
            "no theme chosen: all"
        );
        let mut filters = Filters {
            themes: ["youth".to_string()].into(),
            ..Filters::default()
        };
        assert!(!untagged.matches(&filters), "left out by default");
        filters.untagged = true;
        assert!(untagged.matches(&filters), "included when asked");
        let tagged = facts(&["youth"], None, None, KindFilter::Twinning, &["DE"]);
        assert!(
            tagged.matches(&filters),
            "the toggle leaves tagged links alone"
        );
        filters.untagged = false;
        assert!(tagged.matches(&filters));
        let counts = theme_counts(&[untagged, tagged.clone(), tagged], &Filters::default());
        assert_eq!(counts.get(UNTAGGED), Some(&1));
        assert_eq!(counts.get("youth"), Some(&2));
    }

    #[test]
    fn themes_match_any_kinds_and_countries_any_and_filters_combine() {
        let link = facts(
            &["youth", "education"],
            Some(2010),
            None,
            KindFilter::Twinning,
            &["PL", "DE"],
        );
        let themes = |t: &[&str]| Filters {
            themes: t.iter().map(|s| s.to_string()).collect(),
            ..Filters::default()
        };
        assert!(link.matches(&themes(&["education", "housing"])));
        assert!(!link.matches(&themes(&["housing"])));
        let country = Filters {
            countries: ["DE".to_string()].into(),
            ..Filters::default()
        };
        assert!(link.matches(&country));
        let network_only = Filters {
            kinds: [KindFilter::Network].into(),
            ..Filters::default()
        };
        assert!(!link.matches(&network_only));
        let both = Filters {
            kinds: [KindFilter::Twinning].into(),
            ..themes(&["housing"])
        };
        assert!(!link.matches(&both), "kind matches, theme does not");
    }

    #[test]
    fn chips_count_what_each_theme_alone_would_show() {
        let all = vec![
            facts(
                &["youth", "education"],
                Some(2010),
                None,
                KindFilter::Twinning,
                &["PL"],
            ),
            facts(&["youth"], None, None, KindFilter::Network, &["DE"]),
            facts(
                &["housing"],
                Some(2020),
                None,
                KindFilter::Twinning,
                &["DE"],
            ),
        ];
        let counts = theme_counts(&all, &Filters::default());
        assert_eq!(counts.get("youth"), Some(&2));
        assert_eq!(counts.get("housing"), Some(&1));
        let twinnings = Filters {
            kinds: [KindFilter::Twinning].into(),
            ..Filters::default()
        };
        assert_eq!(theme_counts(&all, &twinnings).get("youth"), Some(&1));
        assert_eq!(
            year_span(&all),
            Some(YearRange {
                from: 2010,
                to: 2020
            })
        );
    }
}
