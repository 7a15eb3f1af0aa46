//! The source records of the imported data: what was read, where it was published, and how.

use crate::core::date::PartialDate;
use crate::core::model::Source;

pub const WIKIDATA_2017: &str = "wikidata-p190-2017";
pub const WIKIDATA_2016: &str = "wikidata-p190-2016";
pub const EUROCITIES: &str = "eurocities-2025";

fn date(text: &str) -> Option<PartialDate> {
    text.parse().ok()
}

pub fn wikidata_2017() -> Source {
    Source {
        id: WIKIDATA_2017.into(),
        title: "Wikidata, property P190 (twinned administrative body), queried 2017-05, as published in rogorido/sistercities".into(),
        publisher: Some("Wikidata".into()),
        date: date("2017-05~"),
        language: "en".into(),
        url: Some("https://github.com/rogorido/sistercities/tree/6bb5473459b9f7e16f59ecd0a2f9d76c3ccf9ce6/sparql/data".into()),
        publisher_url: None,
        licence: Some("CC0 1.0".into()),
        note: Some(concat!(
            "Cities of 25 EU countries and their P190 partners with coordinates, one row per direction ",
            "(data/sources/wikidata-twinnings-2017). Read as: a place is a label at its coordinates; ",
            "statements of one label within 15 km are one place, and so are a municipality and its town ",
            "(one label containing the other, within 15 km, sharing most partners) and statements at one ",
            "GeoNames entry; a twinning stated from both sides or several times is one partnership; ",
            "self-links after merging, places without coordinates and raw item ids without any label are ",
            "left out; a country stated differently from the coordinates is decided by GeoNames where it ",
            "knows the place, else by the origin's file and the most frequent statement; countries that no ",
            "longer exist are left out. Only partnerships with at least one end in 11°W–35°E, 47°N–71°N are ",
            "kept. The rows give no years, themes or kinds beyond twinning, and none are stated here."
        ).into()),
    }
}

pub fn wikidata_2016() -> Source {
    Source {
        id: WIKIDATA_2016.into(),
        title: "Wikidata, property P190 (twinned administrative body), crawled 2016-09, as published in L3viathan/sister-cities".into(),
        publisher: Some("Wikidata".into()),
        date: date("2016-09-12"),
        language: "de".into(),
        url: Some("https://github.com/L3viathan/sister-cities/tree/d3028c22c7e47f18947eb39a41c13e4f2751342e".into()),
        publisher_url: None,
        licence: Some("CC0 1.0".into()),
        note: Some(concat!(
            "Item pairs (relations.tsv) and labels, German where there is one (names.tsv); ",
            "data/sources/wikidata-p190-qids-2016. Used only to attach Wikidata ids to places: where a ",
            "place's label matches one item's label, or several but one item's partners match the ",
            "place's partners best; an item two places claim equally goes to neither. A partnership ",
            "cites this source too where both its places have ids and the crawl has the pair."
        ).into()),
    }
}

pub fn eurocities(website_members: usize, not_found: &[String], left_out: &[String]) -> Source {
    let left = if left_out.is_empty() {
        String::new()
    } else {
        format!(
            " Left out as not on the website list: {}.",
            left_out.join(", ")
        )
    };
    Source {
        id: EUROCITIES.into(),
        title: "Eurocities member list (website) with Wikidata matches, as published in c-riq/city-vote (public-data/city-networks/eurocities/)".into(),
        publisher: Some("Eurocities".into()),
        date: date("2025-05-21"),
        language: "en".into(),
        url: Some("https://github.com/c-riq/city-vote/tree/63b8197d6540fb851eeb5cd62bde6deb4cad3868/public-data/city-networks/eurocities".into()),
        publisher_url: Some("https://eurocities.eu/".into()),
        licence: Some("Wikidata CC0 1.0 (ids, coordinates, populations)".into()),
        note: Some(format!(
            "The website lists {website_members} members (members_from_website.txt, city and country on \
             alternate lines); members-wikidata-enriched.json matches them to Wikidata items. The {} \
             members it could not match are not in the record: {}.{left} A metropolitan area and its \
             city matched to one item are one member. Coordinates are GeoNames' where it knows the \
             member, else the extract's (two decimals). The sources name no secretariat, themes or \
             dates.",
            not_found.len(),
            not_found.join(", ")
        )),
    }
}
