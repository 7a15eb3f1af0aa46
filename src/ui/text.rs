//! The words the interface uses for the data's codes: kinds, roles, dates, countries.
//! English for now, and all in one place, so that translation (issue 4) has one file to replace.

use crate::core::date::PartialDate;
use crate::core::filter::KindFilter;
use crate::core::model::{CountScope, HostRole, NetworkKind, PartnershipKind, PlaceKind};

pub fn partnership_kind(kind: PartnershipKind) -> &'static str {
    match kind {
        PartnershipKind::Twinning => "Twinning",
        PartnershipKind::Friendship => "Friendship",
        PartnershipKind::CooperationAgreement => "Cooperation agreement",
        PartnershipKind::ProjectPartnership => "Project partnership",
    }
}

pub fn network_kind(kind: NetworkKind) -> &'static str {
    match kind {
        NetworkKind::CityNetwork => "City network",
        NetworkKind::SolidarityPact => "Solidarity pact",
        NetworkKind::Programme => "Programme",
        NetworkKind::PartnerTownGroup => "Partner towns",
    }
}

pub fn kind_filter(kind: KindFilter) -> &'static str {
    match kind {
        KindFilter::Twinning => "Twinning",
        KindFilter::Friendship => "Friendship",
        KindFilter::CooperationAgreement => "Cooperation agreement",
        KindFilter::ProjectPartnership => "Project partnership",
        KindFilter::Network => "Network",
        KindFilter::Event => "Meeting",
    }
}

pub fn place_kind(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Municipality => "Municipality",
        PlaceKind::County => "County or district",
        PlaceKind::Region => "Region",
    }
}

pub fn host_role(role: HostRole) -> &'static str {
    match role {
        HostRole::Secretariat => "secretariat",
        HostRole::Host => "host",
        HostRole::Convener => "convener",
    }
}

pub fn count_scope(scope: CountScope) -> &'static str {
    match scope {
        CountScope::Current => "current members",
        CountScope::AllTime => "members since it began",
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2006", "October 2021", "23 March 2023", with "about" where the source only implies it.
pub fn date(d: PartialDate) -> String {
    let month = d
        .month
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
    let text = match (d.day, month) {
        (Some(day), Some(month)) => format!("{day} {month} {}", d.year),
        (None, Some(month)) => format!("{month} {}", d.year),
        _ => d.year.to_string(),
    };
    if d.approximate {
        format!("about {text}")
    } else {
        text
    }
}

/// A period: "since October 2021", "2006–2015", "23 March 2023 – 26 March 2023", or that the
/// sources give no year.
pub fn period(since: Option<PartialDate>, until: Option<PartialDate>) -> String {
    match (since, until) {
        (Some(s), None) => format!("since {}", date(s)),
        (Some(s), Some(u)) if s == u => date(s),
        (Some(s), Some(u)) => format!("{} – {}", date(s), date(u)),
        (None, Some(u)) => format!("until {}", date(u)),
        (None, None) => "year not given in the sources".into(),
    }
}

/// English names of the region's countries, by ISO 3166-1 alpha-2 code.
pub fn country(code: &str) -> &str {
    match code {
        "BE" => "Belgium",
        "DE" => "Germany",
        "DK" => "Denmark",
        "EE" => "Estonia",
        "FI" => "Finland",
        "FR" => "France",
        "GB" => "United Kingdom",
        "IE" => "Ireland",
        "IS" => "Iceland",
        "LT" => "Lithuania",
        "LU" => "Luxembourg",
        "LV" => "Latvia",
        "NL" => "Netherlands",
        "NO" => "Norway",
        "PL" => "Poland",
        "SE" => "Sweden",
        other => other,
    }
}

pub fn language(code: &str) -> &str {
    match code {
        "da" => "Danish",
        "de" => "German",
        "en" => "English",
        "lt" => "Lithuanian",
        "pl" => "Polish",
        "sv" => "Swedish",
        other => other,
    }
}

/// "1 link", "2 links".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
