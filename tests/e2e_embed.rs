//! End to end: the map embedded in another site's iframe (`embed=1`), its cooperative
//! gestures, and its look in the light and dark schemes.

mod support;

use fantoccini::actions::{Actions, InputSource, KeyAction, KeyActions, WheelAction, WheelActions};
use fantoccini::key::Key;

use fantoccini::Locator;
use support::{attr, screenshot, wait_for, with_browser, Site};

async fn transform(client: &fantoccini::Client) -> String {
    attr(&wait_for(client, "svg.map-svg g.world").await, "transform").await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_embedded_map_is_compact_links_to_the_full_map_and_lets_the_page_scroll() {
    let site = Site::start();
    with_browser(700, 480, move |client| async move {
        client
            .goto(&format!("{}?place=bytow&theme=refugees&embed=1", site.url))
            .await
            .unwrap();
        wait_for(&client, "#summary[data-links]").await;
        wait_for(&client, "#basemap").await;
        assert!(
            client
                .find_all(Locator::Css(".masthead"))
                .await
                .unwrap()
                .is_empty(),
            "no page header"
        );
        assert!(
            !client
                .find(Locator::Css(".sidebar"))
                .await
                .unwrap()
                .is_displayed()
                .await
                .unwrap(),
            "no sidebar"
        );
        let credits = wait_for(&client, ".attribution")
            .await
            .text()
            .await
            .unwrap();
        assert!(credits.contains("Natural Earth") && credits.contains("GeoNames"));
        // The full map opens on the same place and themes, without `embed`.
        let full = wait_for(&client, "a.full-map").await;
        let href = attr(&full, "href").await;
        assert!(
            href.contains("place=bytow")
                && href.contains("theme=refugees")
                && !href.contains("embed"),
            "{href}"
        );
        assert_eq!(attr(&full, "target").await, "_blank");
        wait_for(&client, "button.fullscreen").await;
        screenshot(&client, "embed").await;

        // The plain wheel leaves the map alone and says how to zoom; with Ctrl it zooms.
        let before = transform(&client).await;
        // A real wheel over the map, through WebDriver; with Ctrl held through it the second
        // time.
        // A point where the map itself is under the pointer, not one of the cards over it.
        let open = client
            .execute(
                "for (let y = 60; y < innerHeight; y += 20) for (let x = 20; x < innerWidth; x += 20) { \
                   const e = document.elementFromPoint(x, y); \
                   if (e && e.closest('svg.map-svg') && !e.closest('g.places, g.beyond')) return [x, y]; } \
                 return null;",
                vec![],
            )
            .await
            .unwrap();
        let (x, y) = (open[0].as_i64().expect("an open point"), open[1].as_i64().unwrap());
        let turn = || {
            WheelActions::new("wheel".to_string()).then(WheelAction::Scroll {
                duration: None,
                x,
                y,
                delta_x: 0,
                delta_y: -300,
            })
        };
        client
            .perform_actions(turn())
            .await
            .expect("turn the wheel");
        let hint = wait_for(&client, ".gesture-hint")
            .await
            .text()
            .await
            .unwrap();
        assert!(hint.contains("Ctrl"), "{hint}");
        // The hint comes from the wheel's own handler: had it zoomed, the drawn map would be
        // moving as a picture by now.
        let moving = client
            .execute(
                "return document.querySelector('svg.map-svg').parentElement.style.transform;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(moving, "", "the page scrolls, not the map");
        assert_eq!(
            transform(&client).await,
            before,
            "the page scrolls, not the map"
        );
        let ctrl: char = Key::Control.into();
        let held = KeyActions::new("keys".to_string())
            .then(KeyAction::Down { value: ctrl })
            .then(KeyAction::Pause {
                duration: std::time::Duration::from_millis(10),
            })
            .then(KeyAction::Up { value: ctrl });
        let wheel = WheelActions::new("wheel".to_string())
            .then(WheelAction::Pause {
                duration: std::time::Duration::from_millis(10),
            })
            .then(WheelAction::Scroll {
                duration: None,
                x,
                y,
                delta_x: 0,
                delta_y: -300,
            })
            .then(WheelAction::Pause {
                duration: std::time::Duration::from_millis(10),
            });
        client
            .perform_actions(Actions::from(held).and(wheel))
            .await
            .expect("Ctrl and the wheel");
        for _ in 0..100 {
            if transform(&client).await != before {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("Ctrl + wheel zooms the embedded map");
    })
    .await;
}
