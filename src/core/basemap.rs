//! The prepared basemap asset (`public/basemap.json`): what `partnermap prepare-basemap`
//! writes and the map draws under the data. Paths are SVG path data in map units
//! (kilometres of EPSG:3035, y southwards), ready to draw without further work.

use serde::{Deserialize, Serialize};

pub use super::geo::viewport::Extent;

/// The version of the asset's format.
pub const BASEMAP_VERSION: u32 = 1;

/// A country's land, filled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryShape {
    /// ISO 3166-1 numeric code, as Natural Earth gives it.
    pub id: String,
    /// The English short name.
    pub name: String,
    pub d: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Basemap {
    pub version: u32,
    /// The region's rectangle: what the map shows before anyone zooms.
    pub extent: Extent,
    /// The rectangle the land is drawn in: the extent and a margin around it. The view
    /// never shows beyond it.
    pub bounds: Extent,
    pub countries: Vec<CountryShape>,
    /// Coastlines: the edges of land that no other country shares.
    pub coast: String,
    /// Land borders between countries.
    pub borders: String,
    /// Meridians and parallels every five degrees.
    pub graticule: String,
    /// Who made the data, as the map must credit them.
    pub attribution: String,
}
