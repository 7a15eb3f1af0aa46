//! End to end, in headless Chromium: the map shows the seed dataset, or says why it cannot.

mod support;

use fantoccini::{Client, Locator};
use support::{
    attr, count, screenshot, seed_dataset, wait_for, wait_text, with_browser, Canned, Site,
};

const DATASET: &str = "/data/partnerships.json";

async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.expect("find_all") {
        out.push(element.text().await.unwrap_or_default());
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_draws_every_place_and_link_of_the_seed_dataset() {
    let site = Site::start();
    with_browser(1400, 900, move |client| async move {
        client.goto(&site.url).await.expect("open the map");
        let summary = wait_for(&client, "#summary[data-links]").await;
        let dataset = seed_dataset();

        let links = count(&dataset, "partnerships")
            + count(&dataset, "networks")
            + count(&dataset, "events");
        assert_eq!(attr(&summary, "data-links").await, links.to_string());
        assert_eq!(
            attr(&summary, "data-places").await,
            count(&dataset, "places").to_string()
        );
        assert_eq!(
            summary.text().await.unwrap(),
            format!(
                "{links} links (6 partnerships, 4 networks, 4 meetings) · {} places",
                count(&dataset, "places")
            )
        );

        // Every place of the dataset has a marker.
        for place in dataset["places"].as_array().unwrap() {
            let id = place["id"].as_str().unwrap();
            let found = client
                .find_all(Locator::Css(&format!("svg g[data-place='{id}']")))
                .await
                .unwrap();
            assert_eq!(found.len(), 1, "one marker for {id}");
        }
        // The links are drawn in a few batched paths, whose counts add up to every partnership,
        // every network with members besides its host, and every meeting with participants
        // besides its host; hosts get rings.
        let others = |record: &serde_json::Value, list: &str| {
            let host = record["host"]["place"]
                .as_str()
                .or(record["host"].as_str())
                .unwrap_or("");
            record[list].as_array().map_or(0, |m| {
                m.iter()
                    .filter(|m| m["place"].as_str().or(m.as_str()) != Some(host))
                    .count()
            })
        };
        let with_lines = count(&dataset, "partnerships")
            + dataset["networks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|n| others(n, "members") > 0)
                .count()
            + dataset["events"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| others(e, "participants") > 0)
                .count();
        let mut batched = 0;
        for batch in client
            .find_all(Locator::Css(
                ".map-picture:not(.resting) svg path.link-batch",
            ))
            .await
            .unwrap()
        {
            batched += attr(&batch, "data-count").await.parse::<usize>().unwrap();
            assert!(attr(&batch, "d").await.starts_with('M'));
        }
        assert_eq!(batched, with_lines, "every link with lines is in a batch");
        let hosted = |collection: &str| {
            dataset[collection]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| !r["host"].is_null())
                .count()
                .to_string()
        };
        let rings = |css: &str| {
            let client = client.clone();
            let css = css.to_string();
            async move {
                attr(
                    &client.find(Locator::Css(&css)).await.unwrap(),
                    "data-count",
                )
                .await
            }
        };
        assert_eq!(
            rings("path.network-hub").await,
            hosted("networks"),
            "every network host has a ring"
        );
        assert_eq!(
            rings("path.event-hub").await,
            hosted("events"),
            "every meeting host has a ring"
        );
        screenshot(&client, "map-desktop").await;

        // Selected, each link with lines is drawn on its own, with its id.
        for (collection, list) in [
            ("partnerships", "places"),
            ("networks", "members"),
            ("events", "participants"),
        ] {
            for record in dataset[collection].as_array().unwrap() {
                if others(record, list) == 0 {
                    continue;
                }
                let id = record["id"].as_str().unwrap();
                client
                    .goto(&format!("{}?link={id}", site.url))
                    .await
                    .unwrap();
                wait_for(&client, "#details").await;
                let lines = client
                    .find_all(Locator::Css(&format!(
                        "svg path.selected[data-link='{id}']"
                    )))
                    .await
                    .unwrap();
                assert_eq!(lines.len(), 1, "{id} is drawn on its own");
            }
        }
        client.goto(&site.url).await.unwrap();
        wait_for(&client, "#summary[data-links]").await;
        for country in [
            "208", "752", "616", "440", "276", "826", "372", "578", "246",
        ] {
            // Denmark, Sweden, Poland, Lithuania, Germany, UK, Ireland, Norway, Finland
            let found = client
                .find_all(Locator::Css(&format!(
                    "#basemap path.land[data-country='{country}']"
                )))
                .await;
            assert_eq!(found.unwrap().len(), 1, "country {country} is drawn");
        }
        for line in ["coast", "border"] {
            let d = attr(
                &client
                    .find(Locator::Css(&format!("#basemap path.{line}")))
                    .await
                    .unwrap(),
                "d",
            )
            .await;
            assert!(d.len() > 10_000, "the {line} is drawn");
        }

        // Labels name the places a person looks for first.
        let labels = texts(&client, "svg text.label").await;
        for name in ["Bytów", "Køge", "Kristianstad", "Tauragė", "Essen"] {
            assert!(
                labels.iter().any(|l| l == name),
                "a label reads {name}: {labels:?}"
            );
        }
        // And the credits stay on the map.
        let credits = client
            .find(Locator::Css(".attribution"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            credits.contains("Natural Earth") && credits.contains("GeoNames"),
            "{credits}"
        );
        assert!(
            client
                .find_all(Locator::Css("#data-problems"))
                .await
                .unwrap()
                .is_empty(),
            "the seed has no problems"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_fits_a_phone() {
    let site = Site::start();
    with_browser(390, 844, move |client| async move {
        client.goto(&site.url).await.expect("open the map");
        wait_for(&client, "#summary[data-links]").await;
        wait_for(&client, "#basemap").await;
        let size = client
            .execute(
                "const r = document.querySelector('svg.map-svg').getBoundingClientRect(); \
                 return [r.width, r.height, document.documentElement.scrollWidth];",
                vec![],
            )
            .await
            .unwrap();
        let [w, h, scroll] = [0, 1, 2].map(|i| size[i].as_f64().unwrap());
        assert_eq!(w, 390.0, "the map spans the phone's width");
        assert!(h > 600.0, "and most of its height: {h}");
        assert!(scroll <= 390.0, "nothing scrolls sideways: {scroll}");
        let bytow = client
            .find(Locator::Css("g[data-place='bytow']"))
            .await
            .unwrap();
        let (x, y, _, _) = bytow.rectangle().await.unwrap();
        assert!(
            (0.0..390.0).contains(&x) && (0.0..844.0).contains(&y),
            "Bytów is on screen: {x} {y}"
        );
        screenshot(&client, "map-phone").await;

        // The filters fold out over the map, and fold back.
        let toggle = wait_for(&client, "button.filters-toggle").await;
        toggle.click().await.unwrap();
        assert!(
            wait_for(&client, "#filters .chip[data-theme]")
                .await
                .is_displayed()
                .await
                .unwrap(),
            "the filters open, with their themes"
        );
        screenshot(&client, "map-phone-filters").await;
        toggle.click().await.unwrap();
        assert!(
            !wait_for(&client, "#filters")
                .await
                .is_displayed()
                .await
                .unwrap(),
            "and close"
        );

        // The key starts folded on a phone and shows the map's symbols when unfolded.
        wait_for(&client, ".legend summary")
            .await
            .click()
            .await
            .unwrap();
        wait_text(&client, ".legend li:nth-of-type(1)", "Twinning").await;

        // A selected place opens its details as a sheet, with the place still in sight above it.
        client
            .goto(&format!("{}?place=bytow", site.url))
            .await
            .unwrap();
        wait_for(&client, "#details").await;
        wait_for(&client, "#basemap").await;
        // The map settles into the space above the sheet once both are laid out.
        support::wait_shown_above_sheet(&client, "bytow", 390.0).await;
        screenshot(&client, "map-phone-details").await;
    })
    .await;
}

/// A narrow window folds the filters away; widened, it shows them, never opened before.
#[tokio::test(flavor = "multi_thread")]
async fn the_filters_are_there_when_a_narrow_window_widens() {
    let site = Site::start();
    with_browser(700, 800, move |client| async move {
        client.goto(&site.url).await.expect("open the map");
        wait_for(&client, "#summary[data-links]").await;
        assert!(
            !wait_for(&client, "#filters")
                .await
                .is_displayed()
                .await
                .unwrap(),
            "folded in a narrow window"
        );
        client.set_window_size(1280, 800).await.unwrap();
        assert!(
            wait_for(&client, "#filters .chip[data-theme]")
                .await
                .is_displayed()
                .await
                .unwrap(),
            "a wide window shows the filters"
        );
    })
    .await;
}

/// Each way a dataset can fail shows its own message, never a blank page.
#[tokio::test(flavor = "multi_thread")]
async fn a_dataset_that_cannot_be_read_says_why_and_offers_a_retry() {
    let site = Site::start();
    let cases: Vec<(u16, &'static [u8], &'static str)> = vec![
        (404, b"gone", "was not found (HTTP 404)"),
        (
            200,
            b"{\"schema_version\": 1, \"places\": [",
            "is not valid JSON",
        ),
        (200, b"", "The data file is empty."),
        (
            200,
            b"{\"schema_version\": 3}",
            "has schema_version 3; this map reads versions 1–2",
        ),
    ];
    with_browser(1000, 700, move |client| async move {
        for (status, body, message) in cases {
            site.answer(
                DATASET,
                Canned {
                    status,
                    body: body.to_vec(),
                    content_type: "application/json",
                },
            );
            client.goto(&site.url).await.expect("open the map");
            let error = wait_for(&client, ".status-error").await;
            let text = error.text().await.unwrap();
            assert!(
                text.contains("could not be loaded") && text.contains(message),
                "{message}: {text}"
            );
        }
        screenshot(&client, "map-load-error").await;

        // Once the file is back, "Try again" brings the map without reloading the page.
        site.restore(DATASET);
        client
            .find(Locator::Css(".status-error button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let summary = wait_for(&client, "#summary[data-links]").await;
        let places = count(&seed_dataset(), "places");
        assert_eq!(attr(&summary, "data-places").await, places.to_string());
    })
    .await;
}

/// A dataset with bad records still shows every good one, and lists the bad ones.
#[tokio::test(flavor = "multi_thread")]
async fn bad_records_are_listed_and_the_rest_is_drawn() {
    let site = Site::start();
    let mut dataset = seed_dataset();
    dataset["places"][0]["location"]["lat"] = serde_json::json!(200.0); // Køge, off the globe
    site.answer_json(DATASET, &dataset);
    with_browser(1200, 800, move |client| async move {
        client.goto(&site.url).await.expect("open the map");
        let summary = wait_for(&client, "#summary[data-links]").await;
        let all = seed_dataset();
        // Køge, its partnership with Kristianstad and the visit there are left out; everything
        // else is drawn.
        let links =
            count(&all, "partnerships") + count(&all, "networks") + count(&all, "events") - 2;
        assert_eq!(attr(&summary, "data-links").await, links.to_string());
        assert_eq!(
            attr(&summary, "data-places").await,
            (count(&all, "places") - 1).to_string()
        );
        let notice = wait_for(&client, "#data-problems").await;
        notice.click().await.unwrap();
        let text = notice.text().await.unwrap();
        assert!(
            text.contains("places “koge”") && text.contains("location.lat"),
            "{text}"
        );
        assert!(
            text.contains("partnerships “koge-kristianstad”")
                && text.contains("unknown place \"koge\""),
            "{text}"
        );
        // In German, the same problems in German, with the record's values in them.
        client.goto(&format!("{}?lang=de", site.url)).await.unwrap();
        wait_for(&client, "html[lang=de] #summary[data-links]").await;
        let notice = wait_for(&client, "#data-problems").await;
        notice.click().await.unwrap();
        let text = notice.text().await.unwrap();
        assert!(
            text.contains("200 ist keine geografische Breite (-90 bis 90)")
                && text.contains("unbekannter Ort „koge“"),
            "{text}"
        );
    })
    .await;
}
