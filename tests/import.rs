//! Importing spreadsheets: separators, byte-order marks, matching places the dataset has,
//! geocoding new ones, and refusing to guess.

use partnermap::core::import::{import, import_sheet, Gazetteer, ImportReport, Sheet};
use partnermap::core::load::load;
use partnermap::core::model::{Dataset, PartnershipKind};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn shipped() -> Dataset {
    load(&read("data/curated.json")).unwrap().dataset
}

fn gazetteer() -> Gazetteer {
    Gazetteer::read(&read("data/gazetteer.csv")).unwrap()
}

fn run(csv: &str) -> (Dataset, ImportReport) {
    let mut dataset = shipped();
    let report = import(csv, &mut dataset, &gazetteer()).expect("the import runs");
    (dataset, report)
}

const HEADER: &str = "place_a,country_a,lat_a,lon_a,place_b,country_b,lat_b,lon_b,kind,themes,since,until,summary,source_url,source_title,source_language";

#[test]
fn the_template_has_the_documented_columns() {
    let template = read("data/partnerships-template.csv");
    assert_eq!(
        template.trim_end(),
        "place_a,country_a,lat_a,lon_a,place_b,country_b,lat_b,lon_b,kind,themes,since,until,summary,\
         source_url,source_title,source_publisher,source_date,source_language"
    );
    // The template imports as it is: no rows, no problem.
    let (dataset, report) = run(&template);
    assert_eq!((dataset, report), (shipped(), ImportReport::default()));
}

#[test]
fn a_semicolon_file_with_a_byte_order_mark_as_german_spreadsheets_write_it() {
    let csv = "\u{feff}place_a;country_a;place_b;country_b;kind;themes;since;summary;source_url;source_title;source_language\n\
               Bütow;PL;Słupsk;PL;Städtepartnerschaft;Jugend, Education and training;1998;Exchange of pupils.;https://example.org/bytow-slupsk;Partnerstädte;de\n";
    let (dataset, report) = run(csv);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(
        report.added_places,
        ["slupsk"],
        "Bütow is Bytów, already in the dataset"
    );
    let link = dataset
        .partnerships
        .iter()
        .find(|l| l.id == "bytow-slupsk")
        .unwrap();
    assert_eq!(link.kind, PartnershipKind::Twinning);
    assert_eq!(link.themes, ["youth", "education"]);
    assert_eq!(link.since.map(|d| d.to_string()).as_deref(), Some("1998"));
    let slupsk = dataset.places.iter().find(|p| p.id == "slupsk").unwrap();
    assert_eq!(
        (
            slupsk.name.as_str(),
            slupsk.country.as_str(),
            slupsk.location.source.as_str()
        ),
        ("Słupsk", "PL", "geonames")
    );
    assert!(slupsk.location.reference.is_some(), "with its GeoNames id");
}

#[test]
fn a_comma_file_reuses_places_and_sources_and_skips_what_is_there() {
    let csv = format!(
        "{HEADER}\n\
         bytow,PL,,,frankenberg-eder,DE,,,twinning,democracy_exchange,2006,,Already in the data.,https://example.org/x,X,de\n\
         Køge,DK,,,Markaryd,SE,,,friendship,Youth,2024,,A new friendship.,https://example.org/x,X,de\n\
         koge,DK,,,Neuland,DE,52.1,\"9,9\",project_partnership,youth,,,Coordinates from the sheet.,https://example.org/x,X,de\n"
    );
    let (dataset, report) = run(&csv);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(report.already_present, [2]);
    assert_eq!(report.added_partnerships, ["koge-markaryd", "koge-neuland"]);
    assert_eq!(report.added_places, ["neuland"]);
    assert_eq!(
        report.added_sources.len(),
        1,
        "one new source, used by both rows"
    );
    let neuland = dataset.places.iter().find(|p| p.id == "neuland").unwrap();
    assert_eq!((neuland.location.lat, neuland.location.lon), (52.1, 9.9));
    assert_eq!(
        dataset.places.iter().filter(|p| p.name == "Køge").count(),
        1,
        "no duplicate place"
    );
}

#[test]
fn an_ambiguous_name_is_reported_with_its_candidates_and_not_guessed() {
    let csv = format!("{HEADER}\nBytów,PL,,,Frankenberg,DE,,,twinning,youth,,,Which one?,https://example.org/f,F,de\n");
    let (dataset, report) = run(&csv);
    let problem = &report.rejected[0];
    assert_eq!((problem.row, problem.column.as_str()), (2, "place_b"));
    assert!(
        problem.message.contains("matches 2 places"),
        "{}",
        problem.message
    );
    assert_eq!(problem.candidates.len(), 2);
    assert!(
        problem
            .candidates
            .iter()
            .any(|c| c.write == "geonames:2925629" && c.district.is_empty() == c.region.is_empty()),
        "{:?}",
        problem.candidates
    );
    assert_eq!(dataset, shipped(), "nothing added");

    // Named by its GeoNames id, it is the Frankenberg (Eder) the dataset already has.
    let csv = format!("{HEADER}\nKøge,DK,,,geonames:2925629,DE,,,friendship,youth,,,This one.,https://example.org/f,F,de\n");
    let (_, report) = run(&csv);
    assert!(
        report.rejected.is_empty() && report.added_places.is_empty(),
        "{report:?}"
    );
    assert_eq!(report.added_partnerships, ["koge-frankenberg-eder"]);
}

#[test]
fn an_unknown_name_is_reported_and_its_row_adds_nothing() {
    let csv = format!(
        "{HEADER}\n\
         Słupsk,PL,,,Atlantis,DK,,,twinning,youth,,,Nowhere.,https://example.org/a,A,de\n\
         Słupsk,PL,,,Køge,DK,,,twinning,knitting,,,Unknown theme.,https://example.org/a,A,de\n\
         Słupsk,PL,,,Køge,DK,,,twinning,youth,,,No language for a new source.,https://example.org/b,B,\n"
    );
    let (dataset, report) = run(&csv);
    let problems: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        problems,
        [(2, "place_b"), (3, "themes"), (4, "source_language")]
    );
    assert!(report.rejected[0]
        .message
        .contains("not in the dataset or the gazetteer"));
    assert!(report.rejected[0].candidates.is_empty());
    assert!(
        report.rejected[0].asks_coordinates,
        "it asks for coordinates"
    );
    assert!(!report.rejected[1].asks_coordinates);
    assert!(
        !dataset.places.iter().any(|p| p.id == "slupsk"),
        "a rejected row leaves no place behind"
    );
    assert!(
        !dataset
            .sources
            .iter()
            .any(|s| s.url.as_deref() == Some("https://example.org/a")),
        "nor a source"
    );
}

#[test]
fn a_header_without_the_required_columns_is_refused() {
    let mut dataset = shipped();
    let error = import(
        "town;partner\nKøge;Kristianstad\n",
        &mut dataset,
        &gazetteer(),
    )
    .unwrap_err();
    assert!(error.contains("no column place_a"), "{error}");
}

/// Each row is checked on its own: a bad coordinate or period rejects its row only, named by
/// row and column; the good rows around it are added.
#[test]
fn each_row_is_checked_on_its_own_and_the_good_ones_are_kept() {
    let csv = format!(
        "{HEADER}\n\
         koge,DK,,,Neuland,DE,52.1,9.9,friendship,,2001,,,https://example.org/x,X,de\n\
         koge,DK,,,Nanville,DE,NaN,9.9,friendship,,,,,https://example.org/x,X,de\n\
         koge,DK,,,Polstadt,DE,95,9.9,friendship,,,,,https://example.org/x,X,de\n\
         koge,DK,,,Spätdorf,DE,52.2,9.8,friendship,,2010,2004,,https://example.org/x,X,de\n\
         koge,DK,,,Halbstadt,DE,52.3,,friendship,,,,,https://example.org/x,X,de\n\
         koge,DK,,,Gutdorf,DE,52.4,9.7,friendship,,1999,2003,,https://example.org/x,X,de\n"
    );
    let (dataset, report) = run(&csv);
    let rejected: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [(3, "lat_b"), (4, "lat_b"), (5, "until"), (6, "place_b")],
        "{:#?}",
        report.rejected
    );
    assert!(report.rejected[0]
        .message
        .contains("\"NaN\" is not a number from -90 to 90"));
    assert!(report.rejected[2].message.contains("before since"));
    assert_eq!(report.added_partnerships, ["koge-neuland", "koge-gutdorf"]);
    assert_eq!(report.added_places, ["neuland", "gutdorf"]);
    assert!(load(&serde_json::to_string(&dataset).unwrap())
        .unwrap()
        .problems
        .is_empty());
}

/// Excel's plain "CSV (semicolon separated)" in Germany: Windows-1252, German column names.
#[test]
fn a_windows_1252_sheet_with_german_column_names_imports() {
    let sheet = "Ort A;Land A;Ort B;Land B;Breite B;Länge B;Art;Seit;Quelle URL;Quelle Titel;Quelle Sprache\n\
                 Køge;DK;Großröhrsdorf;DE;51,14;14,02;Städtepartnerschaft;2001;https://example.org/k;Köge und Großröhrsdorf;de\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(sheet);
    assert!(!unmappable);
    let (text, encoding) = partnermap::core::spreadsheet::decode(&bytes);
    assert_eq!(
        encoding,
        partnermap::core::spreadsheet::Encoding::Windows1252
    );
    let (dataset, report) = run(&text);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let link = dataset
        .partnerships
        .iter()
        .find(|l| report.added_partnerships.contains(&l.id))
        .unwrap();
    assert_eq!(link.places[0], "koge");
    let partner = dataset
        .places
        .iter()
        .find(|p| p.id == link.places[1])
        .unwrap();
    assert_eq!(partner.name, "Großröhrsdorf");
    assert_eq!(link.kind, PartnershipKind::Twinning);
}

#[test]
fn a_picked_candidate_and_given_coordinates_let_their_rows_in() {
    // No coordinate columns: giving coordinates adds them.
    let csv = "place_a;country_a;place_b;country_b;kind;source_url;source_language\n\
               Køge;DK;Frankenberg;DE;friendship;https://example.org/f;de\n\
               Bytów;PL;Atlantis;DK;twinning;https://example.org/f;de\n";
    let mut sheet = Sheet::read(csv).unwrap();
    let mut dataset = shipped();
    let report = import_sheet(&sheet, &mut dataset, &gazetteer()).unwrap();
    let rows: Vec<usize> = report.rejected.iter().map(|p| p.row).collect();
    assert_eq!(rows, [2, 3]);
    assert!(report.added_rows.is_empty());
    let candidates = &report.rejected[0].candidates;
    assert_eq!(candidates.len(), 2);
    assert!(candidates
        .iter()
        .all(|c| c.name == "Frankenberg" && c.population.is_some()));
    assert!(report.rejected[1].asks_coordinates);

    let pick = candidates
        .iter()
        .find(|c| c.write == "geonames:2925629")
        .expect("Frankenberg (Eder) is a candidate");
    sheet.set(2, "place_b", &pick.write);
    sheet.set(3, "lat_b", "55,5");
    sheet.set(3, "lon_b", " 11.25 ");
    let mut dataset = shipped();
    let report = import_sheet(&sheet, &mut dataset, &gazetteer()).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(
        report.added_rows.keys().copied().collect::<Vec<_>>(),
        [2, 3]
    );
    let atlantis = dataset
        .places
        .iter()
        .find(|p| p.name == "Atlantis")
        .unwrap();
    assert_eq!(
        (atlantis.location.lat, atlantis.location.lon),
        (55.5, 11.25)
    );
    let added = &report.added_rows[&3];
    assert!(dataset
        .partnerships
        .iter()
        .any(|l| &l.id == added && l.places[1] == atlantis.id));
}
