//! Sharing a view: the state an embedded copy of it opens in, and the iframe snippet that a
//! partnership association pastes into its own website.

use super::export::xml_text;
use super::url_state::{self, UrlState, ViewMode};

/// What the embed keeps of the current view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedChoice {
    /// The selected place or link, which the embed then opens focused on.
    pub selection: bool,
    /// Themes, years, kinds and countries.
    pub filters: bool,
    /// The embed's language (a code the map has).
    pub language: String,
}

/// The state of the embedded map: the current one, less what the choice leaves out, always on
/// the map (an iframe is too small for the list) and without the search text. Where nothing is
/// selected, it keeps where the map stands.
pub fn embed_state(current: &UrlState, choice: &EmbedChoice) -> UrlState {
    let mut state = current.clone();
    state.embed = true;
    state.view = ViewMode::Map;
    state.query.clear();
    state.lang = Some(choice.language.clone());
    if !choice.filters {
        state.filters = Default::default();
    }
    if !choice.selection {
        state.place = None;
        state.link = None;
    }
    if state.place.is_some() {
        // The place's neighbourhood decides the view, fitted to the iframe's size.
        state.viewport = None;
    }
    state
}

/// The snippet: an iframe of the map at `page` (the map's address without query) showing
/// `state`, titled for screen readers, lazy, allowed to go fullscreen.
pub fn iframe_snippet(page: &str, state: &UrlState, title: &str) -> String {
    let src = format!("{page}{}", url_state::write(state));
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" style=\"border:0\" loading=\"lazy\" allow=\"fullscreen\"></iframe>",
        xml_text(&src),
        xml_text(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::url_state::{parse, Known, Viewport};

    fn current() -> UrlState {
        let mut s = parse(
            "theme=youth&year=2022&place=bytow&q=By&view=list&map=2.00/54.0000/15.0000",
            &Known::default(),
        );
        // Known::default() knows no themes or places; set them as a loaded map would have.
        s.filters.themes.insert("youth".into());
        s.place = Some("bytow".into());
        s
    }

    #[test]
    fn the_embed_keeps_what_was_chosen_and_leaves_the_rest() {
        let all = EmbedChoice {
            selection: true,
            filters: true,
            language: "de".into(),
        };
        let s = embed_state(&current(), &all);
        assert!(s.embed);
        assert_eq!(s.view, ViewMode::Map);
        assert_eq!(s.query, "");
        assert_eq!(s.lang.as_deref(), Some("de"));
        assert_eq!(s.place.as_deref(), Some("bytow"));
        assert!(s.filters.themes.contains("youth"));
        assert_eq!(s.viewport, None, "a place decides the view");

        let bare = EmbedChoice {
            selection: false,
            filters: false,
            language: "pl".into(),
        };
        let s = embed_state(&current(), &bare);
        assert_eq!(s.place, None);
        assert!(s.filters.themes.is_empty() && s.filters.years.is_none());
        assert_eq!(
            s.viewport,
            Some(Viewport {
                zoom: 2.0,
                lat: 54.0,
                lon: 15.0
            }),
            "without a place, the view stays where the map stands"
        );
    }

    #[test]
    fn the_snippet_escapes_its_attributes() {
        let state = UrlState {
            embed: true,
            query: "\"><script>".into(),
            ..UrlState::default()
        };
        let snippet = iframe_snippet("https://example.org/map/", &state, "A \"map\" & more");
        assert!(snippet.starts_with("<iframe src=\"https://example.org/map/?q="));
        assert!(snippet.contains("&amp;embed=1\""));
        assert!(snippet.contains("title=\"A &quot;map&quot; &amp; more\""));
        assert!(!snippet.contains("<script>"));
    }
}
