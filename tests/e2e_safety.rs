//! End to end, in headless Chromium: bad and hostile data never take the map down or run
//! script, no request leaves the site, and the page keeps a strict Content Security Policy.

mod support;

use fantoccini::{Client, Locator};
use serde_json::json;
use support::{attr, count, seed_dataset, wait_attr, wait_for, with_browser, Canned, Site, CSP};

const DATASET: &str = "/data/partnerships.json";

async fn open(client: &Client, site: &Site, query: &str) {
    client
        .goto(&format!("{}{query}", site.url))
        .await
        .expect("open the map");
}

/// Every resource the page loaded, as the browser lists them.
async fn resources(client: &Client) -> Vec<String> {
    let list = client
        .execute("return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);", vec![])
        .await
        .unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn under_a_strict_csp_nothing_is_violated_and_no_request_leaves_the_site() {
    let site = Site::start_with_headers(vec![("Content-Security-Policy", CSP)]);
    with_browser(1200, 800, move |client| async move {
        open(&client, &site, "?place=bytow").await;
        wait_for(&client, "#summary[data-links]").await;
        wait_for(&client, "#basemap").await;
        wait_for(&client, "#details").await;
        // Hover (the tooltip is positioned through the CSSOM), search, filter.
        support::hover(&client, "g[data-place='bytow'] .marker-shape").await;
        wait_for(&client, ".tooltip").await;
        wait_for(&client, "#search-input")
            .await
            .send_keys("koge")
            .await
            .unwrap();
        wait_for(&client, "#search-option-0").await;
        wait_for(&client, "button.chip[data-theme='youth']")
            .await
            .click()
            .await
            .unwrap();
        wait_for(&client, "button.chip[data-theme='youth'][aria-pressed='true']").await;
        // A violation of our own, last: once its report has arrived, any report of the page's
        // would have arrived before it.
        client
            .execute(
                "const s = document.createElement('style'); s.textContent = 'body{}'; document.head.append(s);",
                vec![],
            )
            .await
            .unwrap();
        let reports = || {
            site.requests()
                .into_iter()
                .filter(|r| r.starts_with("/csp-report"))
                .count()
        };
        for _ in 0..200 {
            if reports() > 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let requests = site.requests();
        assert_eq!(
            reports(),
            1,
            "only the test's own violation is reported: {requests:?}"
        );
        for url in resources(&client).await {
            assert!(url.starts_with(&site.url), "a request left the site: {url}");
        }
        assert!(
            requests.iter().any(|r| r.ends_with(".wasm")),
            "the app really ran: {requests:?}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_and_broken_records_are_text_or_left_out_and_the_rest_is_drawn() {
    let site = Site::start();
    let mut data = seed_dataset();
    let all = count(&data, "partnerships") + count(&data, "networks") + count(&data, "events");
    let places = count(&data, "places");
    // Markaryd's name becomes markup; it must stay text.
    let markaryd = data["places"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == "markaryd")
        .unwrap();
    data["places"][markaryd]["name"] = json!("<img src=x onerror=\"document.title='pwned'\">");
    // A source's address becomes script; it must not become a link.
    data["sources"][0]["url"] = json!("javascript:alert(1)");
    let broken = [
        json!({"id": "atlantis", "name": "Atlantis", "kind": "municipality", "country": "DK",
               "location": {"lat": 200.0, "lon": 12.0, "source": "geonames"}, "sources": ["geonames"]}),
        json!({"id": "koge", "name": "Køge again", "kind": "municipality", "country": "DK",
               "location": {"lat": 55.4, "lon": 12.1, "source": "geonames"}, "sources": ["geonames"]}),
    ];
    data["places"].as_array_mut().unwrap().extend(broken);
    data["partnerships"].as_array_mut().unwrap().push(json!({
        "id": "koge-nowhere", "places": ["koge", "nowhere"], "kind": "twinning", "themes": ["youth"],
        "summary": {"en": "A link to a place that is not in the data."}, "sources": ["geonames"]}));
    site.answer_json(DATASET, &data);

    with_browser(1200, 800, move |client| async move {
        open(&client, &site, "?place=koge").await;
        let summary = wait_for(&client, "#summary[data-links]").await;
        assert_eq!(
            attr(&summary, "data-links").await,
            all.to_string(),
            "every valid record is drawn"
        );
        let problems = wait_for(&client, "#data-problems").await;
        problems.click().await.unwrap();
        let text = problems.text().await.unwrap();
        for expected in [
            "places “atlantis”, location.lat: 200 is not a latitude",
            "places “koge”, id: is used by an earlier record too",
            "partnerships “koge-nowhere”, places[1]: unknown place \"nowhere\"",
            "url: is not an http(s) address",
        ] {
            assert!(text.contains(expected), "{expected} in {text}");
        }
        wait_attr(&client, "#summary", "data-places", &places.to_string()).await;

        // The markup is shown as text, as it was typed, and ran nothing (on the whole region,
        // where Markaryd is in view).
        open(&client, &site, "").await;
        let label = wait_for(&client, "g[data-place='markaryd'] text.label").await;
        let label_text = label.prop("textContent").await.unwrap().unwrap_or_default();
        assert_eq!(label_text, "<img src=x onerror=\"document.title='pwned'\">");
        assert!(client
            .find_all(Locator::Css("svg img, #details img"))
            .await
            .unwrap()
            .is_empty());
        assert_ne!(client.title().await.unwrap(), "pwned");

        // The javascript: address is no link anywhere; the source's title is still there.
        open(&client, &site, "?place=koge").await;
        let details = wait_for(&client, "#details").await.text().await.unwrap();
        assert!(
            details.contains("Samarbejdskommune kommer på besøg fra Sydsverige"),
            "{details}"
        );
        let script_links = client
            .find_all(Locator::Css("a[href^='javascript']"))
            .await
            .unwrap();
        assert!(script_links.is_empty(), "no javascript: link");
        for link in client.find_all(Locator::Css("#details a")).await.unwrap() {
            let href = link.attr("href").await.unwrap().unwrap_or_default();
            assert!(
                href.starts_with("https://") || href.starts_with("http://"),
                "{href}"
            );
            assert_eq!(
                link.attr("rel").await.unwrap().as_deref(),
                Some("noopener noreferrer")
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fifty_megabyte_file_is_refused_with_its_size() {
    let site = Site::start();
    let mut body = b"{\"schema_version\": 1, \"padding\": \"".to_vec();
    body.resize(50 * 1024 * 1024, b'x');
    body.extend_from_slice(b"\"}");
    site.answer(
        DATASET,
        Canned {
            status: 200,
            body,
            content_type: "application/json",
        },
    );
    with_browser(1000, 700, move |client| async move {
        open(&client, &site, "").await;
        let error = wait_for(&client, ".status-error")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            error.contains("too large (50.0 MB; the limit is 40 MB)"),
            "{error}"
        );
        assert!(
            client
                .find(Locator::Css(".status-error button"))
                .await
                .is_ok(),
            "with a retry"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn another_dataset_comes_only_from_the_same_site() {
    let site = Site::start();
    let mut small = seed_dataset();
    small["partnerships"] = json!([small["partnerships"][0].clone()]);
    small["networks"] = json!([]);
    small["events"] = json!([]);
    site.answer_json("/data/association.json", &small);
    with_browser(1000, 700, move |client| async move {
        open(&client, &site, "?data=data/association.json").await;
        wait_attr(&client, "#summary", "data-links", "1").await;
        // An address elsewhere is ignored: the map's own dataset is shown, and nothing is fetched from there.
        open(&client, &site, "?data=https://example.invalid/x.json").await;
        let all = count(&seed_dataset(), "partnerships")
            + count(&seed_dataset(), "networks")
            + count(&seed_dataset(), "events");
        wait_attr(&client, "#summary", "data-links", &all.to_string()).await;
        for url in resources(&client).await {
            assert!(
                url.starts_with(&site.url) || url.contains("data=https"),
                "{url}"
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn where_the_download_worker_cannot_start_the_page_downloads_its_files_itself() {
    let site = Site::start();
    site.answer(
        "/public/fetch-worker.js",
        Canned {
            status: 404,
            body: b"not here".to_vec(),
            content_type: "text/plain",
        },
    );
    with_browser(1000, 700, move |client| async move {
        open(&client, &site, "").await;
        let seed = seed_dataset();
        let all = count(&seed, "partnerships") + count(&seed, "networks") + count(&seed, "events");
        wait_attr(&client, "#summary", "data-links", &all.to_string()).await;
        wait_for(&client, "#basemap path").await;
        // The page's own requests are in its own list of resources; a worker's are not.
        let own = resources(&client).await;
        for file in ["partnerships.json", "basemap.json"] {
            assert!(
                own.iter().any(|url| url.contains(file)),
                "{file} downloaded by the page: {own:?}"
            );
        }
    })
    .await;
}
