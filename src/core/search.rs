//! Finding a place by any of its names, typed without diacritics and in any case:
//! "koge" finds Køge, "butow" finds Bytów through its German name Bütow.
//!
//! Folding is a table of the Latin letters the region's languages use, not a Unicode
//! normalisation library: the table is a few hundred bytes of wasm, where full
//! decomposition tables would cost tens of kilobytes of the page's download.

use super::model::Place;

/// Lowercase, with diacritics and ligatures reduced to plain ASCII letters where the
/// region's languages have them.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => out.push('c'),
            'ď' | 'đ' | 'ð' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ģ' | 'ğ' => out.push('g'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ķ' => out.push('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ł' => out.push('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ŕ' | 'ř' => out.push('r'),
            'ś' | 'š' | 'ş' | 'ș' => out.push('s'),
            'ß' => out.push_str("ss"),
            'ť' | 'ţ' | 'ț' => out.push('t'),
            'þ' => out.push_str("th"),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            // Combining marks typed separately (decomposed input) are dropped.
            '\u{300}'..='\u{36f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The lowercase of the letters of the scripts the region writes its names in (Latin, with
/// Latin-1, Extended-A and the paired letters of Extended-B, Greek and Cyrillic); others stay
/// as they are. Unicode's
/// full case table (`char::to_lowercase`) would cost about 10 KB of the gzipped download.
fn lowercase(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x391..=0x3a1 | 0x3a3..=0x3ab | 0x410..=0x42f => {
            code + 0x20
        }
        0x400..=0x40f => code + 0x50,
        // Latin Extended-A pairs capitals and small letters as even and odd code points,
        // except in two runs where the capital is odd.
        0x100..=0x137 | 0x14a..=0x177 if code.is_multiple_of(2) => code + 1,
        0x139..=0x148 | 0x179..=0x17e if !code.is_multiple_of(2) => code + 1,
        0x178 => 0xff,
        // Cyrillic Extended pairs (Ukrainian, Belarusian) likewise.
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x52f if code.is_multiple_of(2) => code + 1,
        // Latin Extended-B's pairs with comma and other accents below (Ș, Ț, Ǻ…).
        0x1de..=0x1ef | 0x1f8..=0x21f | 0x222..=0x233 if code.is_multiple_of(2) => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Separates the words of a folded name: spaces, hyphens and other punctuation.
fn between_words(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '–' | '—' | '‘' | '’' | '·')
}

/// One suggestion: which place, and the name that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the places searched.
    pub place: usize,
    /// The name that matched: the local name, or another language's.
    pub matched: String,
}

/// Places whose local name or any other-language name contains `query` after folding, best
/// first: names that start with it, then a word that starts with it, then anywhere; shorter
/// names before longer ones at the same rank.
pub fn search(places: &[Place], query: &str, limit: usize) -> Vec<Hit> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(u8, usize, Hit)> = Vec::new();
    for (index, place) in places.iter().enumerate() {
        let best = std::iter::once(&place.name)
            .chain(place.names.values())
            .filter_map(|name| {
                let folded = fold(name);
                let rank = if folded.starts_with(&q) {
                    0
                } else if folded.split(between_words).any(|word| word.starts_with(&q)) {
                    1
                } else if folded.contains(&q) {
                    2
                } else {
                    return None;
                };
                Some((rank, name.chars().count(), name))
            })
            .min_by_key(|&(rank, length, _)| (rank, length));
        if let Some((rank, length, name)) = best {
            ranked.push((
                rank,
                length,
                Hit {
                    place: index,
                    matched: name.clone(),
                },
            ));
        }
    }
    crate::core::sorting::sort_with(&mut ranked, &|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| places[a.2.place].name.cmp(&places[b.2.place].name))
    });
    ranked
        .into_iter()
        .take(limit)
        .map(|(_, _, hit)| hit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_the_regions_scripts_as_unicode_does() {
        let ranges = [
            0x20..0x180u32,
            0x1de..0x1f0,
            0x1f8..0x220,
            0x222..0x234,
            0x391..0x3ac,
            0x400..0x4c0,
            0x4d0..0x530,
        ];
        for code in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut unicode = c.to_lowercase();
            if let (Some(one), None) = (unicode.next(), unicode.next()) {
                assert_eq!(lowercase(c), one, "{c} (U+{code:04X})");
            }
        }
        assert_eq!(fold("ŁÓDŹ ŚWINOUJŚCIE"), "lodz swinoujscie");
        assert_eq!(fold("ŠIAULIAI"), "siauliai");
        assert_eq!(fold("КАЛИНИНГРАД"), "калининград");
    }
    use crate::core::model::{Location, PlaceKind};

    fn place(name: &str, other: &[(&str, &str)]) -> Place {
        Place {
            id: fold(name),
            name: name.into(),
            names: other
                .iter()
                .map(|(l, n)| (l.to_string(), n.to_string()))
                .collect(),
            kind: PlaceKind::Municipality,
            country: "XX".into(),
            location: Location {
                lat: 0.0,
                lon: 0.0,
                source: "s".into(),
                reference: None,
                note: None,
            },
            parent: None,
            wikidata: None,
            population: None,
            sources: vec!["s".into()],
        }
    }

    #[test]
    fn folds_the_regions_letters() {
        assert_eq!(fold("Køge"), "koge");
        assert_eq!(fold("BÜTOW"), "butow");
        assert_eq!(fold("Tauragė"), "taurage");
        assert_eq!(
            fold("Łódź Æbeltoft Straße Þingvellir"),
            "lodz aebeltoft strasse thingvellir"
        );
        assert_eq!(
            fold("Sprockho\u{308}vel"),
            "sprockhovel",
            "decomposed input"
        );
    }

    #[test]
    fn finds_places_by_any_name_without_diacritics() {
        let places = [
            place("Bytów", &[("de", "Bütow")]),
            place("Køge", &[]),
            place("Tauragė", &[("de", "Tauroggen")]),
        ];
        let hits = search(&places, "butow", 5);
        assert_eq!(
            hits,
            vec![Hit {
                place: 0,
                matched: "Bütow".into()
            }]
        );
        assert_eq!(search(&places, "KOGE", 5)[0].place, 1);
        assert_eq!(
            search(&places, "taur", 5).len(),
            1,
            "one hit per place, its best name"
        );
        assert!(search(&places, "  ", 5).is_empty());
    }

    #[test]
    fn ranks_prefixes_before_words_before_anywhere() {
        let places = [
            place("Wetter (Ruhr)", &[]),
            place("Ennepe-Ruhr-Kreis", &[]),
            place("Ruhrort", &[]),
            place("Ruhrau", &[]),
        ];
        let names: Vec<&str> = search(&places, "ruhr", 10)
            .iter()
            .map(|h| places[h.place].name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Ruhrau", "Ruhrort", "Wetter (Ruhr)", "Ennepe-Ruhr-Kreis"]
        );
    }
}
