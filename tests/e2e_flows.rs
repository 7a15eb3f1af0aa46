//! End to end at the real network's size: zoomed out, links between groups of places are drawn
//! as one arc each, counted on hover and split as the visitor zooms in; a place in a group
//! still shows its own links and label, and is reached by search and keyboard.

mod support;

use fantoccini::{key::Key, Client};
use support::{
    count, open_map, pointer_to, real_dataset, wait_for, wait_value, with_browser, Site,
};

async fn open(client: &Client, site: &Site, query: &str) {
    open_map(client, site, query).await;
    wait_for(client, "#basemap").await;
}

/// How many aggregated arcs the map draws (each path says how many it holds).
const ARCS: &str =
    "return [...document.querySelectorAll('.map-picture:not(.resting) g.links path.flow')]
    .reduce((n, p) => n + Number(p.dataset.count), 0);";

/// The screen point in the middle of the first arc of the heaviest drawn width class.
const HEAVIEST_ARC_MIDDLE: &str = "
    const paths = [...document.querySelectorAll('.map-picture:not(.resting) g.links path.flow')];
    const weight = (p) => Number([...p.classList].find((c) => c.startsWith('flow-w')).slice(6));
    const path = paths.sort((a, b) => weight(b) - weight(a))[0];
    const n = path.getAttribute('d').match(/-?[0-9.]+/g).slice(0, 6).map(Number);
    const t = 0.5, u = 1 - t;
    // `M x y q cx cy ex ey`: the control point and the end relative to the start.
    const x = n[0] + 2 * u * t * n[2] + t * t * n[4];
    const y = n[1] + 2 * u * t * n[3] + t * t * n[5];
    const svg = path.ownerSVGElement, p = svg.createSVGPoint();
    p.x = x; p.y = y;
    const s = p.matrixTransform(path.getScreenCTM());
    return [s.x, s.y];";

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_region_draws_aggregated_arcs_that_split_as_you_zoom_in() {
    let data = real_dataset();
    let site = Site::real();
    with_browser(1400, 900, move |client| async move {
        open(&client, &site, "").await;
        let links = count(&data, "partnerships") + count(&data, "networks");
        let whole = wait_value(&client, ARCS, "arcs on the whole region", |v| {
            v.as_u64().is_some_and(|n| n > 0)
        })
        .await
        .as_u64()
        .unwrap() as usize;
        assert!(whole * 4 < links, "{whole} arcs for {links} links");
        let elements = support::svg_elements(&client).await;
        assert!(
            elements <= 2_000,
            "{elements} SVG elements on the whole region"
        );
        support::screenshot(&client, "flows-region").await;

        // A theme hides the whole network's picture and draws only its own arcs; every theme
        // again shows the whole network as it was.
        const WHOLE_SHOWN: &str = "return getComputedStyle(document.querySelector('.map-whole')).opacity === '1';";
        client
            .execute("document.querySelector('button.chip[data-theme]').click();", vec![])
            .await
            .unwrap();
        wait_value(&client, ARCS, "a theme's own arcs", |v| {
            v.as_u64().is_some_and(|n| (n as usize) < whole)
        })
        .await;
        wait_value(&client, WHOLE_SHOWN, "the whole network hidden", |v| {
            v.as_bool() == Some(false)
        })
        .await;
        client
            .execute("document.querySelector('button.chip-all').click();", vec![])
            .await
            .unwrap();
        wait_value(&client, ARCS, "every arc again", |v| {
            v.as_u64().is_some_and(|n| n as usize == whole)
        })
        .await;
        wait_value(&client, WHOLE_SHOWN, "the whole network shown", |v| {
            v.as_bool() == Some(true)
        })
        .await;

        // The heaviest arc, under the mouse, says how many links it stands for.
        let at = client.execute(HEAVIEST_ARC_MIDDLE, vec![]).await.unwrap();
        let (x, y) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
        pointer_to(&client, x, y).await;
        let tip = wait_for(&client, ".tooltip-flow")
            .await
            .text()
            .await
            .unwrap();
        let n: usize = tip
            .split(' ')
            .next()
            .and_then(|n| n.replace(',', "").parse().ok())
            .unwrap_or_else(|| panic!("a count first: {tip}"));
        assert!(n >= 50, "the widest arcs stand for 50 links or more: {tip}");
        assert!(tip.contains("places nearby"), "named by its groups: {tip}");
        support::screenshot(&client, "flows-hover").await;

        // From the keyboard: the heaviest arcs are stops, named as hovering names them, and
        // Enter zooms in to where an arc splits.
        pointer_to(&client, 5.0, 5.0).await;
        let stop = wait_for(&client, "g.flow-stop").await;
        let name = stop.attr("aria-label").await.unwrap().unwrap_or_default();
        assert!(
            name.contains("links ·") && name.contains("nearby"),
            "{name}"
        );
        client
            .execute("document.querySelector('g.flow-stop').focus();", vec![])
            .await
            .unwrap();
        let tip = wait_for(&client, ".tooltip-flow")
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(tip, name, "focus shows what the arc stands for");
        stop.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_value(&client, ARCS, "zoomed in by Enter: finer arcs", |v| {
            v.as_u64().is_some_and(|n| n as usize != whole)
        })
        .await;

        // Zooming in splits the groups: more, finer arcs; closer still, every link itself.
        open(&client, &site, "?map=2/54.5/10").await;
        wait_value(&client, ARCS, "more arcs zoomed in", |v| {
            v.as_u64().is_some_and(|n| n as usize > whole)
        })
        .await;
        support::screenshot(&client, "flows-country").await;
        open(&client, &site, "?map=6.5/53.55/10").await;
        wait_value(
            &client,
            "return document.querySelectorAll('.map-picture:not(.resting) g.links path.flow').length === 0 \
             && document.querySelectorAll('.map-picture:not(.resting) g.links path.link-batch').length > 0;",
            "close in, the links themselves",
            |v| v.as_bool() == Some(true),
        )
        .await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_place_in_a_group_shows_its_own_links_and_name_and_is_reached_by_keyboard() {
    let site = Site::real();
    with_browser(1400, 900, move |client| async move {
        // Pinneberg lies in Hamburg's group on the whole region's view: search finds it, and it
        // is drawn with its own label and its own links, not its group's.
        open(&client, &site, "").await;
        let search = wait_for(&client, "#search-input").await;
        search.send_keys("Pinneberg").await.unwrap();
        wait_for(&client, "#search-option-0").await;
        search.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_for(&client, "#details").await;
        let label = wait_for(&client, "g.place.selected text.label:not(.hidden)").await;
        assert!(label.text().await.unwrap().contains("Pinneberg"));
        wait_for(&client, "g.links-focus path[data-link]").await;

        // Back to the whole region: still its own links and label.
        client
            .execute("document.querySelector('.zoom-button:nth-child(3)').click();", vec![])
            .await
            .unwrap();
        wait_value(&client, ARCS, "aggregated arcs again", |v| {
            v.as_u64().is_some_and(|n| n > 0)
        })
        .await;
        wait_for(&client, "g.place.selected text.label:not(.hidden)").await;
        wait_for(&client, "g.links-focus path[data-link]").await;

        // A marker reached with Tab names its group.
        open(&client, &site, "").await;
        wait_for(&client, "g.place").await;
        let map = wait_for(&client, "div.map").await;
        map.send_keys(&Key::Tab.to_string()).await.unwrap();
        let named = wait_value(
            &client,
            "const t = document.querySelector('.tooltip .tooltip-group'); return t ? t.textContent : null;",
            "a focused marker names its group",
            |v| v.is_string(),
        )
        .await;
        assert!(
            named.as_str().unwrap().contains("nearby"),
            "{named}"
        );
    })
    .await;
}
