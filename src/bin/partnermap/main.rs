//! `partnermap`: the data tools, sharing the web app's core.
//!
//! ```text
//! cargo run -- validate data/partnerships.json
//! cargo run -- import rows.csv --into data/partnerships.json
//! cargo run -- schema [--check]
//! cargo run --release -- build-dataset [--check]
//! cargo run --release -- prepare-basemap --world-atlas node_modules/world-atlas [--out public/basemap.json]
//! ```

mod basemap;

use std::path::PathBuf;
use std::process::ExitCode;

use partnermap::core::first_paint::FIRST_PAINT_PATH;
use partnermap::core::import::Gazetteer;
use partnermap::core::load::load;
use partnermap::core::schema::{dataset_schema, SCHEMA_PATH};

const USAGE: &str = "\
partnermap: data tools for the partner-city map

USAGE:
    partnermap validate FILE...
        Reads each dataset file and lists every problem (record, field, reason).
        Exits with 1 when any file has a problem.
    partnermap import FILE.csv [--into DATASET] [--gazetteer FILE]
        Adds the partnerships of a spreadsheet (see data/partnerships-template.csv) to a
        dataset (default data/curated.json; then run build-dataset), geocoding new places against the GeoNames
        extract (default data/gazetteer.csv). Rows naming an ambiguous or unknown place are
        listed with their candidates and left out. Exits with 1 when any row was left out.
    partnermap generate --places N --links N [--seed N] --out FILE
        Writes a valid synthetic dataset for benchmarks: N real towns of the region (from
        data/gazetteer.csv) and N links (partnerships, networks of up to 50 members, meetings),
        the same for the same seed.
    partnermap schema [--check] [--out FILE]
        Writes the JSON Schema of the dataset format (default data/partnerships.schema.json);
        with --check, only reports whether the file is current.
    partnermap build-dataset [--check]
        Builds data/partnerships.json from data/curated.json and the open data extracts in
        data/sources/ (Wikidata twinnings, Wikidata ids, Eurocities), matching places to
        data/gazetteer.csv, and prints what it merged, skipped and why; then the page's first
        picture of it, public/first-paint.svg. With --check, writes nothing and exits with 1
        when a committed file differs from the build.
    partnermap prepare-basemap --world-atlas DIR [--out FILE]
        Clips, projects and simplifies Natural Earth (the npm package world-atlas@2.0.2 in DIR)
        to the map's region and writes the basemap asset (default public/basemap.json).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("schema") => schema(&args[1..]),
        Some("import") if args.len() > 1 => import(&args[1..]),
        Some("generate") => generate(&args[1..]),
        Some("prepare-basemap") => prepare_basemap(&args[1..]),
        Some("build-dataset") => build_dataset(&args[1..]),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(true)
        }
        _ => {
            eprint!("{USAGE}");
            Err("unknown or incomplete command".into())
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("partnermap: {message}");
            ExitCode::from(2)
        }
    }
}

/// The value after `--name`, if given.
fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn validate(files: &[String]) -> Result<bool, String> {
    let mut clean = true;
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        match load(&text) {
            Err(error) => {
                clean = false;
                println!("{file}: {error}");
            }
            Ok(loaded) => {
                let d = &loaded.dataset;
                for problem in &loaded.problems {
                    println!("{file}: {problem}");
                }
                println!(
                    "{file}: {} problem(s); valid: {} places, {} partnerships, {} networks, {} events, {} themes, {} sources",
                    loaded.problems.len(),
                    d.places.len(),
                    d.partnerships.len(),
                    d.networks.len(),
                    d.events.len(),
                    d.themes.len(),
                    d.sources.len()
                );
                clean &= loaded.problems.is_empty();
            }
        }
    }
    Ok(clean)
}

fn import(args: &[String]) -> Result<bool, String> {
    let csv_file = &args[0];
    let into = option(args, "--into").unwrap_or_else(|| "data/curated.json".into());
    let gazetteer_file = option(args, "--gazetteer").unwrap_or_else(|| "data/gazetteer.csv".into());
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let loaded = load(&read(&into)?).map_err(|e| format!("{into}: {e}"))?;
    if !loaded.problems.is_empty() {
        return Err(format!(
            "{into} has problems; fix them first (partnermap validate {into})"
        ));
    }
    let gazetteer = Gazetteer::read(&read(&gazetteer_file)?)?;
    let mut dataset = loaded.dataset;
    let report = partnermap::core::import::import(&read(csv_file)?, &mut dataset, &gazetteer)?;
    for problem in &report.rejected {
        let column = if problem.column.is_empty() {
            String::new()
        } else {
            format!(", column {}", problem.column)
        };
        println!(
            "{csv_file}: row {}{column}: {}",
            problem.row, problem.message
        );
        for candidate in &problem.candidates {
            println!("    candidate: {candidate}");
        }
    }
    for row in &report.already_present {
        println!("{csv_file}: row {row}: already in the dataset, skipped");
    }
    let text = serde_json::to_string_pretty(&dataset).map_err(|e| e.to_string())? + "\n";
    std::fs::write(&into, text).map_err(|e| format!("{into}: {e}"))?;
    println!(
        "{into}: added {} partnership(s), {} place(s), {} source(s); {} row(s) left out",
        report.added_partnerships.len(),
        report.added_places.len(),
        report.added_sources.len(),
        report.rejected.len()
    );
    Ok(report.rejected.is_empty())
}

fn generate(args: &[String]) -> Result<bool, String> {
    let number = |name: &str, default: Option<u64>| -> Result<u64, String> {
        match option(args, name) {
            Some(v) => v
                .parse()
                .map_err(|_| format!("{name} takes a whole number")),
            None => default.ok_or_else(|| format!("generate needs {name}")),
        }
    };
    let shape = partnermap::core::synth::Shape {
        places: number("--places", None)? as usize,
        links: number("--links", None)? as usize,
        seed: number("--seed", Some(1))?,
    };
    let out = option(args, "--out").ok_or("generate needs --out FILE")?;
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let gazetteer = Gazetteer::read(&read("data/gazetteer.csv")?)?;
    let themes = load(&read("data/partnerships.json")?)
        .map_err(|e| e.to_string())?
        .dataset
        .themes;
    let dataset = partnermap::core::synth::generate(shape, &gazetteer, &themes)?;
    let text = serde_json::to_string(&dataset).map_err(|e| e.to_string())?;
    std::fs::write(&out, &text).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "wrote {out}: {} places, {} links, {:.1} MB",
        shape.places,
        shape.links,
        text.len() as f64 / 1e6
    );
    Ok(true)
}

fn schema(args: &[String]) -> Result<bool, String> {
    let path = PathBuf::from(option(args, "--out").unwrap_or_else(|| SCHEMA_PATH.into()));
    let text = dataset_schema();
    if args.iter().any(|a| a == "--check") {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        let fresh = current == text;
        match fresh {
            true => println!("{} is current", path.display()),
            false => println!(
                "{} is out of date: run `cargo run -- schema`",
                path.display()
            ),
        }
        return Ok(fresh);
    }
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(true)
}

fn prepare_basemap(args: &[String]) -> Result<bool, String> {
    let atlas = option(args, "--world-atlas").ok_or("prepare-basemap needs --world-atlas DIR")?;
    let out = PathBuf::from(option(args, "--out").unwrap_or_else(|| "public/basemap.json".into()));
    let topology = std::fs::read_to_string(PathBuf::from(&atlas).join("countries-10m.json"))
        .map_err(|e| format!("{atlas}/countries-10m.json: {e}"))?;
    let prepared = basemap::prepare(&topology)?;
    let text = serde_json::to_string(&prepared).map_err(|e| e.to_string())?;
    std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "wrote {} ({} countries, {} KB)",
        out.display(),
        prepared.countries.len(),
        text.len() / 1024
    );
    Ok(true)
}

fn build_dataset(args: &[String]) -> Result<bool, String> {
    use partnermap::core::wikidata::{build, to_json, Extracts};
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let curated =
        load(&read("data/curated.json")?).map_err(|e| format!("data/curated.json: {e}"))?;
    if !curated.problems.is_empty() {
        return Err(
            "data/curated.json has problems (partnermap validate data/curated.json)".into(),
        );
    }
    let gazetteer = Gazetteer::read(&read("data/gazetteer.csv")?)?;
    let extracts = Extracts::read(std::path::Path::new("data/sources"))?;
    let (dataset, report) = build(curated.dataset, &extracts, &gazetteer);
    let text = to_json(&dataset).map_err(|e| e.to_string())?;
    print!("{report}");
    let out = "data/partnerships.json";
    if args.iter().any(|a| a == "--check") {
        let picture = first_paint_of(&dataset)?;
        let mut fresh = true;
        for (path, made) in [(out, &text), (FIRST_PAINT_PATH, &picture)] {
            let current = read(path).unwrap_or_default() == *made;
            match current {
                true => println!("{path} is current"),
                false => {
                    println!("{path} is out of date: run `cargo run --release -- build-dataset`")
                }
            }
            fresh &= current;
        }
        return Ok(fresh);
    }
    std::fs::write(out, &text).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote {out} ({} KB)", text.len() / 1024);
    let picture = first_paint_of(&dataset)?;
    std::fs::write(FIRST_PAINT_PATH, &picture).map_err(|e| format!("{FIRST_PAINT_PATH}: {e}"))?;
    println!("wrote {FIRST_PAINT_PATH} ({} KB)", picture.len() / 1024);
    Ok(true)
}

/// The page's first picture of `dataset` (`core::first_paint`).
fn first_paint_of(dataset: &partnermap::core::model::Dataset) -> Result<String, String> {
    let basemap = std::fs::read_to_string("public/basemap.json")
        .map_err(|e| format!("public/basemap.json: {e}"))?;
    let basemap =
        serde_json::from_str(&basemap).map_err(|e| format!("public/basemap.json: {e}"))?;
    partnermap::core::first_paint::first_paint(&basemap, dataset)
}
