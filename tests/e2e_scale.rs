//! End to end at Europe's scale: a generated dataset of 2,000 places and 25,000 links loads,
//! and the filters, search, selection and URL state work on it as on the seed.

mod support;

use fantoccini::{key::Key, Client, Locator};
use partnermap::core::synth::Shape;
use support::{
    attr, expected_links, wait_address, wait_attr, wait_for, wait_text, with_browser, Expect, Site,
};

const SUMMARY: &str = "#summary";
const PATH: &str = "/data/europe-25k.json";

fn dataset() -> serde_json::Value {
    let shape = Shape {
        places: 2_000,
        links: 25_000,
        seed: 7,
    };
    serde_json::to_value(support::generated(shape).unwrap()).unwrap()
}

async fn open(client: &Client, site: &Site, query: &str) {
    let url = format!("{}?data=data/europe-25k.json{query}", site.url);
    client.goto(&url).await.expect("open the map");
    wait_for(client, "#summary[data-links]").await;
}

/// The address names `place` as the selected place.
async fn selected_in_url(client: &Client, place: &str) {
    let wanted = format!("place={place}");
    wait_address(client, &wanted, |a| a.contains(&wanted)).await;
}

async fn links_should_be(client: &Client, n: usize) {
    wait_attr(client, SUMMARY, "data-links", &n.to_string()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_five_thousand_links_filter_search_select_and_remember() {
    let data = dataset();
    let site = Site::start();
    site.answer_json(PATH, &data);
    with_browser(1400, 900, move |client| async move {
        open(&client, &site, "").await;
        links_should_be(&client, 25_000).await;
        wait_attr(&client, SUMMARY, "data-places", "2000").await;
        wait_for(&client, "#basemap").await;
        // Drawn in batches: far fewer elements than links.
        let elements = support::svg_elements(&client).await;
        assert!(elements < 2_000, "{elements} SVG elements for 25,000 links");
        support::screenshot(&client, "scale-25k").await;

        // Hover names a place, and a click on it selects it, through the map's index.
        support::hover(&client, "g.places > g:first-child .marker-shape").await;
        let named = wait_for(&client, ".tooltip").await.text().await.unwrap();
        assert!(!named.is_empty());
        let first = wait_for(&client, "g.places > g:first-child").await;
        let id = attr(&first, "data-place").await;
        support::click_on_map(&client, "g.places > g:first-child .marker-shape").await;
        wait_for(&client, "#details").await;
        selected_in_url(&client, &id).await;
        // Its links are drawn one by one over the batches, each named.
        wait_for(&client, "g.links-focus path[data-link]").await;
        open(&client, &site, "").await;

        // A theme chip, then back to every link.
        let theme = data["themes"][0]["id"].as_str().unwrap();
        let by_theme = Expect {
            theme: Some(theme),
            ..Expect::default()
        };
        wait_for(&client, &format!("button.chip[data-theme='{theme}']"))
            .await
            .click()
            .await
            .unwrap();
        links_should_be(&client, expected_links(&data, by_theme)).await;
        client.back().await.unwrap();
        links_should_be(&client, 25_000).await;

        // A year range and a theme from the URL.
        open(
            &client,
            &site,
            &format!("&theme={theme}&year=1990-2000&undated=0"),
        )
        .await;
        let expect = Expect {
            years: Some((1990, 2000)),
            exclude_undated: true,
            ..by_theme
        };
        links_should_be(&client, expected_links(&data, expect)).await;

        // Search finds a place; choosing it opens its details and records it in the URL.
        open(&client, &site, "").await;
        // A place whose name no other place's name starts with, so that it is the first answer.
        let places = data["places"].as_array().unwrap();
        let names: Vec<&str> = places.iter().map(|p| p["name"].as_str().unwrap()).collect();
        let place = places
            .iter()
            .skip(17)
            .find(|p| {
                let name = p["name"].as_str().unwrap();
                names.iter().filter(|n| n.starts_with(name)).count() == 1
            })
            .unwrap();
        let (id, name) = (
            place["id"].as_str().unwrap(),
            place["name"].as_str().unwrap(),
        );
        let input = wait_for(&client, "#search-input").await;
        input.send_keys(name).await.unwrap();
        wait_for(&client, "#search-option-0").await;
        input.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_text(&client, "#details-title", name).await;
        selected_in_url(&client, id).await;

        // A link selected by its URL; its place's links are drawn one by one.
        let link = data["partnerships"][3]["id"].as_str().unwrap();
        open(&client, &site, &format!("&link={link}")).await;
        wait_for(&client, &format!("path.selected[data-link='{link}']")).await;
        assert!(!client
            .find(Locator::Css("#details-title"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
            .is_empty());
    })
    .await;
}
