//! The data tool, run as staff run it: `partnermap validate FILE`.

use std::process::Command;

fn partnermap(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partnermap"))
        .args(args)
        .output()
        .expect("run partnermap");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_curated_and_the_seed_dataset_validate_clean() {
    let (code, out) = partnermap(&[
        "validate",
        concat!(env!("CARGO_MANIFEST_DIR"), "/data/curated.json"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/data/partnerships.json"),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "curated.json: 0 problem(s); valid: 22 places, 6 partnerships, 4 networks, 4 events"
        ),
        "{out}"
    );
    assert!(out.contains("partnerships.json: 0 problem(s)"), "{out}");
}

#[test]
fn a_broken_file_lists_every_problem_and_fails() {
    let dir = std::env::temp_dir().join(format!("partnermap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/curated.json")).unwrap();
    let broken = text
        .replace("\"lat\": 55.45802", "\"lat\": 255.45802")
        .replace("\"since\": \"2006\"", "\"since\": \"two thousand six\"");
    let file = dir.join("broken.json");
    std::fs::write(&file, broken).unwrap();
    let (code, out) = partnermap(&["validate", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("places \"koge\", field location.lat: 255.45802 is not a latitude"),
        "{out}"
    );
    assert!(out.contains("partnerships \"bytow-frankenberg-eder\", field since: \"two thousand six\" is not a date"), "{out}");
    std::fs::write(&file, "{\"schema_version\": 3}").unwrap();
    let (code, out) = partnermap(&["validate", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("schema_version 3; this map reads versions 1–2"),
        "{out}"
    );
    let (code, _) = partnermap(&["validate", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(code, 2, "a file that cannot be opened is a usage error");
    std::fs::remove_dir_all(dir).unwrap();
}

/// Options go before or after the spreadsheet, as staff type them; a row is reported by row
/// and column; an unknown command is a usage error.
#[test]
fn import_takes_its_options_in_any_order() {
    let dir = std::env::temp_dir().join(format!("partnermap-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let into = dir.join("mine.json");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/data/curated.json"),
        &into,
    )
    .unwrap();
    let sheet = dir.join("rows.csv");
    std::fs::write(
        &sheet,
        "place_a,country_a,place_b,country_b,lat_b,lon_b,kind,source_url,source_title,source_language\n\
         koge,DK,Neuland,DE,52.1,9.9,friendship,https://example.org/n,N,de\n\
         koge,DK,Irgendwo,DE,91,9.9,friendship,https://example.org/n,N,de\n",
    )
    .unwrap();
    let gazetteer = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer.csv");
    let (code, out) = partnermap(&[
        "import",
        "--into",
        into.to_str().unwrap(),
        sheet.to_str().unwrap(),
        "--gazetteer",
        gazetteer,
    ]);
    assert_eq!(code, 1, "one row was left out: {out}");
    assert!(
        out.contains("row 3, column lat_b: \"91\" is not a number from -90 to 90"),
        "{out}"
    );
    assert!(out.contains("added 1 partnership(s)"), "{out}");
    let (code, _) = partnermap(&["frobnicate"]);
    assert_eq!(code, 2, "an unknown command is a usage error");
    std::fs::remove_dir_all(dir).unwrap();
}
