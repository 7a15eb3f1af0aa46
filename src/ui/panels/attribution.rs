//! Credit where the map's geography and facts come from, as the licences ask: one list, shown
//! on the map and written into the exported image.

use leptos::prelude::*;

use crate::ui::i18n::t;

/// One credit: what it is for (a message key), whose it is, where they are, and the licence.
struct Credit {
    what: &'static str,
    who: &'static str,
    url: &'static str,
    licence: Licence,
}

enum Licence {
    /// A licence named in the reader's language (a message key).
    Described(&'static str),
    /// A licence by its own name, and where it is written.
    Named(&'static str, Option<&'static str>),
}

impl Licence {
    fn text(&self) -> &'static str {
        match self {
            Licence::Described(key) => t(key),
            Licence::Named(name, _) => name,
        }
    }
}

const CREDITS: [Credit; 3] = [
    Credit {
        what: "attribution.basemap",
        who: "Natural Earth",
        url: "https://www.naturalearthdata.com/",
        licence: Licence::Described("attribution.public_domain"),
    },
    Credit {
        what: "attribution.places",
        who: "GeoNames",
        url: "https://www.geonames.org/",
        licence: Licence::Named(
            "CC BY 4.0",
            Some("https://creativecommons.org/licenses/by/4.0/"),
        ),
    },
    Credit {
        what: "attribution.twinnings",
        who: "Wikidata",
        url: "https://www.wikidata.org/",
        licence: Licence::Named("CC0", None),
    },
];

/// The projection, after the credits.
fn projection() -> String {
    format!("{}: ETRS89-LAEA (EPSG:3035)", t("attribution.projection"))
}

/// The credits as one line of text, for the exported image.
pub fn attribution_text() -> String {
    let credits = CREDITS
        .iter()
        .map(|c| format!("{}: {} ({})", t(c.what), c.who, c.licence.text()));
    credits
        .chain([projection()])
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn Attribution() -> impl IntoView {
    let link = |href: &'static str, text: &'static str| {
        view! { <a href=href target="_blank" rel="noopener noreferrer">{text}</a> }
    };
    let credits = CREDITS
        .iter()
        .map(|c| {
            let licence = match c.licence {
                Licence::Named(name, Some(url)) => link(url, name).into_any(),
                _ => c.licence.text().into_any(),
            };
            view! { {t(c.what)} ": " {link(c.url, c.who)} " (" {licence} ") · " }
        })
        .collect_view();
    // Staff check and add their own partnerships on a page of their own (check.html).
    view! {
        <p class="card attribution">
            {credits}{projection()}
            <span class="check-link">" · " <a href="check.html">{t("app.check_link")}</a></span>
        </p>
    }
}
