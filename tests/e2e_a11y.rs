//! Accessibility in headless Chromium: axe-core (installed from npm by scripts/setup.sh) finds
//! no serious or critical violation of WCAG 2.1 A/AA on the main views, in the light and dark
//! schemes, and the keyboard alone finds a place and opens its details.

mod support;

use fantoccini::key::Key;
use support::{
    axe_source, open_map, screenshot, violations, wait_for, wait_text, wait_value, with_browser,
    with_browser_in, Site,
};

#[tokio::test(flavor = "multi_thread")]
async fn the_main_views_have_no_serious_accessibility_violations() {
    let axe = axe_source();
    let site = Site::start();
    for (width, height, dark, query, view) in [
        (1280, 800, false, "", "the whole region"),
        (1280, 800, false, "?place=bytow", "a place's details"),
        (
            1280,
            800,
            false,
            "?link=koge-kristianstad&theme=refugees",
            "a link, filtered",
        ),
        (360, 740, false, "?place=koge", "a phone, 360 px wide"),
        (700, 480, false, "?place=bytow&embed=1", "the embedded map"),
        (
            1280,
            800,
            true,
            "?place=bytow&theme=refugees",
            "details and themes, dark",
        ),
        (360, 740, true, "?place=koge", "a phone, dark"),
        (
            1280,
            800,
            false,
            "?view=list&lang=de",
            "the list, in German",
        ),
        (
            1280,
            800,
            true,
            "?view=list&theme=refugees&lang=pl",
            "the list, dark, in Polish",
        ),
        (
            1280,
            800,
            false,
            "?place=bytow&lang=fi",
            "details, in Finnish",
        ),
        (
            360,
            740,
            false,
            "?view=list&lang=lv",
            "the list on a phone, in Latvian",
        ),
    ] {
        let (site, axe) = (site.url.clone(), axe.clone());
        with_browser_in(width, height, dark, move |client| async move {
            client.goto(&format!("{site}{query}")).await.unwrap();
            wait_for(&client, "#summary[data-links]").await;
            wait_for(&client, "#basemap").await;
            let scheme = client
                .execute(
                    "return matchMedia('(prefers-color-scheme: dark)').matches;",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(scheme, dark, "{view}: the scheme asked for");
            let found = violations(&client, &axe).await;
            assert!(found.is_empty(), "{view}: {found:#?}");
            if width == 360 {
                screenshot(&client, if dark { "phone-360-dark" } else { "phone-360" }).await;
            }
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_alone_finds_a_place_and_opens_its_details() {
    let site = Site::start();
    with_browser(1280, 800, move |client| async move {
        client.goto(&site.url).await.unwrap();
        wait_for(&client, "#summary[data-links]").await;
        // Tab from the top of the page to the search box, type, choose with Enter.
        let body = wait_for(&client, "body").await;
        let mut reached = false;
        for _ in 0..10 {
            body.send_keys(&Key::Tab.to_string()).await.unwrap();
            let id = client
                .execute(
                    "return document.activeElement && document.activeElement.id;",
                    vec![],
                )
                .await
                .unwrap();
            if id == "search-input" {
                reached = true;
                break;
            }
        }
        assert!(reached, "Tab reaches the search box");
        let input = wait_for(&client, "#search-input").await;
        input.send_keys("butow").await.unwrap();
        wait_for(&client, "#search-option-0").await;
        input.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_text(&client, "#details-title", "Bytów").await;
        // Escape in the search box clears its text only: the place stays selected.
        input.send_keys("koge").await.unwrap();
        wait_for(&client, "#search-option-0").await;
        input.send_keys(&Key::Escape.to_string()).await.unwrap();
        wait_value(
            &client,
            "return document.querySelector('#search-input').value;",
            "Escape clears the search text",
            |v| v == "",
        )
        .await;
        wait_text(&client, "#details-title", "Bytów").await;

        // From the map, Tab reaches the markers; Enter selects the focused one, and the focus
        // stays on that place's marker, so a second Enter selects it again, not another.
        client
            .execute("document.querySelector('.map').focus();", vec![])
            .await
            .unwrap();
        let active_place = "const a = document.activeElement; return a && a.dataset ? (a.dataset.place || null) : null;";
        let mut place = serde_json::Value::Null;
        for _ in 0..40 {
            body.send_keys(&Key::Tab.to_string()).await.unwrap();
            place = client.execute(active_place, vec![]).await.unwrap();
            if place.as_str().is_some_and(|p| p != "bytow") {
                break;
            }
        }
        let place = place.as_str().expect("Tab reaches a marker").to_string();
        let focused = client.active_element().await.unwrap();
        focused.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_value(
            &client,
            "return new URLSearchParams(location.search).get('place');",
            "Enter on the marker selects its place",
            |v| v.as_str() == Some(place.as_str()),
        )
        .await;
        let title = wait_for(&client, "#details-title").await.text().await.unwrap();
        let still = client.execute(active_place, vec![]).await.unwrap();
        assert_eq!(still.as_str(), Some(place.as_str()), "the focus stays on {place}");
        client
            .active_element()
            .await
            .unwrap()
            .send_keys(&Key::Enter.to_string())
            .await
            .unwrap();
        wait_text(&client, "#details-title", &title).await;
        let query = client.execute("return location.search;", vec![]).await.unwrap();
        assert!(query.as_str().unwrap().contains(&format!("place={place}")), "{query}");

        // Its partners are buttons the keyboard reaches too; Enter on a marker selects it.
        open_map(&client, &site, "?place=bytow").await;
        let marker = wait_for(&client, "g[data-place='markaryd']").await;
        marker.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_text(&client, "#details-title", "Markaryd").await;
        // Escape on the map closes the details.
        client
            .active_element()
            .await
            .unwrap()
            .send_keys(&Key::Escape.to_string())
            .await
            .unwrap();
        wait_value(
            &client,
            "return document.querySelector('#details') === null;",
            "Escape closes the details",
            |v| v == true,
        )
        .await;
    })
    .await;
}
