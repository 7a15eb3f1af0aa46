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
    for c in text.chars().flat_map(char::to_lowercase) {
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
                } else if folded
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word.starts_with(&q))
                {
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
    ranked.sort_unstable_by(|a, b| {
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
