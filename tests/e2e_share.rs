//! End to end: the map in eleven languages, the list view, the Share & embed dialog and the
//! downloads, as a visitor meets them.

mod support;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::{
    attr, screenshot, seed_dataset, wait_address, wait_for, wait_text, wait_value, with_browser,
    Site,
};

fn pack(code: &str) -> Value {
    let path = support::repo().join(format!("public/i18n/{code}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

async fn text(client: &Client, css: &str) -> String {
    wait_for(client, css).await.text().await.unwrap()
}

async fn links_drawn(client: &Client) -> usize {
    attr(
        &wait_for(client, "#summary[data-links]").await,
        "data-links",
    )
    .await
    .parse()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_language_translates_the_interface_theme_labels_and_place_names() {
    let site = Site::start();
    with_browser(1280, 800, move |client| async move {
        let dataset = seed_dataset();
        let english = pack("en");
        for code in ["de", "da", "sv", "pl", "lt", "fi", "nb", "et", "lv", "nl"] {
            let words = pack(code);
            client
                .goto(&format!("{}?lang={code}&place=bytow", site.url))
                .await
                .unwrap();
            wait_for(&client, "#details-title").await;
            let lang = client
                .execute("return document.documentElement.lang", vec![])
                .await
                .unwrap();
            assert_eq!(lang, json!(code));
            let title = text(&client, ".masthead h1").await;
            assert_eq!(title, words["app.title"].as_str().unwrap(), "{code}");
            assert_ne!(title, english["app.title"].as_str().unwrap(), "{code}");
            assert_eq!(
                text(&client, "#filters legend").await,
                words["filters.themes"].as_str().unwrap()
            );
            // Theme chips carry the dataset's label in the language.
            for theme in dataset["themes"].as_array().unwrap() {
                let chip = text(
                    &client,
                    &format!(
                        ".chip[data-theme='{}'] .chip-label",
                        theme["id"].as_str().unwrap()
                    ),
                )
                .await;
                assert_eq!(chip, theme["labels"][code].as_str().unwrap(), "{code}");
            }
            // The details name Bytów in the language where the dataset has it (German), with
            // the local name beside.
            let heading = text(&client, "#details-title").await;
            let expected = if code == "de" {
                "Bütow (Bytów)"
            } else {
                "Bytów"
            };
            assert_eq!(heading, expected, "{code}");
            let summary = text(&client, "#summary").await;
            assert!(
                !summary.contains(" links ") && !summary.contains("places"),
                "{code}: {summary}"
            );
            if ["de", "pl", "fi", "lv"].contains(&code) {
                screenshot(&client, &format!("language-{code}")).await;
            }
        }
        // The switcher opens the same view in the language chosen.
        client
            .goto(&format!("{}?place=bytow&lang=de", site.url))
            .await
            .unwrap();
        wait_for(&client, "#details-title").await;
        let select = wait_for(&client, "select#language").await;
        select.select_by_value("pl").await.unwrap();
        for _ in 0..100 {
            let url = client.current_url().await.unwrap().to_string();
            if url.contains("lang=pl")
                && client
                    .find(Locator::Css("html[lang=pl] #details-title"))
                    .await
                    .is_ok()
            {
                assert!(url.contains("place=bytow"), "{url}");
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("choosing Polski shows the map in Polish");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_shows_the_links_the_filters_let_through_and_a_row_selects_one_on_the_map() {
    let site = Site::start();
    with_browser(1280, 800, move |client| async move {
        client
            .goto(&format!("{}?view=list", site.url))
            .await
            .unwrap();
        let list = wait_for(&client, "#list[data-rows]").await;
        let rows: usize = attr(&list, "data-rows").await.parse().unwrap();
        assert_eq!(rows, links_drawn(&client).await);
        let drawn = client
            .find_all(Locator::Css("#list tbody tr"))
            .await
            .unwrap();
        assert_eq!(drawn.len(), rows, "every row is in the table");
        screenshot(&client, "list").await;

        // A theme narrows the list as it narrows the map.
        wait_for(&client, ".chip[data-theme='refugees']")
            .await
            .click()
            .await
            .unwrap();
        let now = wait_value(
            &client,
            "return Number(document.querySelector('#list').dataset.rows);",
            "a theme narrows the list",
            |v| v.as_u64().is_some_and(|n| (n as usize) < rows),
        )
        .await
        .as_u64()
        .unwrap() as usize;
        assert_eq!(now, links_drawn(&client).await);
        let shown = client
            .find_all(Locator::Css("#list tbody tr"))
            .await
            .unwrap()
            .len();
        assert_eq!(shown, now);
        wait_address(&client, "the list in the address", |a| {
            a.contains("view=list")
        })
        .await;

        // Sorting by "Since", twice: latest first.
        let since = client
            .find(Locator::XPath("//th/button[contains(., 'Since')]"))
            .await
            .unwrap();
        since.click().await.unwrap();
        wait_for(&client, "th[aria-sort=ascending]").await;
        since.click().await.unwrap();
        wait_for(&client, "th[aria-sort=descending]").await;
        let first = text(&client, "#list tbody tr:first-child td:nth-of-type(3)").await;
        assert!(
            first.contains("2023") || first.contains("2022"),
            "latest first: {first}"
        );

        // Keyboard: Enter on a row's name shows it on the map, selected, with its details.
        let button = wait_for(&client, "#list tbody tr:first-child th button").await;
        let id = attr(
            &wait_for(&client, "#list tbody tr:first-child").await,
            "data-link",
        )
        .await;
        client
            .execute(
                "arguments[0].focus()",
                vec![serde_json::to_value(&button).unwrap()],
            )
            .await
            .unwrap();
        client
            .active_element()
            .await
            .unwrap()
            .send_keys("\u{E007}")
            .await
            .unwrap();
        wait_for(&client, &format!("path.selected[data-link='{id}']")).await;
        wait_for(&client, "#details-title").await;
        assert!(
            client
                .find_all(Locator::Css("#list"))
                .await
                .unwrap()
                .is_empty(),
            "back on the map"
        );
        let link = format!("link={id}");
        wait_address(&client, "the link, not the list, in the address", |a| {
            a.contains(&link) && !a.contains("view=list")
        })
        .await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_fits_a_phone() {
    let site = Site::start();
    with_browser(360, 740, move |client| async move {
        client
            .goto(&format!("{}?view=list&lang=lt", site.url))
            .await
            .unwrap();
        wait_for(&client, "#list tbody tr").await;
        screenshot(&client, "list-phone").await;
    })
    .await;
}

/// Fetches a download link's file in the page: its text, or for an image its size.
async fn download(client: &Client, name: &str) -> Value {
    let link = wait_for(client, &format!("a.download[download='{name}']")).await;
    let script = "const [a, done] = arguments; fetch(a.href).then(r => r.blob()).then(async b => {
        if (b.type === 'image/png') { const i = await createImageBitmap(b); done({ type: b.type, width: i.width, height: i.height }); }
        else done({ type: b.type, text: await b.text() }); }).catch(e => done({ error: String(e) }));";
    client
        .execute_async(script, vec![serde_json::to_value(&link).unwrap()])
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_downloads_hold_the_filtered_links_and_the_map_with_its_legend_and_credits() {
    let site = Site::start();
    with_browser(1100, 760, move |client| async move {
        client.goto(&format!("{}?theme=refugees", site.url)).await.unwrap();
        wait_for(&client, "#basemap").await;
        let drawn = links_drawn(&client).await;
        wait_for(&client, "#export-open").await.click().await.unwrap();

        let csv = download(&client, "partnerships.csv").await;
        let mut reader = csv::Reader::from_reader(csv["text"].as_str().unwrap().trim_start_matches('\u{feff}').as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), drawn, "one row per link drawn");
        let ids: Vec<String> = records.iter().map(|r| r[0].to_string()).collect();
        assert!(records.iter().all(|r| r[6].split(';').any(|t| t == "refugees")), "only the chosen theme");

        let json = download(&client, "partnerships.json").await;
        let text = json["text"].as_str().unwrap();
        let loaded = partnermap::core::load::load(text).expect("the JSON download is a dataset");
        assert!(loaded.problems.is_empty(), "it validates: {:?}", loaded.problems);
        let d = &loaded.dataset;
        let in_file: Vec<&str> = d.partnerships.iter().map(|p| p.id.as_str())
            .chain(d.networks.iter().map(|n| n.id.as_str()))
            .chain(d.events.iter().map(|e| e.id.as_str()))
            .collect();
        for id in &ids {
            assert!(in_file.contains(&id.as_str()), "{id} is in the JSON");
        }

        let svg = download(&client, "partner-map.svg").await;
        let svg = svg["text"].as_str().unwrap();
        let parsed = client
            .execute(
                "return new DOMParser().parseFromString(arguments[0], 'image/svg+xml').getElementsByTagName('parsererror').length",
                vec![json!(svg)],
            )
            .await
            .unwrap();
        assert_eq!(parsed, json!(0), "the SVG is well-formed");
        assert!(svg.contains("class=\"land\""), "the image has the basemap's land");
        let refugees = seed_dataset()["themes"].as_array().unwrap().iter()
            .find(|t| t["id"] == "refugees").unwrap()["labels"]["en"].as_str().unwrap().to_string();
        for credit in ["Natural Earth", "GeoNames", "CC BY 4.0", refugees.as_str()] {
            assert!(svg.contains(credit), "the image names {credit}");
        }

        let png = download(&client, "partner-map.png").await;
        assert_eq!(png["type"], json!("image/png"));
        assert!(png["width"].as_u64().unwrap() >= 1100 && png["height"].as_u64().unwrap() > 760, "{png}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_embed_snippet_reproduces_the_view_it_was_made_from() {
    let site = Site::start();
    with_browser(1280, 800, move |client| async move {
        client
            .goto(&format!("{}?place=bytow&theme=refugees&lang=de", site.url))
            .await
            .unwrap();
        wait_for(&client, "#details-title").await;
        let drawn = links_drawn(&client).await;
        let theme = wait_for(&client, ".chip[data-theme='refugees'] .chip-label")
            .await
            .text()
            .await
            .unwrap();
        let heading = wait_for(&client, "#details-title")
            .await
            .text()
            .await
            .unwrap();
        wait_for(&client, "#share-open")
            .await
            .click()
            .await
            .unwrap();
        wait_for(&client, "#share-link").await;
        let link = client
            .execute("return document.getElementById('share-link').value", vec![])
            .await
            .unwrap();
        let link = link.as_str().unwrap().to_string();
        assert!(
            link.contains("place=bytow") && link.contains("theme=refugees"),
            "{link}"
        );
        wait_for(&client, "iframe.share-preview").await;
        screenshot(&client, "share").await;

        let snippet = client
            .execute(
                "return document.getElementById('share-snippet').value",
                vec![],
            )
            .await
            .unwrap();
        let snippet = snippet.as_str().unwrap().to_string();
        assert!(
            snippet.starts_with("<iframe ") && snippet.contains("title=\""),
            "{snippet}"
        );
        let src = snippet
            .split("src=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .replace("&amp;", "&");
        assert!(
            src.starts_with(&site.url) && src.contains("embed=1") && src.contains("lang=de"),
            "{src}"
        );

        client.goto(&src).await.unwrap();
        wait_for(&client, "html[lang=de] #details-title").await;
        assert_eq!(links_drawn(&client).await, drawn, "the same links");
        assert_eq!(
            wait_for(&client, "#details-title")
                .await
                .text()
                .await
                .unwrap(),
            heading
        );
        assert!(
            client
                .find_all(Locator::Css(".masthead"))
                .await
                .unwrap()
                .is_empty(),
            "embedded"
        );
        // An embedded map has no filters to show; its legend names the theme chosen.
        wait_text(&client, ".legend li:has(.link-theme)", &theme).await;
    })
    .await;
}

/// A download that cannot be made says so and offers to try again, which then works.
#[tokio::test(flavor = "multi_thread")]
async fn a_failed_download_says_so_and_can_be_tried_again() {
    let site = Site::start();
    with_browser(1100, 760, move |client| async move {
        client.goto(&site.url).await.unwrap();
        wait_for(&client, "#basemap").await;
        // The JSON download is cut from the dataset fetched again: now it is gone.
        site.answer(
            "/data/partnerships.json",
            support::Canned {
                status: 404,
                body: b"gone".to_vec(),
                content_type: "text/plain",
            },
        );
        wait_for(&client, "#export-open")
            .await
            .click()
            .await
            .unwrap();
        let failed = wait_for(&client, "#export .download.failed").await;
        let text = failed.text().await.unwrap();
        assert!(text.contains("could not be made"), "{text}");
        wait_for(&client, "#export a.download[download='partnerships.csv']").await;
        site.restore("/data/partnerships.json");
        wait_for(&client, "#export button.retry")
            .await
            .click()
            .await
            .unwrap();
        wait_for(&client, "#export a.download[download='partnerships.json']").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_image_with_no_filter_draws_the_links_the_map_shows() {
    let site = Site::start();
    with_browser(1100, 760, move |client| async move {
        client.goto(&site.url).await.unwrap();
        wait_for(&client, "#basemap").await;
        wait_for(&client, "#export-open")
            .await
            .click()
            .await
            .unwrap();
        let svg = download(&client, "partner-map.svg").await;
        let svg = svg["text"].as_str().unwrap();
        // The whole network's links are a picture of their own on the page; the image has them.
        let count = |path: &str| {
            let at = path.find("data-count=\"")? + 12;
            path[at..].split('"').next()?.parse::<u64>().ok()
        };
        let in_image: u64 = svg
            .split("<path class=\"link ")
            .skip(1)
            .filter_map(count)
            .sum();
        let on_page = client
            .execute(
                "return [...document.querySelectorAll('.map-picture:not(.resting) g.links path')]
                    .reduce((n, p) => n + Number(p.dataset.count), 0);",
                vec![],
            )
            .await
            .unwrap();
        assert!(in_image > 0, "the image draws the links");
        assert_eq!(
            json!(in_image),
            on_page,
            "the image draws what the map shows"
        );
    })
    .await;
}
