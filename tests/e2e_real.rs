//! End to end on the shipped dataset, the real twin-town network of the region: partners
//! beyond the map, searching for one, the theme filter with links no source gives a theme, and
//! a notice that stays small however many records are broken.

mod support;

use fantoccini::{key::Key, Client, Locator};
use support::{
    count, expected_links, open_map, real_dataset, wait_address, wait_attr, wait_for, wait_value,
    with_browser, Expect, Site,
};

const SUMMARY: &str = "#summary";

async fn links_should_be(client: &Client, n: usize) {
    wait_attr(client, SUMMARY, "data-links", &n.to_string()).await;
}

async fn text_of(client: &Client, css: &str) -> String {
    wait_for(client, css).await.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_real_network_shows_partners_beyond_the_map() {
    let data = real_dataset();
    let site = Site::real();
    with_browser(1400, 900, move |client| async move {
        open_map(&client, &site, "").await;
        let all = count(&data, "partnerships") + count(&data, "networks") + count(&data, "events");
        assert!(all > 9_500, "{all} links in the shipped dataset");
        links_should_be(&client, all).await;
        wait_for(&client, "#basemap").await;
        // Links to partners beyond the map end at its frame, counted per stretch of it.
        wait_for(&client, "g.edge-marker").await;
        support::screenshot(&client, "real-region").await;

        // Hamburg: partners in the region and overseas, its panel lists both.
        open_map(&client, &site, "?place=hamburg").await;
        wait_for(&client, "#details").await;
        let panel = text_of(&client, "#details-partners").await;
        for partner in ["Dresden", "Prague", "Marseille", "Chicago", "Shanghai"] {
            assert!(panel.contains(partner), "{partner} in {panel}");
        }
        assert!(panel.contains("beyond the map"), "{panel}");
        // Its partners beyond the map are named at the frame, where their links end.
        wait_for(&client, "g.edge-marker").await;
        let mut named = String::new();
        for m in client
            .find_all(Locator::Css("g.edge-marker"))
            .await
            .unwrap()
        {
            named.push_str(&m.attr("aria-label").await.unwrap().unwrap_or_default());
        }
        for partner in ["Marseille", "Chicago", "Shanghai"] {
            assert!(named.contains(partner), "{partner} among {named}");
        }
        // Focusing an arrow names its places beside it. A WebDriver action first: until one,
        // Chromium 148's window has no focus, and `focus()` fires no focus event.
        support::pointer_to(&client, 5.0, 5.0).await;
        client
            .execute("document.querySelector('g.edge-marker').focus();", vec![])
            .await
            .unwrap();
        wait_for(&client, "g.edge-tip").await;
        support::screenshot(&client, "real-hamburg").await;
        // An arrow towards one place, clicked where it is in sight, opens that place.
        let found = client
            .execute(
                "for (const m of document.querySelectorAll('g.edge-marker.single')) { \
                   const r = m.getBoundingClientRect(); \
                   const x = r.left + r.width / 2, y = r.top + r.height / 2; \
                   if (m.contains(document.elementFromPoint(x, y))) \
                     return [m.getAttribute('aria-label'), x, y]; \
                 } return null;",
                vec![],
            )
            .await
            .unwrap();
        let label = found[0].as_str().expect("an arrow to one place in sight");
        let name = label
            .strip_prefix("Towards ")
            .and_then(|rest| rest.split(" (").next())
            .unwrap_or_else(|| panic!("a place named in {label:?}"))
            .to_string();
        let (x, y) = (found[1].as_f64().unwrap(), found[2].as_f64().unwrap());
        // Pointed at, the arrow names its place, and nothing beneath it (an arc, a town) is
        // named over that.
        support::pointer_to(&client, x, y).await;
        wait_for(&client, "g.edge-tip").await;
        let tips = client.find_all(Locator::Css(".tooltip")).await.unwrap();
        assert!(tips.is_empty(), "only the arrow's own tip");
        support::click_at(&client, x, y).await;
        let mut title = String::new();
        for _ in 0..200 {
            title = text_of(&client, "#details-title").await;
            if title.contains(&name) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(title.contains(&name), "{name} opened, not {title}");

        // Searching for a place beyond the map selects it and shows its partners in the region.
        open_map(&client, &site, "").await;
        let search = wait_for(&client, "#search-input").await;
        search.send_keys("Marseille").await.unwrap();
        wait_for(&client, "#search-option-0").await;
        search.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_for(&client, "#details").await;
        assert!(text_of(&client, "#details-title")
            .await
            .contains("Marseille"));
        let panel = text_of(&client, "#details").await;
        assert!(panel.contains("Beyond the map's region"), "{panel}");
        for partner in ["Hamburg", "Gdańsk", "Copenhagen"] {
            assert!(panel.contains(partner), "{partner} in {panel}");
        }
        wait_address(&client, "Marseille in the address", |a| {
            a.contains("place=marseille")
        })
        .await;
        wait_for(&client, "g.links-focus path[data-link]").await;
        support::screenshot(&client, "real-marseille").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn links_without_a_stated_theme_join_a_theme_only_when_asked() {
    let data = real_dataset();
    let site = Site::real();
    with_browser(1400, 900, move |client| async move {
        let theme = "urban_development";
        let tagged = Expect {
            theme: Some(theme),
            ..Expect::default()
        };
        let with_untagged = Expect {
            include_untagged: true,
            ..tagged
        };
        let (only, both) = (
            expected_links(&data, tagged),
            expected_links(&data, with_untagged),
        );
        assert!(
            only > 0 && both > only + 9_000,
            "{only} tagged, {both} with the untagged"
        );
        open_map(&client, &site, &format!("?theme={theme}")).await;
        links_should_be(&client, only).await;
        // The untagged links' own chip counts them.
        let chip = wait_for(&client, "button.chip-untagged .chip-count").await;
        let untagged = both - only;
        assert_eq!(
            chip.attr("data-count").await.unwrap().as_deref(),
            Some(untagged.to_string().as_str())
        );
        wait_for(&client, "#include-untagged")
            .await
            .click()
            .await
            .unwrap();
        links_should_be(&client, both).await;
        wait_address(&client, "the untagged links in the address", |a| {
            a.contains("untagged=1")
        })
        .await;
        open_map(&client, &site, &format!("?theme={theme}&untagged=1")).await;
        links_should_be(&client, both).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn forty_thousand_broken_records_make_a_small_notice() {
    let mut data = support::seed_dataset();
    let broken: Vec<serde_json::Value> = (0..40_000)
        .map(|i| {
            serde_json::json!({
                "id": format!("broken-{i}"), "places": ["koge", format!("nowhere-{i}")],
                "kind": "twinning", "sources": ["koege-kristianstad-visit"]
            })
        })
        .collect();
    data["partnerships"].as_array_mut().unwrap().extend(broken);
    let site = Site::start();
    site.answer_json(support::DATASET_PATH, &data);
    with_browser(1400, 900, move |client| async move {
        open_map(&client, &site, "").await;
        // Everything valid is still shown.
        links_should_be(&client, expected_links(&support::seed_dataset(), Expect::default()))
            .await;
        let heading = text_of(&client, "#data-problems summary").await;
        assert!(heading.contains("40,000"), "{heading}");
        wait_for(&client, "#data-problems summary").await.click().await.unwrap();
        wait_value(
            &client,
            "return document.querySelectorAll('#data-problems li').length > 0;",
            "the notice lists problems",
            |v| v.as_bool() == Some(true),
        )
        .await;
        let nodes = client
            .execute(
                "return document.querySelectorAll('#data-problems *').length;",
                vec![],
            )
            .await
            .unwrap()
            .as_u64()
            .unwrap();
        assert!(nodes < 400, "{nodes} elements for 40,000 problems");
        let rules = text_of(&client, "#data-problems").await;
        assert!(rules.contains("40,000 × partnerships, places[]: unknown place"), "{rules}");
        let download = wait_for(&client, "#problems-download").await;
        let href = download.attr("href").await.unwrap().unwrap_or_default();
        assert!(href.starts_with("blob:"), "{href}");
        let lines = client
            .execute(
                "return fetch(arguments[0]).then(r => r.text()).then(t => t.split('\\n').filter(Boolean).length);",
                vec![serde_json::json!(href)],
            )
            .await
            .unwrap()
            .as_u64()
            .unwrap();
        assert_eq!(lines, 40_000, "the download holds every problem");
        support::screenshot(&client, "real-problems").await;
    })
    .await;
}

/// The first name of the list of `query`, sorted by places from Z to A.
async fn last_name_in_list(client: &Client, site: &Site, query: &str) -> String {
    open_map(client, site, query).await;
    wait_for(client, "#list tbody tr").await;
    let heading = wait_for(client, "th[aria-sort=ascending] button").await;
    heading.click().await.unwrap();
    wait_for(client, "th[aria-sort=descending]").await;
    let first = "const a = document.querySelector('#list tbody tr > :first-child'); return a ? a.textContent.trim() : null;";
    let title = wait_value(client, first, "a first row", |v| v.is_string()).await;
    title.as_str().unwrap().to_string()
}

/// In Danish, the list sorts names as Danes do (Æ, Ø, Å and Aa after Z); in German, Ä and Ö
/// among A and O.
#[tokio::test(flavor = "multi_thread")]
async fn the_list_sorts_names_as_the_readers_language_does() {
    let site = Site::real();
    with_browser(1400, 900, move |client| async move {
        let title = last_name_in_list(&client, &site, "?view=list&lang=da&country=DK").await;
        assert!(
            ["Æ", "Ø", "Å", "Aa"].iter().any(|l| title.starts_with(l)),
            "last in Danish order: {title}"
        );
        let title = last_name_in_list(&client, &site, "?view=list&lang=de&country=DK").await;
        assert!(
            !["Æ", "Ø", "Å"].iter().any(|l| title.starts_with(l)),
            "in German, Å is an A: {title}"
        );
    })
    .await;
}

/// On a phone, a busy town opened by its address is in sight above its details, though its
/// partners lie on every side of the region and beyond it (they cannot all be shown at once).
#[tokio::test(flavor = "multi_thread")]
async fn a_town_with_partners_all_round_is_in_sight_above_its_details_on_a_phone() {
    let site = Site::real();
    with_browser(412, 860, move |client| async move {
        open_map(&client, &site, "?place=hamburg").await;
        wait_for(&client, "#details").await;
        wait_for(&client, "#basemap").await;
        support::wait_shown_above_sheet(&client, "hamburg", 412.0).await;
        let label = wait_for(&client, "g[data-place='hamburg']").await;
        assert!(label.text().await.unwrap().contains("Hamburg"), "labelled");
        support::screenshot(&client, "real-phone-hamburg").await;
    })
    .await;
}
