//! What the end-to-end tests share: the built site served on 127.0.0.1, and a headless
//! Chromium driven through chromedriver (WebDriver, with fantoccini).
//!
//! The site is the release build in `dist/` (`trunk build --release`, which the README's
//! test command runs first); any path can be answered differently per test, to serve a broken
//! dataset in place of the real one.
#![allow(dead_code)] // each test file uses its own part of this

use std::collections::HashMap;
use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, ClientBuilder, Locator};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built site. Missing it is a failure, not a skip: CI must never pass without the browser tests.
pub fn dist() -> PathBuf {
    let dist = std::env::var_os("PARTNERMAP_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no built site: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// A canned answer for one path.
#[derive(Clone)]
pub struct Canned {
    pub status: u16,
    pub body: Vec<u8>,
    pub content_type: &'static str,
}

/// The built site, served on 127.0.0.1 by a thread of this test.
pub struct Site {
    pub url: String,
    overrides: Arc<Mutex<HashMap<String, Canned>>>,
    requests: Arc<Mutex<Vec<String>>>,
}

/// The Content Security Policy the README gives for hosting the map, with a report address so
/// that a test sees every violation.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; \
    form-action 'self'; frame-ancestors *; report-uri /csp-report";

impl Site {
    /// The site with the curated records (`data/curated.json`) as its dataset: the tests of
    /// the map's workings count on records they know one by one. `Site::real` serves the
    /// shipped dataset as a visitor gets it.
    pub fn start() -> Site {
        Site::start_with_headers(Vec::new())
    }

    /// The site with the curated records, sending `headers` with every answer.
    pub fn start_with_headers(headers: Vec<(&'static str, &'static str)>) -> Site {
        let site = Site::serve(headers);
        site.answer_json(DATASET_PATH, &seed_dataset());
        site
    }

    /// The site as built, with the shipped dataset (the real twin-town network).
    pub fn real() -> Site {
        Site::serve(Vec::new())
    }

    fn serve(headers: Vec<(&'static str, &'static str)>) -> Site {
        let root = dist();
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let overrides: Arc<Mutex<HashMap<String, Canned>>> = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let (o, r) = (overrides.clone(), requests.clone());
        let headers = Arc::new(headers);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let path = request.url().split('?').next().unwrap_or("/").to_string();
                r.lock().unwrap().push(path.clone());
                let canned = o.lock().unwrap().get(&path).cloned();
                let (root, headers) = (root.clone(), headers.clone());
                // One thread per answer, as a real server answers in parallel: a large answer
                // the browser reads slowly must not hold up the page's other files.
                std::thread::spawn(move || {
                    let canned = canned.unwrap_or_else(|| serve_file(&root, &path));
                    let header =
                        tiny_http::Header::from_bytes("Content-Type", canned.content_type).unwrap();
                    let mut response = tiny_http::Response::from_data(canned.body)
                        .with_status_code(canned.status)
                        .with_header(header);
                    for (name, value) in headers.iter() {
                        response.add_header(tiny_http::Header::from_bytes(*name, *value).unwrap());
                    }
                    let _ = request.respond(response);
                });
            }
        });
        Site {
            url: format!("http://127.0.0.1:{port}/"),
            overrides,
            requests,
        }
    }

    /// Answers `path` (as requested, e.g. `/data/partnerships.json`) with `canned` from now on.
    pub fn answer(&self, path: &str, canned: Canned) {
        self.overrides
            .lock()
            .unwrap()
            .insert(path.to_string(), canned);
    }

    /// Answers `path` with `dataset` as JSON from now on.
    pub fn answer_json(&self, path: &str, dataset: &serde_json::Value) {
        let body = serde_json::to_vec(dataset).expect("JSON");
        self.answer(
            path,
            Canned {
                status: 200,
                body,
                content_type: "application/json",
            },
        );
    }

    /// Serves `path` from the built site again (the dataset: the curated records).
    pub fn restore(&self, path: &str) {
        self.overrides.lock().unwrap().remove(path);
        if path == DATASET_PATH {
            self.answer_json(DATASET_PATH, &seed_dataset());
        }
    }

    /// Every path requested so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve_file(root: &Path, path: &str) -> Canned {
    let relative = path.trim_start_matches('/');
    let relative = if relative.is_empty() {
        "index.html"
    } else {
        relative
    };
    if relative.split('/').any(|part| part == "..") {
        return Canned {
            status: 403,
            body: b"forbidden".to_vec(),
            content_type: "text/plain",
        };
    }
    match std::fs::read(root.join(relative)) {
        Ok(body) => Canned {
            status: 200,
            body,
            content_type: content_type(relative),
        },
        Err(_) => Canned {
            status: 404,
            body: b"not found".to_vec(),
            content_type: "text/plain",
        },
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Sizes narrower than this are opened as a phone (touch, mobile viewport).
pub const PHONE_MAX_WIDTH: u32 = 600;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// chromedriver, ended when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs `body` against a fresh headless Chromium of `width` × `height` pixels, and closes the
/// browser whatever `body` does, so that a failed assertion leaves no browser behind.
pub async fn with_browser<F, Fut>(width: u32, height: u32, body: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_browser_in(width, height, false, body).await
}

/// The same, with the system asking for a dark scheme where `dark` is set.
pub async fn with_browser_in<F, Fut>(width: u32, height: u32, dark: bool, body: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(Driver)
        .expect("chromedriver on PATH (scripts/setup.sh installs Debian's chromium-driver)");
    let profile = std::env::temp_dir().join(format!("partnermap-e2e-{port}"));
    let capabilities = serde_json::json!({
        "browserName": "chrome",
        // Page scripts may run long: the benchmark times thousands of links in one script.
        "timeouts": { "script": 600_000 },
        "goog:chromeOptions": {
            "binary": chromium_binary(),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                format!("--user-data-dir={}", profile.display()),
                format!("--window-size={width},{height}"),
            ]
        }
    });
    let mut capabilities = capabilities.as_object().cloned().unwrap_or_default();
    if dark {
        if let Some(args) = capabilities["goog:chromeOptions"]["args"].as_array_mut() {
            args.push("--force-dark-mode".into());
        }
    }
    if width < PHONE_MAX_WIDTH {
        // Chrome keeps windows at least 500 px wide; a phone's viewport needs its emulation.
        capabilities["goog:chromeOptions"]["mobileEmulation"] = serde_json::json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": true }
        });
    }
    let webdriver = format!("http://127.0.0.1:{port}");
    let mut client = None;
    for _ in 0..100 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&webdriver)
            .await
        {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    let client = client.expect("a WebDriver session with headless Chromium");
    let outcome = tokio::spawn(body(client.clone())).await;
    let _ = client.close().await;
    drop(driver);
    let _ = std::fs::remove_dir_all(profile);
    if let Err(error) = outcome {
        match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("the test was cancelled: {error}"),
        }
    }
}

fn chromium_binary() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Waits (up to 20 s) for an element, failing with the selector in the message.
pub async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element matches {css}: {e}"))
}

pub async fn attr(element: &fantoccini::elements::Element, name: &str) -> String {
    element
        .attr(name)
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no attribute {name}"))
}

/// Saves a screenshot under `target/e2e/` for people to look at.
pub async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let dir = repo().join("target").join("e2e");
    std::fs::create_dir_all(&dir).expect("target/e2e");
    let png = client.screenshot().await.expect("a screenshot");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).expect("write the screenshot");
    path
}

/// Where the page asks for its dataset.
pub const DATASET_PATH: &str = "/data/partnerships.json";

/// The curated records, as plain JSON: tests count from them independently of the app's code.
pub fn seed_dataset() -> serde_json::Value {
    let text =
        std::fs::read_to_string(repo().join("data/curated.json")).expect("data/curated.json");
    serde_json::from_str(&text).expect("the curated dataset is JSON")
}

/// The shipped dataset, as plain JSON.
pub fn real_dataset() -> serde_json::Value {
    let text = std::fs::read_to_string(repo().join("data/partnerships.json"))
        .expect("data/partnerships.json");
    serde_json::from_str(&text).expect("the shipped dataset is JSON")
}

pub fn count(dataset: &serde_json::Value, collection: &str) -> usize {
    dataset[collection].as_array().map_or(0, Vec::len)
}

/// Waits until the element's attribute equals `expected` (up to 10 s); fails with the last value.
pub async fn wait_attr(client: &Client, css: &str, name: &str, expected: &str) {
    let mut last = None;
    for _ in 0..200 {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            last = element.attr(name).await.ok().flatten();
            if last.as_deref() == Some(expected) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css}[{name}] should be {expected:?}, is {last:?}");
}

/// Waits until the element's text equals `expected` (up to 10 s); fails with the last text.
pub async fn wait_text(client: &Client, css: &str, expected: &str) {
    let mut last = None;
    for _ in 0..200 {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            last = element.text().await.ok();
            if last.as_deref() == Some(expected) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css} should read {expected:?}, reads {last:?}");
}

/// The filters a test sets, for [`expected_links`].
#[derive(Default, Clone, Copy)]
pub struct Expect<'a> {
    pub theme: Option<&'a str>,
    pub years: Option<(i32, i32)>,
    pub exclude_undated: bool,
    /// With a theme: include links whose sources state no theme (`untagged=1`).
    pub include_untagged: bool,
    pub kind: Option<&'a str>,
    pub country: Option<&'a str>,
}

/// How many partnerships, networks and meetings of the shipped dataset match: computed from
/// the JSON on its own, so that the app's filter code is checked, not repeated.
pub fn expected_links(dataset: &serde_json::Value, e: Expect) -> usize {
    use serde_json::Value;
    let year = |v: &Value| {
        v.as_str()
            .and_then(|s| s.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
    };
    let countries: HashMap<&str, &str> = dataset["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["country"].as_str().unwrap()))
        .collect();
    let country_of = |id: &str| countries.get(id).map(|c| c.to_string());
    let ids = |v: &Value| -> Vec<String> {
        match v {
            Value::String(s) => vec![s.clone()],
            Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(String::from))
                .collect(),
            _ => Vec::new(),
        }
    };
    struct Record {
        themes: Vec<String>,
        since: Option<i32>,
        until: Option<i32>,
        kind: String,
        places: Vec<String>,
    }
    let mut records: Vec<Record> = Vec::new();
    for l in dataset["partnerships"].as_array().unwrap() {
        records.push(Record {
            themes: ids(&l["themes"]),
            since: year(&l["since"]),
            until: year(&l["until"]),
            kind: l["kind"].as_str().unwrap().into(),
            places: ids(&l["places"]),
        });
    }
    for n in dataset["networks"].as_array().unwrap() {
        let mut places = ids(&n["host"]["place"]);
        places.extend(
            n["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["place"].as_str().unwrap().to_string()),
        );
        records.push(Record {
            themes: ids(&n["themes"]),
            since: year(&n["since"]),
            until: year(&n["until"]),
            kind: "network".into(),
            places,
        });
    }
    for ev in dataset["events"].as_array().unwrap() {
        let mut places = ids(&ev["host"]);
        places.extend(ids(&ev["participants"]));
        let start = year(&ev["start"]);
        records.push(Record {
            themes: ids(&ev["themes"]),
            since: start,
            until: year(&ev["end"]).or(start),
            kind: "event".into(),
            places,
        });
    }
    records
        .into_iter()
        .filter(
            |Record {
                 themes,
                 since,
                 until,
                 kind,
                 places,
             }| {
                e.theme.is_none_or(|t| {
                    if themes.is_empty() {
                        e.include_untagged
                    } else {
                        themes.iter().any(|x| x == t)
                    }
                }) && e.kind.is_none_or(|k| k == kind)
                    && e.country
                        .is_none_or(|c| places.iter().any(|p| country_of(p).as_deref() == Some(c)))
                    && e.years.is_none_or(|(from, to)| match since {
                        None => !e.exclude_undated,
                        Some(s) => *s <= to && until.is_none_or(|u| u >= from),
                    })
            },
        )
        .count()
}

/// Opens the site at `query` and waits for the summary, the sign that the data is drawn.
#[allow(dead_code)]
pub async fn open_map(client: &Client, site: &Site, query: &str) {
    client
        .goto(&format!("{}{query}", site.url))
        .await
        .expect("open the map");
    wait_for(client, "#summary[data-links]").await;
}

/// Runs `script` until it returns a value `done` accepts, up to 10 s; that value.
#[allow(dead_code)]
pub async fn wait_value(
    client: &Client,
    script: &str,
    what: &str,
    done: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let mut last = serde_json::Value::Null;
    for _ in 0..200 {
        if let Ok(v) = client.execute(script, vec![]).await {
            if done(&v) {
                return v;
            }
            last = v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{what}: last {last}");
}

/// Waits until the page's address satisfies `done`, up to 10 s. A change writes its history
/// entry once the next frame is painted (`ui/history.rs`), not at once.
#[allow(dead_code)]
pub async fn wait_address(client: &Client, what: &str, done: impl Fn(&str) -> bool) {
    wait_value(client, "return location.href;", what, |v| {
        v.as_str().is_some_and(&done)
    })
    .await;
}

/// Waits until the marker of place `id` is on a `width` px wide screen, below the map's top
/// and above the details sheet, as a narrow screen shows a selected place once both are laid
/// out.
#[allow(dead_code)]
pub async fn wait_shown_above_sheet(client: &Client, id: &str, width: f64) {
    let script = format!(
        "const sheet = document.querySelector('#details'); \
         const map = document.querySelector('.map'); \
         const m = document.querySelector(\"g[data-place='{id}'] .marker-shape\"); \
         if (!m || !sheet || !map) return null; const r = m.getBoundingClientRect(); \
         return [r.x, r.y, r.height, sheet.getBoundingClientRect().y, \
                 map.getBoundingClientRect().y];"
    );
    wait_value(
        client,
        &script,
        &format!("{id}'s marker is shown between the map's top and the details sheet"),
        |v| {
            let n = |i: usize| v.get(i).and_then(serde_json::Value::as_f64);
            matches!(
                (n(0), n(1), n(2), n(3), n(4)),
                (Some(x), Some(y), Some(h), Some(sheet), Some(top))
                    if (0.0..width).contains(&x) && y > top && y + h < sheet
            )
        },
    )
    .await;
}

/// How many elements the map's SVG holds now.
#[allow(dead_code)]
pub async fn svg_elements(client: &Client) -> u64 {
    client
        .execute(
            "return document.querySelectorAll('.map-picture:not(.map-base):not(.resting) svg *').length;",
            vec![],
        )
        .await
        .unwrap()
        .as_u64()
        .unwrap()
}

/// Moves the mouse, as a visitor does, to (x, y) in the page's viewport: real pointer input
/// through WebDriver, which the browser turns into the events a hand on a mouse makes.
#[allow(dead_code)]
pub async fn pointer_to(client: &Client, x: f64, y: f64) {
    let mouse = MouseActions::new("mouse".to_string()).then(PointerAction::MoveTo {
        duration: None,
        x: x.round(),
        y: y.round(),
    });
    client.perform_actions(mouse).await.expect("move the mouse");
}

/// The centre of the element `css` names, in the viewport.
async fn centre(client: &Client, css: &str) -> (f64, f64) {
    let element = serde_json::to_value(wait_for(client, css).await).unwrap();
    let at = client
        .execute(
            "const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];",
            vec![element],
        )
        .await
        .unwrap_or_else(|e| panic!("{e}: {css}"));
    let n = |i: usize| at[i].as_f64().unwrap_or_else(|| panic!("{css}: {at}"));
    (n(0), n(1))
}

/// Points the mouse at the centre of the element `css` names, as a visitor moving the mouse
/// over the map does (the map finds what is under the pointer itself).
#[allow(dead_code)]
pub async fn hover(client: &Client, css: &str) {
    let (x, y) = centre(client, css).await;
    pointer_to(client, x, y).await;
}

/// Clicks with the mouse at the centre of the element `css` names (the map finds what is
/// there).
#[allow(dead_code)]
pub async fn click_on_map(client: &Client, css: &str) {
    let (x, y) = centre(client, css).await;
    click_at(client, x, y).await;
}

/// Clicks with the mouse at (x, y) in the viewport.
#[allow(dead_code)]
pub async fn click_at(client: &Client, x: f64, y: f64) {
    let mouse = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveTo {
            duration: None,
            x: x.round(),
            y: y.round(),
        })
        .then(PointerAction::Down {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(mouse).await.expect("click");
}

/// The benchmark's dataset of `shape`, as `partnermap generate` makes it: towns from the
/// shipped gazetteer, themes from the shipped dataset.
#[allow(dead_code)]
pub fn generated(
    shape: partnermap::core::synth::Shape,
) -> Result<partnermap::core::model::Dataset, String> {
    let read = |path: &str| std::fs::read_to_string(repo().join(path)).expect(path);
    let gazetteer = partnermap::core::import::Gazetteer::read(&read("data/gazetteer.csv"))
        .map_err(|e| e.to_string())?;
    let themes = partnermap::core::load::load(&read("data/partnerships.json"))
        .map_err(|e| e.to_string())?
        .dataset
        .themes;
    partnermap::core::synth::generate(shape, &gazetteer, &themes)
}

/// axe-core's script, where scripts/setup.sh puts it.
#[allow(dead_code)]
pub fn axe_source() -> String {
    let path = repo().join("target/npm/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/setup.sh", path.display()))
}

/// The serious and critical violations axe-core finds on the page as it is now.
#[allow(dead_code)]
pub async fn violations(client: &Client, axe: &str) -> Vec<String> {
    client
        .execute(&format!("{axe}\n;return 1;"), vec![])
        .await
        .expect("load axe-core");
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
               .then((r) => done(r.violations
                 .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                 .map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
               .catch((e) => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    serde_json::from_value(found).unwrap_or_default()
}
