//! The words the interface uses for the data's codes: kinds, roles, periods, countries, in the
//! chosen language (see `ui::i18n`).

use crate::core::date::PartialDate;
use crate::core::filter::KindFilter;
use crate::core::model::{CountScope, HostRole, NetworkKind, PartnershipKind, PlaceKind};

use super::i18n::{fill, t, t_or};

pub use super::i18n::date;

pub fn partnership_kind(kind: PartnershipKind) -> &'static str {
    t(match kind {
        PartnershipKind::Twinning => "kind.twinning",
        PartnershipKind::Friendship => "kind.friendship",
        PartnershipKind::CooperationAgreement => "kind.cooperation_agreement",
        PartnershipKind::ProjectPartnership => "kind.project_partnership",
    })
}

pub fn network_kind(kind: NetworkKind) -> &'static str {
    t(match kind {
        NetworkKind::CityNetwork => "network_kind.city_network",
        NetworkKind::SolidarityPact => "network_kind.solidarity_pact",
        NetworkKind::Programme => "network_kind.programme",
        NetworkKind::PartnerTownGroup => "network_kind.partner_town_group",
    })
}

pub fn kind_filter(kind: KindFilter) -> &'static str {
    t(match kind {
        KindFilter::Twinning => "kind.twinning",
        KindFilter::Friendship => "kind.friendship",
        KindFilter::CooperationAgreement => "kind.cooperation_agreement",
        KindFilter::ProjectPartnership => "kind.project_partnership",
        KindFilter::Network => "kind.network",
        KindFilter::Event => "kind.event",
    })
}

pub fn place_kind(kind: PlaceKind) -> &'static str {
    t(match kind {
        PlaceKind::Municipality => "place_kind.municipality",
        PlaceKind::County => "place_kind.county",
        PlaceKind::Region => "place_kind.region",
    })
}

pub fn host_role(role: HostRole) -> &'static str {
    t(match role {
        HostRole::Secretariat => "role.secretariat",
        HostRole::Host => "role.host",
        HostRole::Convener => "role.convener",
    })
}

pub fn count_scope(scope: CountScope) -> &'static str {
    t(match scope {
        CountScope::Current => "scope.current",
        CountScope::AllTime => "scope.all_time",
    })
}

/// A period: "since October 2021", "2006 – 2015", or that the sources give no year.
pub fn period(since: Option<PartialDate>, until: Option<PartialDate>) -> String {
    match (since, until) {
        (Some(s), None) => fill("period.since", &[("date", &date(s))]),
        (Some(s), Some(u)) if s == u => date(s),
        (Some(s), Some(u)) => fill("period.range", &[("from", &date(s)), ("to", &date(u))]),
        (None, Some(u)) => fill("period.until", &[("date", &date(u))]),
        (None, None) => t("period.none").to_string(),
    }
}

/// A country's name, by ISO 3166-1 alpha-2 code: the pack's where it has one (the region's
/// countries, as reviewed), else the browser's (`Intl.DisplayNames`), else the code itself.
pub fn country(code: &str) -> String {
    super::i18n::remembered_country(code, || {
        let packed = t_or(&format!("country.{code}"), "");
        if !packed.is_empty() {
            return packed;
        }
        super::i18n::country_name(code).unwrap_or_else(|| code.to_string())
    })
}

/// A language's name, by code; the code itself where the packs have none.
pub fn language(code: &str) -> String {
    t_or(&format!("language.{code}"), code)
}
