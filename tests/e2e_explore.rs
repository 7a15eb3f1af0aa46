//! End to end, in headless Chromium: filters, search, details, moving the map, state in the URL.

mod support;

use fantoccini::actions::{
    InputSource, MouseActions, PointerAction, WheelAction, WheelActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::{key::Key, Client, Locator};
use support::{
    attr, expected_links, open_map, screenshot, seed_dataset, wait_address, wait_attr, wait_for,
    wait_text, with_browser, Expect, Site,
};

const SUMMARY: &str = "#summary";

async fn links_should_be(client: &Client, n: usize) {
    wait_attr(client, SUMMARY, "data-links", &n.to_string()).await;
}

async fn click(client: &Client, css: &str) {
    wait_for(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// The `.world` group's transform: `matrix(scale 0 0 scale tx ty)`.
async fn world_transform(client: &Client) -> Vec<f64> {
    let t = attr(&wait_for(client, "svg.map-svg g.world").await, "transform").await;
    t.trim_start_matches("matrix(")
        .trim_end_matches(')')
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect()
}

/// The transform once the map has been redrawn after a gesture (a gesture first moves the
/// drawn map as a picture, then redraws it where it went): the first that differs from `before`.
async fn redrawn(client: &Client, before: &[f64]) -> Vec<f64> {
    for _ in 0..100 {
        let now = world_transform(client).await;
        if now != before {
            return now;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the map was not redrawn after the gesture");
}

#[tokio::test(flavor = "multi_thread")]
async fn each_filter_set_by_its_control_and_by_the_url_counts_what_the_dataset_says() {
    let site = Site::start();
    with_browser(1400, 900, move |client| async move {
        let data = seed_dataset();
        let all = expected_links(&data, Expect::default());

        // Theme, by its chip; the chip's own count says the same.
        open_map(&client, &site, "").await;
        links_should_be(&client, all).await;
        let theme = Expect { theme: Some("migration_integration"), ..Expect::default() };
        let chip = "button.chip[data-theme='migration_integration']";
        let chip_count = attr(&wait_for(&client, &format!("{chip} .chip-count")).await, "data-count").await;
        assert_eq!(chip_count, expected_links(&data, theme).to_string());
        click(&client, chip).await;
        links_should_be(&client, expected_links(&data, theme)).await;
        wait_address(&client, "the theme in the address", |a| a.contains("theme=migration_integration")).await;
        screenshot(&client, "explore-theme").await;

        // Kind and country, by their boxes, combined with the theme.
        click(&client, "input[data-choice='network']").await;
        links_should_be(&client, expected_links(&data, Expect { kind: Some("network"), ..theme })).await;
        click(&client, "input[data-choice='LT']").await;
        links_should_be(&client, expected_links(&data, Expect { kind: Some("network"), country: Some("LT"), ..theme })).await;
        click(&client, "#reset-filters").await;
        links_should_be(&client, all).await;

        // Year, by the slider: in force in 2022, with and without the undated links.
        let radios = client.find_all(Locator::Css("input[name='year-mode']")).await.unwrap();
        radios[1].click().await.unwrap();
        let slider = wait_for(&client, "#year-slider").await;
        client
            .execute(
                "const s = arguments[0]; s.value = '2022'; s.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![serde_json::to_value(&slider).unwrap()],
            )
            .await
            .unwrap();
        let in_2022 = Expect { years: Some((2022, 2022)), ..Expect::default() };
        links_should_be(&client, expected_links(&data, in_2022)).await;
        click(&client, "#include-undated").await;
        links_should_be(&client, expected_links(&data, Expect { exclude_undated: true, ..in_2022 })).await;
        wait_address(&client, "the year in the address", |a| a.contains("year=2022&undated=0")).await;

        // The same filters through the URL alone.
        for (q, expect) in [
            ("?theme=refugees", Expect { theme: Some("refugees"), ..Expect::default() }),
            ("?year=2022&undated=0", Expect { years: Some((2022, 2022)), exclude_undated: true, ..Expect::default() }),
            ("?year=2006-2020", Expect { years: Some((2006, 2020)), ..Expect::default() }),
            ("?kind=twinning", Expect { kind: Some("twinning"), ..Expect::default() }),
            ("?kind=event", Expect { kind: Some("event"), ..Expect::default() }),
            ("?country=SE", Expect { country: Some("SE"), ..Expect::default() }),
            ("?theme=youth&country=DE&kind=network", Expect { theme: Some("youth"), country: Some("DE"), kind: Some("network"), ..Expect::default() }),
        ] {
            open_map(&client, &site, q).await;
            links_should_be(&client, expected_links(&data, expect)).await;
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn play_steps_through_the_years() {
    let site = Site::start();
    with_browser(1200, 800, move |client| async move {
        let data = seed_dataset();
        open_map(&client, &site, "").await;
        click(&client, "#play-years").await;
        // The player starts at the first year any link is in force, and moves on by itself.
        for year in [1999, 2000, 2001] {
            wait_attr(&client, "#play-years", "aria-pressed", "true").await;
            wait_text(&client, ".year-value", &year.to_string()).await;
            links_should_be(
                &client,
                expected_links(
                    &data,
                    Expect {
                        years: Some((year, year)),
                        ..Expect::default()
                    },
                ),
            )
            .await;
        }
        click(&client, "#play-years").await;
        wait_attr(&client, "#play-years", "aria-pressed", "false").await;

        // Choosing "any year" while it plays ends the run there: no year comes back.
        click(&client, "#play-years").await;
        wait_attr(&client, "#play-years", "aria-pressed", "true").await;
        let radios = client
            .find_all(Locator::Css("input[name='year-mode']"))
            .await
            .unwrap();
        radios[0].click().await.unwrap();
        wait_attr(&client, "#play-years", "aria-pressed", "false").await;
        wait_address(&client, "no year in the address", |a| !a.contains("year=")).await;
        links_should_be(&client, expected_links(&data, Expect::default())).await;
    })
    .await;
}

/// Dragging the year slider through many years makes one history entry: Back returns to the
/// year before the drag, not to the year before last.
#[tokio::test(flavor = "multi_thread")]
async fn a_drag_of_the_year_slider_is_one_step_back() {
    let site = Site::start();
    with_browser(1200, 800, move |client| async move {
        open_map(&client, &site, "?year=2020").await;
        let slider = serde_json::to_value(wait_for(&client, "#year-slider").await).unwrap();
        client
            .execute(
                "const s = arguments[0]; \
                 for (const y of ['2010', '2011', '2012', '2013']) { s.value = y; s.dispatchEvent(new Event('input', { bubbles: true })); } \
                 s.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![slider],
            )
            .await
            .unwrap();
        wait_text(&client, ".year-value", "2013").await;
        wait_address(&client, "the last year of the drag in the address", |a| a.contains("year=2013")).await;
        client.back().await.unwrap();
        wait_text(&client, ".year-value", "2020").await;
        wait_address(&client, "the year before the drag in the address", |a| a.contains("year=2020")).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn searching_butow_finds_bytow_and_its_panel_lists_frankenberg() {
    let site = Site::start();
    with_browser(1400, 900, move |client| async move {
        open_map(&client, &site, "").await;
        let search = wait_for(&client, "#search-input").await;
        search.send_keys("butow").await.unwrap();
        let first = wait_for(&client, "#search-option-0").await;
        let suggestion = first.text().await.unwrap();
        assert!(
            suggestion.contains("Bytów") && suggestion.contains("Bütow"),
            "{suggestion}"
        );
        screenshot(&client, "explore-search").await;
        search.send_keys(&Key::Enter.to_string()).await.unwrap();

        let panel = wait_for(&client, "#details").await;
        assert_eq!(
            wait_for(&client, "#details-title")
                .await
                .text()
                .await
                .unwrap(),
            "Bytów"
        );
        let partners = wait_for(&client, "#details-partners")
            .await
            .text()
            .await
            .unwrap();
        for partner in [
            "Frankenberg (Eder)",
            "Markaryd",
            "Tauragė",
            "Vorpommern-Rügen",
            "Schmalkalden-Meiningen",
        ] {
            assert!(partners.contains(partner), "{partner} in {partners}");
        }
        assert!(partners.contains("since 2006"));
        wait_address(&client, "the place in the address", |a| {
            a.contains("place=bytow")
        })
        .await;
        screenshot(&client, "explore-details").await;

        // A partner in the panel selects that place; Escape closes the panel.
        click(
            &client,
            "#details-partners button[data-select-place='frankenberg-eder']",
        )
        .await;
        wait_text(&client, "#details-title", "Frankenberg (Eder)").await;
        let body = client.find(Locator::Css("body")).await.unwrap();
        body.send_keys(&Key::Escape.to_string()).await.unwrap();
        for _ in 0..100 {
            if client
                .find_all(Locator::Css("#details"))
                .await
                .unwrap()
                .is_empty()
            {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(
            client
                .find_all(Locator::Css("#details"))
                .await
                .unwrap()
                .is_empty(),
            "Escape closes the panel"
        );
        drop(panel);

        // Clicking a partnership on the map selects it.
        open_map(&client, &site, "?place=koge").await;
        // A click on the middle of the arc, where the pointer would be.
        let arc =
            serde_json::to_value(wait_for(&client, "path[data-link='koge-kristianstad']").await)
                .unwrap();
        let at = client
            .execute(
                "const path = arguments[0]; \
                 const mid = path.getPointAtLength(path.getTotalLength() / 2); \
                 const at = new DOMPoint(mid.x, mid.y).matrixTransform(path.getScreenCTM()); \
                 return [at.x, at.y];",
                vec![arc],
            )
            .await
            .unwrap();
        let (x, y) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
        support::click_at(&client, x, y).await;
        wait_text(&client, "#details-title", "Køge – Kristianstad").await;
        wait_address(&client, "the link in the address", |a| {
            a.contains("link=koge-kristianstad")
        })
        .await;

        // "koge" finds Køge without its ø; a link's details name its places and sources.
        open_map(&client, &site, "?link=koge-kristianstad").await;
        let details = wait_for(&client, "#details").await.text().await.unwrap();
        assert!(
            details.contains("Køge – Kristianstad") && details.contains("since October 2021"),
            "{details}"
        );
        assert!(
            details.contains("Samarbejdskommune kommer på besøg fra Sydsverige"),
            "{details}"
        );
        open_map(&client, &site, "?q=koge").await;
        assert!(wait_for(&client, "#search-option-0")
            .await
            .text()
            .await
            .unwrap()
            .contains("Køge"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn back_restores_the_previous_filter_and_nonsense_falls_back_to_defaults() {
    let site = Site::start();
    with_browser(1200, 800, move |client| async move {
        let data = seed_dataset();
        let all = expected_links(&data, Expect::default());
        open_map(&client, &site, "").await;
        click(&client, "button.chip[data-theme='refugees']").await;
        let refugees = Expect { theme: Some("refugees"), ..Expect::default() };
        links_should_be(&client, expected_links(&data, refugees)).await;
        click(&client, "input[data-choice='event']").await;
        links_should_be(&client, expected_links(&data, Expect { kind: Some("event"), ..refugees })).await;
        client.back().await.unwrap();
        links_should_be(&client, expected_links(&data, refugees)).await;
        client.back().await.unwrap();
        links_should_be(&client, all).await;
        client.forward().await.unwrap();
        links_should_be(&client, expected_links(&data, refugees)).await;

        // Nonsense in every parameter: the defaults, and a working map.
        open_map(
            &client,
            &site,
            "?theme=zzz&year=abc&undated=maybe&kind=castle&country=XX&place=atlantis&link=nothing&q=%00%FF\
             &lang=tlh&view=globe&map=NaN/1/2",
        )
        .await;
        links_should_be(&client, all).await;
        assert!(client.find_all(Locator::Css("#details")).await.unwrap().is_empty());
        let places = support::count(&data, "places").to_string();
        wait_attr(&client, SUMMARY, "data-places", &places).await;
        // A valid part of an otherwise broken URL still applies.
        open_map(&client, &site, "?year=nonsense&theme=youth,zzz&map=1/2").await;
        links_should_be(&client, expected_links(&data, Expect { theme: Some("youth"), ..Expect::default() })).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn wheel_drag_keys_and_hover_move_and_light_the_map() {
    let site = Site::start();
    with_browser(1200, 800, move |client| async move {
        open_map(&client, &site, "").await;
        wait_for(&client, "#basemap").await;
        let home = world_transform(&client).await;

        // The wheel zooms in around the cursor: a real wheel, through WebDriver.
        let wheel = WheelActions::new("wheel".to_string()).then(WheelAction::Scroll {
            duration: None,
            x: 700,
            y: 400,
            delta_x: 0,
            delta_y: -300,
        });
        client.perform_actions(wheel).await.expect("turn the wheel");
        let zoomed = redrawn(&client, &home).await;
        assert!(
            zoomed[0] > home[0] * 1.9,
            "wheel zooms in: {home:?} → {zoomed:?}"
        );

        // A drag with the mouse moves it by as much as the pointer moved.
        let to = |x: f64| PointerAction::MoveTo {
            duration: None,
            x,
            y: 400.0,
        };
        let drag = MouseActions::new("mouse".to_string())
            .then(to(600.0))
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(to(650.0))
            .then(to(700.0))
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        client.perform_actions(drag).await.expect("drag the map");
        let dragged = redrawn(&client, &zoomed).await;
        assert!(
            (dragged[4] - zoomed[4] - 100.0).abs() < 0.5,
            "dragged 100 px: {zoomed:?} → {dragged:?}"
        );
        assert_eq!(dragged[0], zoomed[0]);

        // Keys, with the map focused: + zooms in, arrows move, 0 goes back to the whole region.
        let map = wait_for(&client, "div.map").await;
        map.send_keys("+").await.unwrap();
        let plus = world_transform(&client).await;
        assert!(plus[0] > dragged[0], "+ zooms in");
        map.send_keys(&Key::Left.to_string()).await.unwrap();
        let left = world_transform(&client).await;
        assert!(
            left[4] > plus[4],
            "the left arrow shows what lies to the west"
        );
        map.send_keys("0").await.unwrap();
        assert_eq!(world_transform(&client).await, home, "0 goes home");

        // The zoom buttons.
        click(&client, "button[aria-label='Zoom in']").await;
        assert!(world_transform(&client).await[0] > home[0]);
        click(&client, "button[aria-label='Show the whole region']").await;
        assert_eq!(world_transform(&client).await, home);

        // Hovering a place lights its links, dims the others, and names it.
        support::hover(&client, "g[data-place='bytow'] .marker-shape").await;
        let tooltip = wait_for(&client, ".tooltip").await.text().await.unwrap();
        assert!(
            tooltip.contains("Bytów") && tooltip.contains("Bütow"),
            "{tooltip}"
        );
        let lit = client
            .find_all(Locator::Css("path.link.highlighted"))
            .await
            .unwrap()
            .len();
        let dimmed = client
            .find_all(Locator::Css(
                ".map-picture:not(.resting) g.links.dimmed path.link-batch",
            ))
            .await
            .unwrap()
            .len();
        assert!(lit >= 5 && dimmed >= 1, "lit {lit}, dimmed {dimmed}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_chosen_theme_colours_its_chip_and_its_links_alike() {
    let site = Site::start();
    with_browser(1200, 800, move |client| async move {
        open_map(&client, &site, "?theme=refugees").await;
        let colours = client
            .execute(
                "const swatch = document.querySelector(\"button.chip[data-theme='refugees'] circle\");
                 const link = document.querySelector('.map-picture:not(.resting) path.link-batch');
                 return [getComputedStyle(swatch).fill, getComputedStyle(link).stroke];",
                vec![],
            )
            .await
            .unwrap();
        let (swatch, link) = (colours[0].as_str().unwrap(), colours[1].as_str().unwrap());
        assert_eq!(swatch, link, "the chip's colour is its links' colour");
        assert!(swatch.starts_with("rgb(") && swatch != "rgb(0, 0, 0)", "a theme colour: {swatch}");
    })
    .await;
}
