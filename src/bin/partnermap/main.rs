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

use clap::{Parser, Subcommand};

use partnermap::core::first_paint::FIRST_PAINT_PATH;
use partnermap::core::import::Gazetteer;
use partnermap::core::load::load;
use partnermap::core::schema::{dataset_schema, SCHEMA_PATH};

/// Data tools for the partner-city map.
#[derive(Parser)]
#[command(name = "partnermap", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads each dataset file and lists every problem (record, field, reason); exits with 1
    /// when any file has a problem.
    Validate {
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Adds the partnerships of a spreadsheet (see data/partnerships-template.csv) to a
    /// dataset, geocoding new places against the GeoNames extract; rows naming an ambiguous or
    /// unknown place are listed with their candidates and left out (exit 1).
    Import {
        /// The spreadsheet, saved as CSV.
        csv: String,
        /// The dataset to add to (then run build-dataset).
        #[arg(long, default_value = "data/curated.json")]
        into: String,
        /// The GeoNames extract new places are looked up in.
        #[arg(long, default_value = "data/gazetteer.csv")]
        gazetteer: String,
    },
    /// Writes a valid synthetic dataset for benchmarks: real towns of the region and links
    /// (partnerships, networks of up to 50 members, meetings), the same for the same seed.
    Generate {
        #[arg(long)]
        places: usize,
        #[arg(long)]
        links: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: String,
    },
    /// Writes the JSON Schema of the dataset format; with --check, only reports whether the
    /// file is current.
    Schema {
        #[arg(long)]
        check: bool,
        #[arg(long, default_value = SCHEMA_PATH)]
        out: String,
    },
    /// Builds data/partnerships.json from data/curated.json and the open data extracts in
    /// data/sources/, then the page's first picture of it; with --check, writes nothing and
    /// exits with 1 when a committed file differs from the build.
    BuildDataset {
        #[arg(long)]
        check: bool,
    },
    /// Clips, projects and simplifies Natural Earth (the npm package world-atlas@2.0.2 in DIR)
    /// to the map's region and writes the basemap asset.
    PrepareBasemap {
        #[arg(long, value_name = "DIR")]
        world_atlas: String,
        #[arg(long, default_value = "public/basemap.json")]
        out: String,
    },
}

fn main() -> ExitCode {
    // Usage errors exit with 2, as clap does for its own.
    let result = match Cli::parse().command {
        Command::Validate { files } => validate(&files),
        Command::Import {
            csv,
            into,
            gazetteer,
        } => import(&csv, &into, &gazetteer),
        Command::Generate {
            places,
            links,
            seed,
            out,
        } => generate(places, links, seed, &out),
        Command::Schema { check, out } => schema(check, &out),
        Command::BuildDataset { check } => build_dataset(check),
        Command::PrepareBasemap { world_atlas, out } => prepare_basemap(&world_atlas, &out),
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

fn import(csv_file: &str, into: &str, gazetteer_file: &str) -> Result<bool, String> {
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let loaded = load(&read(into)?).map_err(|e| format!("{into}: {e}"))?;
    if !loaded.problems.is_empty() {
        return Err(format!(
            "{into} has problems; fix them first (partnermap validate {into})"
        ));
    }
    let gazetteer = Gazetteer::read(&read(gazetteer_file)?)?;
    let mut dataset = loaded.dataset;
    let bytes = std::fs::read(csv_file).map_err(|e| format!("{csv_file}: {e}"))?;
    let (sheet, encoding) = partnermap::core::spreadsheet::decode(&bytes);
    if encoding == partnermap::core::spreadsheet::Encoding::Windows1252 {
        println!("{csv_file}: not UTF-8; read as {}", encoding.name());
    }
    let report = partnermap::core::import::import(&sheet, &mut dataset, &gazetteer)?;
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
    let text = partnermap::core::export::dataset_file(&dataset).map_err(|e| e.to_string())?;
    std::fs::write(into, text).map_err(|e| format!("{into}: {e}"))?;
    println!(
        "{into}: added {} partnership(s), {} place(s), {} source(s); {} row(s) left out",
        report.added_partnerships.len(),
        report.added_places.len(),
        report.added_sources.len(),
        report.rejected.len()
    );
    Ok(report.rejected.is_empty())
}

fn generate(places: usize, links: usize, seed: u64, out: &str) -> Result<bool, String> {
    let shape = partnermap::core::synth::Shape {
        places,
        links,
        seed,
    };
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let gazetteer = Gazetteer::read(&read("data/gazetteer.csv")?)?;
    let themes = load(&read("data/partnerships.json")?)
        .map_err(|e| e.to_string())?
        .dataset
        .themes;
    let dataset = partnermap::core::synth::generate(shape, &gazetteer, &themes)?;
    let text = serde_json::to_string(&dataset).map_err(|e| e.to_string())?;
    std::fs::write(out, &text).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "wrote {out}: {} places, {} links, {:.1} MB",
        shape.places,
        shape.links,
        text.len() as f64 / 1e6
    );
    Ok(true)
}

fn schema(check: bool, out: &str) -> Result<bool, String> {
    let path = PathBuf::from(out);
    let text = dataset_schema();
    if check {
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

fn prepare_basemap(atlas: &str, out: &str) -> Result<bool, String> {
    let out = PathBuf::from(out);
    let topology = std::fs::read_to_string(PathBuf::from(atlas).join("countries-10m.json"))
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

fn build_dataset(check: bool) -> Result<bool, String> {
    use partnermap::core::wikidata::{build, Extracts};
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
    let text = partnermap::core::export::dataset_file(&dataset).map_err(|e| e.to_string())?;
    print!("{report}");
    let out = "data/partnerships.json";
    if check {
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
