//! The staff page's checking, natively: each row's verdict, the merged dataset and the rows'
//! own, the report, and what the preview draws.

use partnermap::core::check::{
    check, is_added, is_present, is_rejected, preview, report_text, Outcome,
};
use partnermap::core::geo::viewport::Extent;
use partnermap::core::geo::Projection;
use partnermap::core::import::{Gazetteer, Sheet};
use partnermap::core::load::load;
use partnermap::core::model::Dataset;
use partnermap::core::spreadsheet::{decode, Encoding};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn shipped() -> Dataset {
    load(&read("data/curated.json")).unwrap().dataset
}

/// A German sheet as Excel writes it: Windows-1252, semicolons, German column names.
fn sheet_bytes() -> Vec<u8> {
    let text = "Ort_a;Land_a;Ort_b;Land_b;Art;Quelle_URL;Quelle_Sprache;Breite_b;Länge_b\r\n\
                Køge;DK;Frankenberg;DE;Freundschaft;https://example.org/k;de;;\r\n\
                Bytów;PL;Frankenberg (Eder);DE;Städtepartnerschaft;https://example.org/k;de;;\r\n\
                Køge;DK;Bogotá;CO;Projekt;https://example.org/k;de;4,71;-74,07\r\n\
                ;;;;;;;;\r\n\
                Køge;DK;Atlantis;DK;twinning;https://example.org/k;de;;\r\n\
                Køge;DK;Slupsk;PL;twinning;https://example.org/k;de;;\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    bytes.into_owned()
}

#[test]
fn every_row_has_its_verdict_and_the_dataset_stays_as_it_was() {
    let (text, encoding) = decode(&sheet_bytes());
    assert_eq!(encoding, Encoding::Windows1252);
    let sheet = Sheet::read(&text).unwrap();
    let gazetteer = Gazetteer::read(&read("data/gazetteer.csv")).unwrap();
    let dataset = shipped();
    let checked = check(&sheet, &dataset, &gazetteer).unwrap();
    assert_eq!(dataset, shipped(), "the map's dataset is not touched");

    let verdicts: Vec<(usize, &str)> = checked
        .rows
        .iter()
        .map(|r| {
            let word = match &r.outcome {
                Outcome::Added { .. } => "added",
                Outcome::AlreadyPresent => "present",
                Outcome::Rejected(_) => "rejected",
            };
            (r.row, word)
        })
        .collect();
    // Row 2's Frankenberg is two places; row 5 is empty; row 6 is nowhere; row 7 is Słupsk.
    assert_eq!(
        verdicts,
        [
            (2, "rejected"),
            (3, "present"),
            (4, "added"),
            (6, "rejected"),
            (7, "added")
        ]
    );
    assert_eq!(
        (
            checked.count(is_added),
            checked.count(is_present),
            checked.count(is_rejected)
        ),
        (2, 1, 2)
    );
    assert_eq!(checked.rows[0].place_b, "Frankenberg");
    assert_eq!(
        checked.rows[2].place_b, "Bogotá",
        "the cells as written, decoded"
    );
    let Outcome::Rejected(problems) = &checked.rows[0].outcome else {
        unreachable!()
    };
    assert_eq!(problems[0].candidates.len(), 2);
    let Outcome::Rejected(problems) = &checked.rows[3].outcome else {
        unreachable!()
    };
    assert!(problems[0].asks_coordinates);

    // The merged dataset is valid and has both new links; the rows' own has only them.
    let merged = serde_json::to_string(&checked.merged).unwrap();
    let merged = load(&merged).unwrap();
    assert!(merged.problems.is_empty(), "{:?}", merged.problems);
    assert_eq!(
        merged.dataset.partnerships.len(),
        dataset.partnerships.len() + 2
    );
    let own = serde_json::to_string(&checked.own_rows()).unwrap();
    let own = load(&own).unwrap();
    assert!(own.problems.is_empty(), "{:?}", own.problems);
    let mut names: Vec<&str> = own.dataset.places.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Bogotá", "Køge", "Słupsk"]);
    assert_eq!(own.dataset.partnerships.len(), 2);

    let report = report_text("partner.csv", encoding, &checked);
    assert!(report.contains("Read as Windows-1252."), "{report}");
    assert!(
        report.contains("5 row(s): 2 added, 1 already in the map, 2 left out."),
        "{report}"
    );
    assert!(report.contains("row 6: Køge – Atlantis\n    column place_b: \"Atlantis\" (DK) is not in the dataset or the gazetteer"), "{report}");

    // The preview draws the link inside the region and names the one beyond it.
    let projection = Projection::etrs89_laea();
    let shown = preview(&checked, &projection, Extent::of_region(&projection));
    assert_eq!(shown.links.len(), 1);
    assert_eq!(shown.links[0].title, "Køge – Słupsk");
    assert_eq!(shown.beyond, ["Køge – Bogotá"]);
    let mut names: Vec<(&str, bool)> = shown
        .places
        .iter()
        .map(|p| (p.name.as_str(), p.new))
        .collect();
    names.sort();
    assert_eq!(names, [("Køge", false), ("Słupsk", true)]);
    let e = shown.extent;
    assert!(shown
        .places
        .iter()
        .all(|p| p.at.x > e.min_x && p.at.x < e.max_x && p.at.y > e.min_y && p.at.y < e.max_y));
    assert!(
        e.width() < Extent::of_region(&projection).width() / 2.0,
        "zoomed to the rows"
    );
}
