//! The benchmark: `./scripts/bench.sh` (it builds the release site and the datasets, then runs
//! `cargo bench --bench map`). Not a test: it asserts nothing and prints figures, medians over
//! several page loads, for the shipped dataset (the real network) and for generated datasets of 25,000 and 100,000 links.
//!
//! Everything is measured inside the page, in headless Chromium on 127.0.0.1:
//! - complete map: `performance.mark("map-complete")`, set by the app once the map with every
//!   link and the summary is in the DOM, in ms since navigation began;
//! - theme toggle and year change: from the input event until the DOM is updated (the next
//!   task after it, when all of leptos's effects have run), and until the next frame is
//!   drawn with it (`→ frame`), 20 or more changes;
//! - pan and wheel zoom: the same for each of 60 pointer moves or wheel steps, one per frame,
//!   and the interval between frames;
//! - memory: JS heap (Chromium's `performance.memory`) plus the wasm memory.
//!
//! `PARTNERMAP_BENCH_RUNS`, `PARTNERMAP_BENCH_CHANGES` and `PARTNERMAP_BENCH_ONLY=shipped,25k`
//! shorten a run for a quick look; the README's figures use the defaults.

#[path = "../support/mod.rs"]
mod support;

use std::path::PathBuf;

use fantoccini::Client;
use support::{wait_for, with_browser, Canned, Site};

/// Page loads per dataset; the figures are medians over them. `PARTNERMAP_BENCH_RUNS` overrides.
const RUNS: usize = 3;
/// Changes per series (theme toggles, year changes, pointer moves and wheel steps are at
/// least this many). `PARTNERMAP_BENCH_CHANGES` overrides, for a quick look only.
const CHANGES: usize = 24;

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Dataset {
    name: &'static str,
    path: &'static str,
    file: PathBuf,
}

fn median(values: &mut [f64]) -> f64 {
    percentile(values, 50.0)
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * (values.len() - 1) as f64).round() as usize;
    values[rank.min(values.len() - 1)]
}

async fn numbers(client: &Client, script: &str) -> Vec<f64> {
    let value = client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}: {script}"));
    match value {
        serde_json::Value::Array(items) => items.iter().filter_map(|v| v.as_f64()).collect(),
        other => other.as_f64().into_iter().collect(),
    }
}

/// One page load's figures.
#[derive(Default)]
struct Run {
    complete_ms: f64,
    theme: Vec<f64>,
    theme_frame: Vec<f64>,
    year: Vec<f64>,
    year_frame: Vec<f64>,
    pan_work: Vec<f64>,
    pan_frame: Vec<f64>,
    zoom_work: Vec<f64>,
    zoom_frame: Vec<f64>,
    memory_mb: f64,
    links: String,
}

/// `settle`: the next task after leptos's effects (microtasks) have updated the DOM; a message
/// task runs before the browser renders. `painted`: a task after the next frame is drawn.
const AFTER_TASK: &str = "const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }); \
    const painted = async () => { await new Promise(requestAnimationFrame); await new Promise((r) => setTimeout(r, 0)); };";

async fn measure(client: &Client, url: &str, changes: usize) -> Run {
    client.goto(url).await.expect("open the map");
    let summary = wait_for(client, "#summary[data-links]").await;
    let mut run = Run {
        links: summary
            .attr("data-links")
            .await
            .ok()
            .flatten()
            .unwrap_or_default(),
        ..Run::default()
    };
    for _ in 0..600 {
        let complete = numbers(client, "const m = performance.getEntriesByName('map-complete')[0]; return m ? m.startTime : null;").await;
        if let Some(&ms) = complete.first() {
            run.complete_ms = ms;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    wait_for(client, "#basemap").await;

    run.theme = numbers(
        client,
        &format!(
            "{AFTER_TASK}
            const chips = [...document.querySelectorAll('button.chip[data-theme]')].slice(0, 6);
            const times = [], frames = [];
            for (let i = 0; i < {changes}; i++) {{
                const t0 = performance.now();
                chips[i % chips.length].click();
                await settle();
                times.push(performance.now() - t0);
                await painted();
                frames.push(performance.now() - t0);
            }}
            document.querySelector('button.chip-all').click();
            await painted();
            return times.concat(frames);"
        ),
    )
    .await;

    let half = run.theme.len() / 2;
    run.theme_frame = run.theme.split_off(half);

    run.year = numbers(
        client,
        &format!(
            "{AFTER_TASK}
            document.querySelectorAll(\"input[name='year-mode']\")[1].click();
            await settle();
            const slider = document.querySelector('#year-slider');
            const [from, to] = [Number(slider.min), Number(slider.max)];
            const times = [], frames = [];
            for (let i = 0; i < {changes}; i++) {{
                slider.value = String(from + (i * 7) % (to - from + 1));
                const t0 = performance.now();
                slider.dispatchEvent(new Event('input', {{ bubbles: true }}));
                await settle();
                times.push(performance.now() - t0);
                await painted();
                frames.push(performance.now() - t0);
            }}
            document.querySelectorAll(\"input[name='year-mode']\")[0].click();
            await painted();
            return times.concat(frames);"
        ),
    )
    .await;

    let half = run.year.len() / 2;
    run.year_frame = run.year.split_off(half);

    for (gesture, work, frame) in [
        ("pan", true, false),
        ("pan", false, true),
        ("zoom", true, false),
        ("zoom", false, true),
    ] {
        let event = if gesture == "pan" {
            "svg.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerId: 9, pointerType: 'mouse', clientX: 600 + (i % 40) * 6, clientY: 400 + (i % 7), isPrimary: true }));"
        } else {
            "svg.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: i % 20 < 10 ? -60 : 60, clientX: 700, clientY: 420 }));"
        };
        let values = numbers(
            client,
            &format!(
                "{AFTER_TASK}
                const svg = document.querySelector('svg.map-svg');
                svg.dispatchEvent(new PointerEvent('pointerdown', {{ bubbles: true, pointerId: 9, pointerType: 'mouse', button: 0, clientX: 600, clientY: 400, isPrimary: true }}));
                const work = [], frames = [];
                let last = await new Promise(requestAnimationFrame);
                for (let i = 1; i <= {moves}; i++) {{
                    const t0 = performance.now();
                    {event}
                    await settle();
                    work.push(performance.now() - t0);
                    const now = await new Promise(requestAnimationFrame);
                    frames.push(now - last);
                    last = now;
                }}
                svg.dispatchEvent(new PointerEvent('pointerup', {{ bubbles: true, pointerId: 9, pointerType: 'mouse', clientX: 600, clientY: 400 }}));
                return {result};",
                result = if work { "work" } else { "frames" },
                moves = changes * 5 / 2
            ),
        )
        .await;
        match (gesture, work, frame) {
            ("pan", true, _) => run.pan_work = values,
            ("pan", _, true) => run.pan_frame = values,
            ("zoom", true, _) => run.zoom_work = values,
            _ => run.zoom_frame = values,
        }
    }

    run.memory_mb = numbers(
        client,
        "const heap = performance.memory ? performance.memory.usedJSHeapSize : 0; \
         const wasm = window.partnermapMemory ? window.partnermapMemory.buffer.byteLength : 0; \
         return (heap + wasm) / 1e6;",
    )
    .await
    .first()
    .copied()
    .unwrap_or(f64::NAN);
    run
}

fn gzipped_kb(paths: &[PathBuf]) -> f64 {
    use std::io::Write;
    paths
        .iter()
        .map(|p| {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            e.write_all(&std::fs::read(p).unwrap_or_default()).unwrap();
            e.finish().unwrap().len() as f64 / 1024.0
        })
        .sum()
}

fn files(ext: &str) -> Vec<PathBuf> {
    let dist = support::dist();
    std::fs::read_dir(&dist)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let repo = support::repo();
    let bench_dir = repo.join("target").join("bench");
    let datasets = [
        Dataset {
            name: "shipped",
            path: "/data/partnerships.json",
            file: repo.join("data/partnerships.json"),
        },
        Dataset {
            name: "25k links",
            path: "/data/bench-25k.json",
            file: bench_dir.join("bench-25k.json"),
        },
        Dataset {
            name: "100k links",
            path: "/data/bench-100k.json",
            file: bench_dir.join("bench-100k.json"),
        },
    ];
    let (runs_per_dataset, changes) = (
        setting("PARTNERMAP_BENCH_RUNS", RUNS),
        setting("PARTNERMAP_BENCH_CHANGES", CHANGES),
    );
    let only = std::env::var("PARTNERMAP_BENCH_ONLY").unwrap_or_default();
    let site = Site::start();
    let (wasm, js, basemap) = (
        gzipped_kb(&files("wasm")),
        gzipped_kb(&files("js")),
        gzipped_kb(&[repo.join("public/basemap.json")]),
    );
    println!("gzipped: wasm {wasm:.0} KB, JS {js:.0} KB, basemap {basemap:.0} KB");
    println!("medians of {runs_per_dataset} page load(s); per load, median and p95 of {changes} changes and {} moves", changes * 5 / 2);
    println!(
        "{:<11} {:>7} {:>9} {:>15} {:>15} {:>15} {:>15} {:>15} {:>15} {:>13} {:>13} {:>8} {:>9}",
        "dataset",
        "links",
        "complete",
        "theme med/p95",
        "→ frame",
        "year med/p95",
        "→ frame",
        "pan work",
        "zoom work",
        "pan frame",
        "zoom frame",
        "memory",
        "data gz"
    );
    for dataset in datasets
        .into_iter()
        .filter(|d| only.is_empty() || only.split(',').any(|o| d.name.starts_with(o)))
    {
        let Ok(body) = std::fs::read(&dataset.file) else {
            println!(
                "{:<11} missing {}: run scripts/bench.sh",
                dataset.name,
                dataset.file.display()
            );
            continue;
        };
        let data_gz = gzipped_kb(std::slice::from_ref(&dataset.file));
        site.answer(
            dataset.path,
            Canned {
                status: 200,
                body,
                content_type: "application/json",
            },
        );
        let url = format!("{}?data={}", site.url, dataset.path.trim_start_matches('/'));
        let runs = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let collected = runs.clone();
        with_browser(1400, 900, move |client| async move {
            for _ in 0..runs_per_dataset {
                let run = measure(&client, &url, changes).await;
                collected.lock().unwrap().push(run);
            }
        })
        .await;
        let mut runs = std::mem::take(&mut *runs.lock().unwrap());
        let across = |pick: &dyn Fn(&mut Run) -> f64, runs: &mut Vec<Run>| {
            let mut v: Vec<f64> = runs.iter_mut().map(pick).collect();
            median(&mut v)
        };
        let med = |f: fn(&mut Run) -> &mut Vec<f64>| move |r: &mut Run| median(f(r));
        let p95 = |f: fn(&mut Run) -> &mut Vec<f64>| move |r: &mut Run| percentile(f(r), 95.0);
        let links = runs.first().map(|r| r.links.clone()).unwrap_or_default();
        println!(
            "{:<11} {:>7} {:>7.0}ms {:>7.1}/{:>5.1}ms {:>7.1}/{:>5.1}ms {:>7.1}/{:>5.1}ms {:>7.1}/{:>5.1}ms {:>7.1}/{:>5.1}ms {:>7.1}/{:>5.1}ms {:>6.1}/{:>4.1}ms {:>6.1}/{:>4.1}ms {:>6.0}MB {:>7.0}KB",
            dataset.name,
            links,
            across(&|r: &mut Run| r.complete_ms, &mut runs),
            across(&med(|r| &mut r.theme), &mut runs),
            across(&p95(|r| &mut r.theme), &mut runs),
            across(&med(|r| &mut r.theme_frame), &mut runs),
            across(&p95(|r| &mut r.theme_frame), &mut runs),
            across(&med(|r| &mut r.year), &mut runs),
            across(&p95(|r| &mut r.year), &mut runs),
            across(&med(|r| &mut r.year_frame), &mut runs),
            across(&p95(|r| &mut r.year_frame), &mut runs),
            across(&med(|r| &mut r.pan_work), &mut runs),
            across(&p95(|r| &mut r.pan_work), &mut runs),
            across(&med(|r| &mut r.zoom_work), &mut runs),
            across(&p95(|r| &mut r.zoom_work), &mut runs),
            across(&med(|r| &mut r.pan_frame), &mut runs),
            across(&p95(|r| &mut r.pan_frame), &mut runs),
            across(&med(|r| &mut r.zoom_frame), &mut runs),
            across(&p95(|r| &mut r.zoom_frame), &mut runs),
            across(&|r: &mut Run| r.memory_mb, &mut runs),
            data_gz,
        );
    }
}
