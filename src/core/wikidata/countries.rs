//! English country names, as Wikidata labels them, to ISO 3166-1 alpha-2 codes.
//!
//! The `celes` crate knows the ISO names and common short forms; Wikidata's labels add a few of
//! their own ("People's Republic of China", "Kingdom of the Netherlands"), older names
//! ("Swaziland", "Republic of Macedonia") and entities without a code of their own, which are
//! given the code of the ISO country whose territory they lie in (Transnistria → MD). States
//! that no longer exist (Prussia, Austria-Hungary) have no code: a place stated only under one
//! is left out and reported.

use celes::Country;

use crate::core::search::fold;

/// Wikidata labels that `celes` does not know, by their compact key (see [`key`]).
const ALIASES: &[(&str, &str)] = &[
    ("peoplesrepublicofchina", "CN"),
    ("china", "CN"),
    ("kingdomofthenetherlands", "NL"),
    ("netherlands", "NL"),
    ("republicofireland", "IE"),
    ("ireland", "IE"),
    ("ivorycoast", "CI"),
    ("stateofpalestine", "PS"),
    ("palestine", "PS"),
    ("palestinianterritories", "PS"),
    ("palestiniannationalauthority", "PS"),
    ("gazastrip", "PS"),
    ("republicofmacedonia", "MK"),
    ("macedonia", "MK"),
    ("northmacedonia", "MK"),
    ("swaziland", "SZ"),
    ("capeverde", "CV"),
    ("saotomeandprincipe", "ST"),
    ("republicofthecongo", "CG"),
    ("democraticrepublicofthecongo", "CD"),
    ("westernsahara", "EH"),
    ("kosovo", "XK"),
    ("vietnam", "VN"),
    ("syria", "SY"),
    ("bolivia", "BO"),
    ("laos", "LA"),
    ("taiwan", "TW"),
    ("southkorea", "KR"),
    ("northkorea", "KP"),
    ("russia", "RU"),
    ("moldova", "MD"),
    ("tanzania", "TZ"),
    ("iran", "IR"),
    ("venezuela", "VE"),
    ("czechrepublic", "CZ"),
    ("czechia", "CZ"),
    ("unitedstatesofamerica", "US"),
    ("unitedstates", "US"),
    ("unitedkingdom", "GB"),
    ("turkey", "TR"),
    ("bosniaherzegovina", "BA"),
    ("bosniaandherzegovina", "BA"),
    ("easttimor", "TL"),
    ("curacao", "CW"),
    ("falklandislands", "FK"),
    ("faroeislands", "FO"),
    ("greenland", "GL"),
    ("jersey", "JE"),
    ("guernsey", "GG"),
    ("gambia", "GM"),
    ("bahamas", "BS"),
    // Entities without an ISO code of their own: the country whose territory they lie in.
    ("transnistria", "MD"),
    ("luhanskpeoplesrepublic", "UA"),
    ("donetskpeoplesrepublic", "UA"),
    ("somaliland", "SO"),
];

/// Lowercase letters and digits only, diacritics folded: "People's Republic of China" →
/// "peoplesrepublicofchina".
fn key(name: &str) -> String {
    fold(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The ISO 3166-1 alpha-2 code of a country's English name, or `None` where it has none.
pub fn iso_code(name: &str) -> Option<String> {
    let key = key(name);
    if key.is_empty() {
        return None;
    }
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == key) {
        return Some((*code).to_string());
    }
    Country::from_name(&key)
        .or_else(|_| Country::from_name(format!("the{key}")))
        .or_else(|_| Country::from_alias(&key))
        .ok()
        .map(|c| c.alpha2.to_string())
}

#[cfg(test)]
mod tests {
    use super::iso_code;

    #[test]
    fn maps_wikidata_labels() {
        for (name, code) in [
            ("Germany", "DE"),
            ("People's Republic of China", "CN"),
            ("United States of America", "US"),
            ("Kingdom of the Netherlands", "NL"),
            ("Czech Republic", "CZ"),
            ("Russia", "RU"),
            ("Republic of Ireland", "IE"),
            ("State of Palestine", "PS"),
            ("Sao Tomé and Príncipe", "ST"),
            ("United Kingdom", "GB"),
            ("Ivory Coast", "CI"),
            ("Bosnia and Herzegovina", "BA"),
            ("bosnia-herzegovina", "BA"),
            ("Japan", "JP"),
            ("Norway", "NO"),
            ("Iceland", "IS"),
            ("Kosovo", "XK"),
            ("Greece", "GR"),
        ] {
            assert_eq!(iso_code(name).as_deref(), Some(code), "{name}");
        }
        for gone in [
            "Prussia",
            "Austria-Hungary",
            "Austrian Empire",
            "t431584180",
            "",
        ] {
            assert_eq!(iso_code(gone), None, "{gone}");
        }
    }
}
