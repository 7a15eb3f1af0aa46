//! The interface's languages: which one a visitor gets, and its messages.
//!
//! Messages live in JSON language packs (`public/i18n/<code>.json`), one flat object of keys per
//! language, fetched at run time from the site's own origin: only the chosen language travels,
//! and none of them weighs on the wasm download. A missing key falls back to English, then to
//! the key itself, so a half-translated pack still gives a usable map. `tests/i18n.rs` checks
//! that every pack has every key the code uses, with the same placeholders.
//!
//! Numbers and dates are formatted by the browser's `Intl` for the language (see `ui::i18n`);
//! the browser's `Intl.PluralRules` chooses each count's plural form, and `Messages::count`
//! picks the message of that form here.

use std::collections::BTreeMap;

/// The interface's languages, in the switcher's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    #[default]
    En,
    De,
    Da,
    Sv,
    Pl,
    Lt,
    Fi,
    Nb,
    Et,
    Lv,
    Nl,
}

impl Language {
    pub const ALL: [Language; 11] = [
        Language::En,
        Language::De,
        Language::Da,
        Language::Sv,
        Language::Pl,
        Language::Lt,
        Language::Fi,
        Language::Nb,
        Language::Et,
        Language::Lv,
        Language::Nl,
    ];

    /// The BCP 47 code, as `lang` in the URL and the `lang` attribute write it.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Da => "da",
            Language::Sv => "sv",
            Language::Pl => "pl",
            Language::Lt => "lt",
            Language::Fi => "fi",
            Language::Nb => "nb",
            Language::Et => "et",
            Language::Lv => "lv",
            Language::Nl => "nl",
        }
    }

    /// The language's own name for itself, as a switcher lists it.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::De => "Deutsch",
            Language::Da => "Dansk",
            Language::Sv => "Svenska",
            Language::Pl => "Polski",
            Language::Lt => "Lietuvių",
            Language::Fi => "Suomi",
            Language::Nb => "Norsk bokmål",
            Language::Et => "Eesti",
            Language::Lv => "Latviešu",
            Language::Nl => "Nederlands",
        }
    }

    /// Reads a language tag by its primary subtag: `de-AT` is German; unknown tags are `None`.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.trim();
        // Norwegian as a whole (`no`) and Nynorsk readers get Bokmål, the written form they
        // all read.
        if ["no", "nn"].iter().any(|n| n.eq_ignore_ascii_case(primary)) {
            return Some(Language::Nb);
        }
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }
}

/// The language to show: the URL's `lang` if it names one, else the first of the browser's
/// languages the map has, else English.
pub fn negotiate(asked: Option<&str>, browser: &[String]) -> Language {
    asked
        .and_then(Language::from_tag)
        .or_else(|| browser.iter().find_map(|tag| Language::from_tag(tag)))
        .unwrap_or_default()
}

/// One language pack: message keys to text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pack(BTreeMap<String, String>);

impl Pack {
    /// Reads a pack file: a flat JSON object of strings.
    pub fn parse(json: &str) -> Result<Pack, String> {
        serde_json::from_str(json)
            .map(Pack)
            .map_err(|e| e.to_string())
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// The chosen language's pack, with English beneath it for anything it lacks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Messages {
    pub language: Language,
    pack: Pack,
    english: Pack,
}

impl Messages {
    pub fn new(language: Language, pack: Pack, english: Pack) -> Messages {
        Messages {
            language,
            pack,
            english,
        }
    }

    /// The message, else its English, else the key (so a gap shows, but never breaks the page).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.lookup(key).unwrap_or(key)
    }

    /// The message, else its English.
    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.pack.get(key).or_else(|| self.english.get(key))
    }

    /// The message with each `{name}` replaced by its value. Values are inserted as they are:
    /// they may come from the data, and the view sets them as text, never as markup.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.text(key), args)
    }

    /// The message of `key` in CLDR plural `category` (`key.one`, `key.few`, `key.many` or
    /// `key.other`, as `Intl.PluralRules` chose it for the number; falling back to
    /// `key.other`), with `{n}` replaced by `shown`, the number as formatted for the language.
    pub fn count(&self, key: &str, category: &str, shown: &str) -> String {
        let category = format!("{key}.{category}");
        let template = match self.pack.get(&category) {
            Some(t) => t,
            None => self.text_of_other(key),
        };
        fill(template, &[("n", shown)])
    }

    fn text_of_other(&self, key: &str) -> &str {
        let other = format!("{key}.other");
        match self.pack.get(&other).or_else(|| self.english.get(&other)) {
            Some(t) => t,
            None => "{n}",
        }
    }
}

/// `fill` with values held as `String`s (a problem's, an error's).
pub fn fill_owned(template: &str, values: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &args)
}

/// Replaces each `{name}` in `template` by its value; unknown placeholders stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(pairs: &[(&str, &str)]) -> Pack {
        Pack(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn the_url_wins_then_the_browser_then_english() {
        let browser = vec!["fr-FR".to_string(), "sv-SE".into(), "de".into()];
        assert_eq!(negotiate(Some("pl"), &browser), Language::Pl);
        assert_eq!(negotiate(Some("LT"), &browser), Language::Lt);
        assert_eq!(negotiate(Some("tlh"), &browser), Language::Sv);
        assert_eq!(negotiate(None, &browser), Language::Sv);
        assert_eq!(negotiate(None, &["fr".into()]), Language::En);
        assert_eq!(negotiate(None, &[]), Language::En);
        assert_eq!(Language::from_tag("de_AT"), Some(Language::De));
        assert_eq!(Language::from_tag("nb-NO"), Some(Language::Nb));
        assert_eq!(Language::from_tag("no"), Some(Language::Nb));
        assert_eq!(Language::from_tag("nl-BE"), Some(Language::Nl));
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn messages_fall_back_to_english_then_to_the_key() {
        let m = Messages::new(
            Language::De,
            pack(&[("a", "A auf Deutsch")]),
            pack(&[("a", "A"), ("b", "B in English")]),
        );
        assert_eq!(m.text("a"), "A auf Deutsch");
        assert_eq!(m.text("b"), "B in English");
        assert_eq!(m.text("c"), "c");
    }

    #[test]
    fn counts_take_the_languages_plural_form() {
        let english = pack(&[("links.one", "{n} link"), ("links.other", "{n} links")]);
        let polish = pack(&[
            ("links.one", "{n} połączenie"),
            ("links.few", "{n} połączenia"),
            ("links.many", "{n} połączeń"),
        ]);
        let m = Messages::new(Language::Pl, polish, english.clone());
        assert_eq!(m.count("links", "one", "1"), "1 połączenie");
        assert_eq!(m.count("links", "few", "3"), "3 połączenia");
        assert_eq!(m.count("links", "many", "25"), "25 połączeń");
        // A form the pack lacks, or a pack without the key: English's "other", with the
        // number as formatted.
        let m = Messages::new(Language::Lt, Pack::default(), english);
        assert_eq!(m.count("links", "few", "1 000"), "1 000 links");
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("since {date}", &[("date", "2021")]), "since 2021");
        assert_eq!(
            fill("{a} and {b} {c", &[("a", "<b>"), ("b", "{a}")]),
            "<b> and {a} {c"
        );
        assert_eq!(fill("{}", &[]), "{}");
    }

    #[test]
    fn a_pack_must_be_a_flat_object_of_strings() {
        assert!(Pack::parse(r#"{"a": "b"}"#).is_ok());
        assert!(Pack::parse(r#"{"a": {"b": "c"}}"#).is_err());
        assert!(Pack::parse("[]").is_err());
    }
}
