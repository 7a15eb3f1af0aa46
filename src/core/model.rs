//! The dataset's types: what a partnership map knows about places and how they work together.
//!
//! These types are the single definition of the data format: serde reads and writes
//! `data/partnerships.json` with them, and schemars generates `data/partnerships.schema.json`
//! from them (`cargo run -- schema`), so editors validate what people type.
//!
//! Every record cites its sources by id. Fields a source does not give are left out, never
//! guessed: that is why so much here is optional.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::i18n::Language;

/// The version of the format this code writes.
///
/// Version 2 (the real twin-town network) lets places lie anywhere on Earth, and makes themes
/// and summaries optional, since almost no published twinning states them; it adds a place's
/// Wikidata item and population. Every version 1 file is a valid version 2 file, so reading
/// one upgrades it by reading it (`load`).
pub const SCHEMA_VERSION: u32 = 2;

/// The versions `load` reads.
pub const READABLE_SCHEMA_VERSIONS: [u32; 2] = [1, 2];

/// Text in several languages, keyed by ISO 639-1 code (`en`, `de`, `da`, …).
/// English is always present; other languages where someone wrote them.
pub type LocalizedText = BTreeMap<String, String>;

/// The whole dataset, as stored in `data/partnerships.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The JSON Schema that editors validate this file against.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The version of this format; the app refuses a version it does not know.
    pub schema_version: u32,
    /// The controlled vocabulary of cooperation themes.
    pub themes: Vec<Theme>,
    /// Where every fact comes from.
    pub sources: Vec<Source>,
    pub places: Vec<Place>,
    /// Links between exactly two places.
    pub partnerships: Vec<Partnership>,
    /// Multilateral cooperation: city networks, pacts, programmes, groups of partner towns.
    pub networks: Vec<Network>,
    /// Dated meetings.
    pub events: Vec<Event>,
}

/// A cooperation theme with its labels in the map's languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable id, used in URLs and in records: lowercase letters, digits and `_`.
    pub id: String,
    pub labels: ThemeLabels,
}

/// A theme's label in each language the map is written in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeLabels {
    pub en: String,
    pub de: String,
    pub da: String,
    pub sv: String,
    pub pl: String,
    pub lt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub et: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nl: Option<String>,
}

impl ThemeLabels {
    /// The label in `language`; in English where a dataset has none in that language (the
    /// five languages added last are optional, so that older datasets stay valid).
    pub fn get(&self, language: Language) -> &str {
        let optional = match language {
            Language::En => return &self.en,
            Language::De => return &self.de,
            Language::Da => return &self.da,
            Language::Sv => return &self.sv,
            Language::Pl => return &self.pl,
            Language::Lt => return &self.lt,
            Language::Fi => &self.fi,
            Language::Nb => &self.nb,
            Language::Et => &self.et,
            Language::Lv => &self.lv,
            Language::Nl => &self.nl,
        };
        optional.as_deref().unwrap_or(&self.en)
    }
}

/// A document the data is taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The document's own title, or its opening words where it has none.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// ISO 639-1 code of the document's language.
    pub language: String,
    /// The document's own address (http or https), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An address the document names for its publisher, where it has no address of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_url: Option<String>,
    /// The licence under which the data is reused, where it matters (gazetteers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// How the document was read: inferences, spellings, caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What kind of administrative unit a place is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A town, city or other municipality (Kommune, Stadt, Gemeinde, gmina, savivaldybė).
    Municipality,
    /// A county or district (Kreis, Landkreis, powiat, län).
    County,
    /// A region or federal state (Region, Land, województwo).
    Region,
}

/// A municipality, county or region, anywhere on Earth: a partner beyond the map's region is
/// a place like any other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable id: lowercase ASCII letters, digits and `-`.
    pub id: String,
    /// The local name, as the place writes it (Bytów, Tauragė, Køge).
    pub name: String,
    /// Names in other languages, keyed by ISO 639-1 code ({"de": "Bütow"}).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    pub location: Location,
    /// The place this one belongs to (a town's county), by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The place's Wikidata item (`Q1733`), where it is known unambiguously.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// How many people live there, and who says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
    /// The sources that name this place.
    pub sources: Vec<String>,
}

/// A population count with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Population {
    pub count: u64,
    /// The source of the count (a gazetteer or Wikidata), by id.
    pub source: String,
}

impl Place {
    /// The place's name in `language`, where the dataset has one that differs from the local.
    pub fn name_in(&self, language: Language) -> Option<&str> {
        self.names
            .get(language.code())
            .map(String::as_str)
            .filter(|n| *n != self.name)
    }

    /// The name to show in `language`: "Bütow (Bytów)" where the dataset has a name in it, with
    /// the local one beside; else the local name.
    pub fn display_name(&self, language: Language) -> String {
        match self.name_in(language) {
            Some(name) => format!("{name} ({})", self.name),
            None => self.name.clone(),
        }
    }
}

/// A text in the reader's language where the dataset has it, else English, else any.
pub fn localized(text: &LocalizedText, language: Language) -> Option<&str> {
    text.get(language.code())
        .or_else(|| text.get("en"))
        .or_else(|| text.values().next())
        .map(String::as_str)
}

/// Where a place's marker stands, and where that position comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// WGS84 latitude in degrees.
    pub lat: f64,
    /// WGS84 longitude in degrees.
    pub lon: f64,
    /// The source of the coordinates (a gazetteer), by id.
    pub source: String,
    /// The record in that source (a GeoNames id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// How the position was chosen, where it is not the place's own point (a county at its seat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The kind of a link between two places.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipKind {
    /// A formal town twinning or partnership (Städtepartnerschaft, venskabsby, miasto partnerskie).
    Twinning,
    /// A friendship, less formal than a twinning.
    Friendship,
    /// A cooperation agreement on named subjects (samarbejdsaftale, Kooperationsvereinbarung).
    CooperationAgreement,
    /// A partnership within a joint project.
    ProjectPartnership,
}

/// A link between exactly two places.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    pub id: String,
    /// The two places, by id.
    pub places: [String; 2],
    pub kind: PartnershipKind,
    /// When it began, where a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// When it ended, where it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The cooperation themes a source states, by id; none where no source states one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// A short summary in one or more languages, where someone wrote one from the sources.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub summary: LocalizedText,
    pub sources: Vec<String>,
}

/// The kind of a multilateral cooperation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NetworkKind {
    /// Municipalities working together on a subject, often with a secretariat.
    CityNetwork,
    /// A county and its towns pooling tasks.
    SolidarityPact,
    /// Local alliances within a funding programme.
    Programme,
    /// A town and its partner towns meeting together.
    PartnerTownGroup,
}

/// The role of the place that holds a network together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HostRole {
    /// The network's office sits here.
    Secretariat,
    /// This place hosts the group and its meetings.
    Host,
    /// This place set the cooperation up and invites the others.
    Convener,
}

/// The place that holds a network together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkHost {
    pub place: String,
    pub role: HostRole,
}

/// One member of a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub place: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// How the place takes part, in the source's words (a project, an association).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Whom a stated member count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CountScope {
    /// Members at the time of the source.
    Current,
    /// Everyone who ever joined.
    AllTime,
}

/// A number of members a source states, whether or not it names them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberCount {
    pub count: u32,
    pub scope: CountScope,
    /// The date the count refers to, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A multilateral cooperation between several places.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub id: String,
    /// The network's own name.
    pub name: String,
    pub kind: NetworkKind,
    /// The secretariat, host or convener, where a source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<NetworkHost>,
    /// The members the sources name; often fewer than the counts below.
    pub members: Vec<Member>,
    /// Member counts the sources state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_counts: Vec<MemberCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The cooperation themes a source states, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// A short summary, where someone wrote one from the sources.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub summary: LocalizedText,
    pub sources: Vec<String>,
}

/// A dated meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// The meeting's title, in the source's language.
    pub title: String,
    pub start: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// The hosting place, where the meeting had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The building or site, in the source's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Held online rather than at a place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub online: bool,
    /// Places that took part, besides the host.
    pub participants: Vec<String>,
    pub themes: Vec<String>,
    /// The partnerships or networks this meeting belongs to, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part_of: Vec<String>,
    pub summary: LocalizedText,
    pub sources: Vec<String>,
}
