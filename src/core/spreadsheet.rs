//! A spreadsheet as staff save it: its bytes read in the encoding they were written in, its
//! column names in any of the languages staff write them in.
//!
//! Excel's plain "CSV (semicolon separated)" in Germany, Denmark and Sweden writes Windows-1252,
//! not UTF-8: `Køge`, `Malmö`, `Straße` arrive as single bytes that are no UTF-8. A file that is
//! valid UTF-8 (with or without a byte-order mark) is read as UTF-8; any other is read as
//! Windows-1252, the only other encoding those programs write for these languages.

/// How a spreadsheet's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 after a byte-order mark, as Excel's "CSV UTF-8" writes it.
    Utf8WithBom,
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8WithBom => "UTF-8 with a byte-order mark",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// The text of a spreadsheet file, and how it was read.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8WithBom,
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), Encoding::Windows1252)
        }
    }
}

/// The template's names of the columns, and what staff call them in German, Danish, Swedish
/// and Polish (written without diacritics and in lowercase, as `normalise` makes them).
const COLUMNS: [(&str, [&str; 4]); 15] = [
    ("place", ["ort", "sted", "ort", "miejsce"]),
    ("country", ["land", "land", "land", "kraj"]),
    ("lat", ["breite", "bredde", "latitud", "szerokosc"]),
    ("lon", ["lange", "laengde", "longitud", "dlugosc"]),
    ("kind", ["art", "type", "typ", "rodzaj"]),
    ("themes", ["themen", "temaer", "teman", "tematy"]),
    ("since", ["seit", "siden", "sedan", "od"]),
    ("until", ["bis", "indtil", "till", "do"]),
    (
        "summary",
        [
            "zusammenfassung",
            "resume",
            "sammanfattning",
            "streszczenie",
        ],
    ),
    (
        "source_url",
        ["quelle_url", "kilde_url", "kalla_url", "zrodlo_url"],
    ),
    (
        "source_title",
        ["quelle_titel", "kilde_titel", "kalla_titel", "zrodlo_tytul"],
    ),
    (
        "source_publisher",
        [
            "quelle_herausgeber",
            "kilde_udgiver",
            "kalla_utgivare",
            "zrodlo_wydawca",
        ],
    ),
    (
        "source_date",
        ["quelle_datum", "kilde_dato", "kalla_datum", "zrodlo_data"],
    ),
    (
        "source_language",
        [
            "quelle_sprache",
            "kilde_sprog",
            "kalla_sprak",
            "zrodlo_jezyk",
        ],
    ),
    ("id", ["kennung", "id", "id", "identyfikator"]),
];

/// The columns that come once for each of a link's two places, with the side's letter after
/// them (`Ort A`, `sted_b`).
const SIDED: [&str; 4] = ["place", "country", "lat", "lon"];

/// A header as written, lowercase ASCII with `_` between its words: `Källa URL` → `kalla_url`.
fn normalise(header: &str) -> String {
    super::import::ascii_words(header).join("_")
}

/// The template's name of the column a header names (`Ort A` → `place_a`, `Kilde URL` →
/// `source_url`); the header itself, normalised, where it names none.
pub fn column_name(header: &str) -> String {
    let name = normalise(header);
    let (base, side) = match name.rsplit_once('_') {
        Some((base, side @ ("a" | "b"))) => (base, Some(side)),
        _ => (name.as_str(), None),
    };
    let canonical = COLUMNS
        .iter()
        .find(|(english, others)| *english == base || others.contains(&base))
        .map(|(english, _)| *english);
    match (canonical, side) {
        (Some(c), Some(side)) if SIDED.contains(&c) => format!("{c}_{side}"),
        (Some(c), None) if !SIDED.contains(&c) => c.to_string(),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_1252_file_is_read_as_excel_wrote_it() {
        // "Køge;Malmö;Straße" as Excel writes it in Denmark, Sweden and Germany.
        let bytes = b"K\xF8ge;Malm\xF6;Stra\xDFe;\x80";
        let (text, encoding) = decode(bytes);
        assert_eq!(encoding, Encoding::Windows1252);
        assert_eq!(text, "Køge;Malmö;Straße;€");
    }

    #[test]
    fn utf8_is_read_as_it_is_with_or_without_its_mark() {
        let (text, encoding) = decode("\u{feff}Køge;Bytów".as_bytes());
        assert_eq!(
            (text.as_str(), encoding),
            ("Køge;Bytów", Encoding::Utf8WithBom)
        );
        let (text, encoding) = decode("Køge;Bytów".as_bytes());
        assert_eq!((text.as_str(), encoding), ("Køge;Bytów", Encoding::Utf8));
    }

    #[test]
    fn column_names_are_read_in_each_language() {
        for (written, column) in [
            ("place_a", "place_a"),
            ("Ort A", "place_a"),
            ("sted_b", "place_b"),
            ("Miejsce B", "place_b"),
            ("Land A", "country_a"),
            ("Kraj_B", "country_b"),
            ("Länge A", "lon_a"),
            ("Længde_B", "lon_b"),
            ("Szerokość A", "lat_a"),
            ("Art", "kind"),
            ("Typ", "kind"),
            ("Rodzaj", "kind"),
            ("Themen", "themes"),
            ("Seit", "since"),
            ("Indtil", "until"),
            ("Resumé", "summary"),
            ("Källa URL", "source_url"),
            ("Quelle-Titel", "source_title"),
            ("Kilde udgiver", "source_publisher"),
            ("Źródło język", "source_language"),
            ("Anmerkung", "anmerkung"),
            ("Ort", "ort"),
        ] {
            assert_eq!(column_name(written), column, "{written}");
        }
    }
}
