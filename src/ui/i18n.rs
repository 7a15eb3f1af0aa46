//! The chosen language in the page: its messages, and numbers and dates written by the
//! browser's `Intl` for it (the CLDR data the browser already has, nothing in the download).
//!
//! Messages are read while a view is built, not tracked: a change of language starts the page
//! again in it (see `app.rs`), which is rare and keeps every text in the view a plain string.

use std::cell::{OnceCell, RefCell};

use js_sys::{Array, Function, Intl, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::date::PartialDate;
use crate::core::i18n::{Language, Messages, Pack};
use crate::core::url_state::{self, Known};

use super::fetch::fetch_text;
use super::history;

/// Where the language packs are, relative to the page (so the site works under any sub-path).
const PACK_DIR: &str = "public/i18n";

struct Current {
    /// Leaked, so that every message is a `&'static str` a view takes without copying. A page
    /// installs one language (a change of language reloads it); only *Try again* after a failed
    /// load installs another, a few KB.
    messages: &'static Messages,
    number: Option<Function>,
    /// `Intl.PluralRules`: which plural form (CLDR's category) a count takes in the language.
    plurals: Option<Intl::PluralRules>,
    /// `Intl.Collator`'s `compare`: texts in the order the language sorts them.
    /// This and the dates' formatters are made on first use: the start-up sorts no text and
    /// writes no date, and making them was most of its first long task's `Intl` time on a
    /// phone (an `Intl.DateTimeFormat` with a time zone costs tens of ms there).
    collate: OnceCell<Option<Function>>,
    /// Dates with their day, and months.
    day: OnceCell<Option<Function>>,
    month: OnceCell<Option<Function>>,
    /// `Intl.DisplayNames` for regions: every country's name in the language, from the
    /// browser's CLDR data (a partner beyond the map may lie in any country of the world).
    countries: Option<JsValue>,
    /// Country names as `text::country` found them, (code, name): asked for by every marker
    /// and edge marker drawn, each time the filters redraw them, and the browser's answer
    /// costs a call into `Intl` each time. A list: a page meets a few dozen countries.
    country_names: RefCell<Vec<(String, String)>>,
}

thread_local! {
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
}

fn with<R>(f: impl FnOnce(&Current) -> R) -> Option<R> {
    CURRENT.with(|c| c.borrow().as_ref().map(f))
}

/// The message for `key` in the chosen language.
pub fn t(key: &'static str) -> &'static str {
    with(|c| c.messages.text(key)).unwrap_or(key)
}

/// The message for a key made at run time (`country.DK`), else `fallback`.
pub fn t_or(key: &str, fallback: &str) -> String {
    with(|c| c.messages.lookup(key).map(str::to_string))
        .flatten()
        .unwrap_or_else(|| fallback.to_string())
}

/// The message for `key` with its `{name}` placeholders filled.
pub fn fill(key: &'static str, args: &[(&str, &str)]) -> String {
    with(|c| c.messages.fill(key, args)).unwrap_or_else(|| crate::core::i18n::fill(key, args))
}

/// "3 links", "3 połączenia": the plural form of `key` for `n`, the number as the language
/// writes it.
pub fn count(key: &'static str, n: usize) -> String {
    let shown = number(n);
    with(|c| {
        let category = c
            .plurals
            .as_ref()
            .and_then(|rules| rules.select(n as f64).as_string())
            .unwrap_or_else(|| "other".to_string());
        c.messages.count(key, &category, &shown)
    })
    .unwrap_or(shown)
}

pub fn language() -> Language {
    with(|c| c.messages.language).unwrap_or_default()
}

fn format_with(formatter: Option<&Function>, value: &JsValue) -> Option<String> {
    formatter?.call1(&JsValue::NULL, value).ok()?.as_string()
}

/// A count as the language writes it: "25,000", "25.000", "25 000".
pub fn number(n: usize) -> String {
    with(|c| format_with(c.number.as_ref(), &JsValue::from_f64(n as f64)))
        .flatten()
        .unwrap_or_else(|| n.to_string())
}

/// Orders two texts as the chosen language sorts them (Danish and Swedish put Å, Æ, Ø, Ä, Ö
/// after Z; German sorts Ä with A).
pub fn collate(a: &str, b: &str) -> std::cmp::Ordering {
    let compared = with(|c| {
        let compare = c.collate.get_or_init(|| {
            let locales = Array::of1(&JsValue::from_str(c.messages.language.code()));
            Some(Intl::Collator::new(&locales, &Object::new()).compare())
        });
        let compare = compare.as_ref()?;
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()?
            .as_f64()
    })
    .flatten();
    match compared {
        Some(n) => n.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal),
        None => a.cmp(b),
    }
}

/// "2006", "Oktober 2021", "23. marts 2023", "2023 m. kovo 23 d.", with "about" where the
/// source only implies the date.
pub fn date(d: PartialDate) -> String {
    let text = match d.month {
        None => Some(d.year.to_string()),
        Some(month) => {
            let ms = js_sys::Date::utc(f64::from(d.year), f64::from(month) - 1.0)
                + f64::from(d.day.unwrap_or(1).saturating_sub(1)) * 86_400_000.0;
            let value: JsValue = js_sys::Date::new(&JsValue::from_f64(ms)).into();
            with(|c| {
                let code = c.messages.language.code();
                let (cell, day) = match d.day {
                    Some(_) => (&c.day, Some(("day", "numeric"))),
                    None => (&c.month, None),
                };
                let options = [("year", "numeric"), ("month", "long"), ("timeZone", "UTC")];
                let formatter = cell.get_or_init(|| {
                    let options: Vec<_> = options.into_iter().chain(day).collect();
                    formatter("date", code, &options)
                });
                format_with(formatter.as_ref(), &value)
            })
            .flatten()
        }
    }
    .unwrap_or_else(|| d.year.to_string());
    if d.approximate {
        fill("date.about", &[("date", &text)])
    } else {
        text
    }
}

/// An `Intl.DisplayNames` of `kind` for language `code`, where the browser has one (js-sys
/// does not bind it, so it is reached by name).
fn display_names(code: &str, kind: &str) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: Function = Reflect::get(&intl, &JsValue::from_str("DisplayNames"))
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(
        &options,
        &JsValue::from_str("type"),
        &JsValue::from_str(kind),
    )
    .ok()?;
    let locales = Array::of1(&JsValue::from_str(code));
    Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()
}

/// The name `find` gives for country `code`, found once per page.
pub fn remembered_country(code: &str, find: impl FnOnce() -> String) -> String {
    let known = |c: &Current| {
        let names = c.country_names.borrow();
        names
            .iter()
            .find(|(k, _)| k == code)
            .map(|(_, n)| n.clone())
    };
    if let Some(name) = with(known).flatten() {
        return name;
    }
    let name = find();
    with(|c| {
        c.country_names
            .borrow_mut()
            .push((code.to_string(), name.clone()))
    });
    name
}

/// A country's name in the chosen language by its ISO 3166-1 alpha-2 code, from the browser.
pub fn country_name(code: &str) -> Option<String> {
    // `of` throws on a malformed code; a validated dataset has none, but the page must not die.
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    with(|c| {
        let names = c.countries.as_ref()?;
        let of: Function = Reflect::get(names, &JsValue::from_str("of"))
            .ok()?
            .dyn_into()
            .ok()?;
        of.call1(names, &JsValue::from_str(code))
            .ok()?
            .as_string()
            .filter(|name| name != code)
    })
    .flatten()
}

fn formatter(kind: &str, code: &str, options: &[(&str, &str)]) -> Option<Function> {
    let locales = Array::of1(&JsValue::from_str(code));
    let object = Object::new();
    for (k, v) in options {
        Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
    }
    let format = match kind {
        "number" => Intl::NumberFormat::new(&locales, &object).format(),
        _ => Intl::DateTimeFormat::new(&locales, &object).format(),
    };
    Some(format)
}

/// Makes `messages` the page's language: the `lang` of the document, the formatters.
pub fn install(messages: Messages) {
    let code = messages.language.code();
    let messages: &'static Messages = Box::leak(Box::new(messages));
    let current = Current {
        messages,
        number: formatter("number", code, &[]),
        collate: OnceCell::new(),
        plurals: Some(Intl::PluralRules::new(
            &Array::of1(&JsValue::from_str(code)),
            &Object::new(),
        )),
        day: OnceCell::new(),
        month: OnceCell::new(),
        countries: display_names(code, "region"),
        country_names: RefCell::default(),
    };
    CURRENT.with(|c| *c.borrow_mut() = Some(current));
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", code);
    }
    document().set_title(&format!("{} · {}", t("app.title"), t("app.tagline")));
}

/// The browser's languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The language the page opens in: the URL's `lang`, else the browser's, else English.
pub fn initial_language() -> Language {
    let asked = url_state::parse(&history::query(), &Known::default()).lang;
    crate::core::i18n::negotiate(asked.as_deref(), &browser_languages())
}

async fn fetch_pack(language: Language) -> Result<Pack, String> {
    let url = format!("{PACK_DIR}/{}.json", language.code());
    let text = fetch_text(&url).await.map_err(|e| e.to_string())?;
    Pack::parse(&text).map_err(|e| format!("{url}: {e}"))
}

/// The messages of `language`, with English beneath. A pack that cannot be read is reported
/// on the console and stands aside: English, or failing that the keys, still give a map.
pub async fn load(language: Language) -> Messages {
    // Both packs at once: on a slow line each is a round trip of its own.
    let (english, pack) = match language {
        Language::En => {
            let english = fetch_pack(Language::En).await;
            (english.clone(), english)
        }
        other => futures::future::join(fetch_pack(Language::En), fetch_pack(other)).await,
    };
    let warn = |e: &String| leptos::logging::warn!("language pack: {e}");
    let english = english.inspect_err(warn).unwrap_or_default();
    let pack = pack.inspect_err(warn).unwrap_or_default();
    Messages::new(language, pack, english)
}
