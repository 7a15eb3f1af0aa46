//! End to end: the staff page. A spreadsheet chosen through the page's file input, every row's
//! verdict, a candidate picked for an ambiguous name, coordinates given for an unknown one, the
//! preview, and the downloaded dataset loaded into the map with `data=`.

mod support;

use fantoccini::{Client, Locator};
use serde_json::Value;
use support::{
    axe_source, count, open_map, screenshot, seed_dataset, violations, wait_attr, wait_for,
    wait_text, with_browser, with_browser_in, Canned, Site, CSP,
};

/// A German sheet as Excel's "CSV (semicolon separated)" writes it: Windows-1252, German
/// column names, a decimal comma. Row 2's Frankenberg is two towns of the dataset, row 3 is on
/// the map already, row 5 is empty, row 6's Atlantis is nowhere, row 7's "Slupsk" is Słupsk.
fn sheet(test: &str) -> std::path::PathBuf {
    let text = "Ort_a;Land_a;Ort_b;Land_b;Art;Quelle_URL;Quelle_Sprache;Breite_b;Länge_b\r\n\
                Køge;DK;Frankenberg;DE;Freundschaft;https://example.org/k;de;;\r\n\
                Bytów;PL;Frankenberg (Eder);DE;Städtepartnerschaft;https://example.org/k;de;;\r\n\
                Køge;DK;Bogotá;CO;Projekt;https://example.org/k;de;4,71;-74,07\r\n\
                ;;;;;;;;\r\n\
                Køge;DK;Atlantis;DK;twinning;https://example.org/k;de;;\r\n\
                Køge;DK;Slupsk;PL;twinning;https://example.org/k;de;;\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let path =
        std::env::temp_dir().join(format!("Partnerschaften-{test}-{}.csv", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    path
}

async fn text(client: &Client, css: &str) -> String {
    wait_for(client, css).await.text().await.unwrap()
}

/// The text of a download link's file, read back through its blob URL.
async fn download(client: &Client, name: &str) -> String {
    let link = wait_for(client, &format!("a.download[download='{name}']")).await;
    let script = "const [a, done] = arguments; fetch(a.href).then(r => r.text()).then(done, e => done('error: ' + e));";
    let text = client
        .execute_async(script, vec![serde_json::to_value(&link).unwrap()])
        .await
        .unwrap();
    text.as_str().unwrap().to_string()
}

fn ids(dataset: &Value, collection: &str) -> Vec<String> {
    dataset[collection]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sheet_is_checked_fixed_in_place_previewed_and_its_dataset_opens_on_the_map() {
    let site = Site::start();
    let sheet = sheet("fixed");
    with_browser(1280, 900, move |client| async move {
        client
            .goto(&format!("{}check.html", site.url))
            .await
            .unwrap();
        let input = wait_for(&client, "#sheet-file").await;
        input.send_keys(&sheet.to_string_lossy()).await.unwrap();

        // Every row at once: the encoding named, the counts, each row's verdict.
        wait_attr(&client, "#check-summary", "data-added", "2").await;
        let summary = text(&client, "#check-summary").await;
        assert!(summary.contains("Read as Windows-1252"), "{summary}");
        assert!(
            summary.contains("5 rows: 2 added, 1 already on the map, 2 need you"),
            "{summary}"
        );
        let row = |n: usize| format!("tr.verdict[data-row='{n}']");
        assert!(text(&client, &row(3)).await.contains("Already on the map"));
        let slupsk = text(&client, &row(7)).await;
        assert!(slupsk.contains("Słupsk") && slupsk.contains("Added"), "{slupsk}");
        let atlantis = text(&client, &row(6)).await;
        assert!(
            atlantis.contains("place_b") && atlantis.contains("give lat_b and lon_b"),
            "{atlantis}"
        );
        let frankenberg = text(&client, &row(2)).await;
        assert!(
            frankenberg.contains("\"Frankenberg\" (DE) matches 2 places"),
            "{frankenberg}"
        );
        // Both Frankenbergs are offered, told apart by their district, size and position.
        let offered = client
            .find_all(Locator::Css("tr[data-row='2'] .candidate"))
            .await
            .unwrap();
        assert_eq!(offered.len(), 2);
        let offers = text(&client, "tr[data-row='2'] .candidates").await;
        assert!(offers.contains("51.06° N, 8.80° E") && offers.contains("50.91° N, 13.04° E"), "{offers}");
        screenshot(&client, "check-problems").await;

        // The page credits what it uses: the basemap, the gazetteer, the dataset's sources.
        let credits = text(&client, ".check-credits").await;
        for who in ["Natural Earth", "GeoNames", "CC BY 4.0", "Wikidata"] {
            assert!(credits.contains(who), "{credits}");
        }

        // The preview draws the added links inside the region, and names the one beyond it.
        wait_attr(&client, "ul.preview-links", "data-drawn", "1").await;
        assert_eq!(text(&client, "ul.preview-links").await, "Køge – Słupsk (row 7)");
        assert!(text(&client, ".preview-beyond").await.contains("Køge – Bogotá"));

        // Picking Frankenberg in Hesse lets row 2 in.
        let hesse = client
            .execute(
                "return [...document.querySelectorAll(\"tr[data-row='2'] .candidate\")]\
                 .find(li => li.textContent.includes('8.80° E')).querySelector('button.pick').dataset.write;",
                vec![],
            )
            .await
            .unwrap();
        let hesse = wait_for(
            &client,
            &format!("tr[data-row='2'] button.pick[data-write='{}']", hesse.as_str().unwrap()),
        )
        .await;
        hesse.click().await.unwrap();
        wait_attr(&client, "#check-summary", "data-added", "3").await;
        wait_text(&client, &format!("{} .badge", row(2)), "✓ Added").await;
        wait_attr(&client, "ul.preview-links", "data-drawn", "2").await;
        let drawn = text(&client, "ul.preview-links").await;
        assert!(drawn.contains("Køge – Frankenberg (Eder) (row 2)"), "{drawn}");
        screenshot(&client, "check-picked").await;

        // Coordinates for Atlantis let row 6 in too.
        wait_for(&client, "#coordinates-6-b input[name='lat']")
            .await
            .send_keys("54.9")
            .await
            .unwrap();
        wait_for(&client, "#coordinates-6-b input[name='lon']")
            .await
            .send_keys("12,1")
            .await
            .unwrap();
        wait_for(&client, "#coordinates-6-b button[type='submit']")
            .await
            .click()
            .await
            .unwrap();
        wait_attr(&client, "#check-summary", "data-rejected", "0").await;
        assert!(text(&client, &row(6)).await.contains("Added"));

        // The downloads: the merged dataset, the rows' own, the report.
        let seed = seed_dataset();
        let merged: Value =
            serde_json::from_str(&download(&client, "partnerships.json").await).unwrap();
        assert_eq!(
            count(&merged, "partnerships"),
            count(&seed, "partnerships") + 4,
            "the map's links and the four added"
        );
        let added = ids(&merged, "partnerships");
        for id in ["koge-frankenberg-eder", "koge-bogota", "koge-atlantis", "koge-slupsk"] {
            assert!(added.iter().any(|a| a == id), "{id} in {added:?}");
        }
        let stem = sheet.file_stem().unwrap().to_string_lossy().to_string();
        let own: Value =
            serde_json::from_str(&download(&client, &format!("{stem}.json")).await).unwrap();
        assert_eq!(count(&own, "partnerships"), 4, "only the sheet's rows");
        let report = download(&client, &format!("{stem}-report.txt")).await;
        assert!(report.contains("row 3"), "{report}");

        // That dataset, served as a file of the site, is the map's with `data=`.
        site.answer(
            "/data/mine.json",
            Canned {
                status: 200,
                body: serde_json::to_vec(&merged).unwrap(),
                content_type: "application/json",
            },
        );
        open_map(&client, &site, "?data=data/mine.json&link=koge-slupsk").await;
        wait_text(&client, "#details-title", "Køge – Słupsk").await;
        let partnerships = format!("{} partnerships", count(&seed, "partnerships") + 4);
        let summary = text(&client, "#summary").await;
        assert!(summary.contains(&partnerships), "{summary}");
        screenshot(&client, "check-on-the-map").await;
        let _ = std::fs::remove_file(&sheet);

        // The gazetteer came from the site itself, when the page was opened.
        let requests = site.requests();
        assert!(requests.iter().any(|r| r == "/data/gazetteer.csv"), "{requests:?}");
    })
    .await;
}

/// The page runs under the map's strict policy: reading, checking and fixing a sheet, and
/// making its downloads, break none of it and ask nothing of anywhere else.
#[tokio::test(flavor = "multi_thread")]
async fn under_the_strict_csp_a_sheet_is_checked_without_a_violation() {
    let site = Site::start_with_headers(vec![("Content-Security-Policy", CSP)]);
    let sheet = sheet("csp");
    with_browser(1000, 800, move |client| async move {
        client
            .goto(&format!("{}check.html", site.url))
            .await
            .unwrap();
        let input = wait_for(&client, "#sheet-file").await;
        input.send_keys(&sheet.to_string_lossy()).await.unwrap();
        wait_attr(&client, "#check-summary", "data-added", "2").await;
        wait_for(&client, "tr[data-row='2'] button.pick")
            .await
            .click()
            .await
            .unwrap();
        wait_attr(&client, "#check-summary", "data-added", "3").await;
        wait_for(&client, "a.download[download='partnerships.json']").await;
        let _ = std::fs::remove_file(&sheet);
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
        assert_eq!(reports(), 1, "only the test's own violation is reported: {requests:?}");
    })
    .await;
}

/// The page with its table of verdicts, its candidates and its form, light and dark, on a
/// desktop and a phone: no serious or critical WCAG 2.1 A/AA violation.
#[tokio::test(flavor = "multi_thread")]
async fn the_checked_sheet_has_no_serious_accessibility_violations() {
    let axe = axe_source();
    let site = Site::start();
    for (width, height, dark) in [(1280, 900, false), (390, 844, true)] {
        let (url, axe) = (site.url.clone(), axe.clone());
        let sheet = sheet(&format!("axe-{width}"));
        with_browser_in(width, height, dark, move |client| async move {
            client.goto(&format!("{url}check.html")).await.unwrap();
            let input = wait_for(&client, "#sheet-file").await;
            input.send_keys(&sheet.to_string_lossy()).await.unwrap();
            wait_attr(&client, "#check-summary", "data-added", "2").await;
            wait_attr(&client, "ul.preview-links", "data-drawn", "1").await;
            let _ = std::fs::remove_file(&sheet);
            let found = violations(&client, &axe).await;
            assert!(found.is_empty(), "{width} px, dark {dark}: {found:#?}");
            if width < 500 {
                screenshot(&client, "check-phone-dark").await;
            }
        })
        .await;
    }
}
