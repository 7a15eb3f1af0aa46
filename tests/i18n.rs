//! The language packs (`public/i18n/*.json`) are complete: every message the interface asks
//! for is in each of the eleven, with the plural forms the language needs and the same
//! placeholders as the English.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use partnermap::core::i18n::{Language, Pack};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pack(language: Language) -> BTreeMap<String, String> {
    let path = repo().join(format!("public/i18n/{}.json", language.code()));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Pack::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Every string literal in the interface's code that looks like a message key (`area.name`),
/// and the keys the core names problems and load errors by (`problem.…`, `load.…`), which the
/// page tells through the packs.
fn keys_in_code() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for file in ["src/core/validate.rs", "src/core/load.rs"] {
        let code = std::fs::read_to_string(repo().join(file)).unwrap();
        keys.extend(
            code.split('"')
                .skip(1)
                .step_by(2)
                .filter(|l| l.starts_with("problem.") || l.starts_with("load."))
                .map(str::to_string),
        );
    }
    let mut dirs = vec![repo().join("src/ui")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                for literal in code.split('"').skip(1).step_by(2) {
                    let looks_like_key = literal.contains('.')
                        && literal.split('.').all(|part| {
                            !part.is_empty()
                                && part.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        })
                        && ![".json", ".csv", ".svg", ".png", ".html", ".txt"]
                            .iter()
                            .any(|x| literal.ends_with(x));
                    if looks_like_key {
                        keys.insert(literal.to_string());
                    }
                }
            }
        }
    }
    keys
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

fn plural_forms(language: Language) -> &'static [&'static str] {
    match language {
        Language::Pl => &["one", "few", "many"],
        Language::Lt => &["one", "few", "other"],
        Language::Lv => &["zero", "one", "other"],
        _ => &["one", "other"],
    }
}

#[test]
fn every_pack_has_every_message_the_interface_uses() {
    let keys = keys_in_code();
    assert!(
        keys.len() > 100,
        "the code's keys are found ({})",
        keys.len()
    );
    let english = pack(Language::En);
    for language in Language::ALL {
        let messages = pack(language);
        for key in &keys {
            let plural = english.contains_key(&format!("{key}.other"));
            if plural {
                for form in plural_forms(language) {
                    assert!(
                        messages.contains_key(&format!("{key}.{form}")),
                        "{}: {key}.{form}",
                        language.code()
                    );
                }
            } else {
                assert!(
                    messages.contains_key(key),
                    "{} lacks {key}",
                    language.code()
                );
            }
        }
        // Countries and languages are looked up by code: every one the curated records use has
        // a reviewed name in the packs; any other country (a partner beyond the map may lie
        // anywhere) is named by the browser's `Intl.DisplayNames`.
        let dataset: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(repo().join("data/curated.json")).unwrap(),
        )
        .unwrap();
        for place in dataset["places"].as_array().unwrap() {
            let key = format!("country.{}", place["country"].as_str().unwrap());
            assert!(
                messages.contains_key(&key),
                "{} lacks {key}",
                language.code()
            );
        }
        for source in dataset["sources"].as_array().unwrap() {
            let key = format!("language.{}", source["language"].as_str().unwrap());
            assert!(
                messages.contains_key(&key),
                "{} lacks {key}",
                language.code()
            );
        }
    }
}

#[test]
fn translations_keep_the_placeholders_and_add_no_stray_keys() {
    let english = pack(Language::En);
    for language in Language::ALL {
        for (key, text) in pack(language) {
            let base = ["zero", "one", "few", "many", "other"]
                .iter()
                .find_map(|form| key.strip_suffix(&format!(".{form}")))
                .filter(|base| english.contains_key(&format!("{base}.other")));
            let original = match base {
                Some(base) => &english[&format!("{base}.other")],
                None => english
                    .get(&key)
                    .unwrap_or_else(|| panic!("{}: {key} is not an English key", language.code())),
            };
            assert_eq!(
                placeholders(&text),
                placeholders(original),
                "{}: {key}",
                language.code()
            );
            assert!(
                !text.contains('<'),
                "{}: {key} is text, not markup",
                language.code()
            );
        }
    }
}
