//! The map's EPSG:3035 formulas against proj4rs, a port of PROJ, across the whole region.

use partnermap::core::geo::Projection;
use proj4rs::proj::Proj;

#[test]
fn agrees_with_proj4rs_to_the_millimetre_across_the_region() {
    let ours = Projection::etrs89_laea();
    let geographic = Proj::from_proj_string("+proj=longlat +ellps=GRS80 +no_defs").unwrap();
    let laea = Proj::from_proj_string(
        "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs",
    )
    .unwrap();
    let mut compared = 0;
    for lon in (-45..=80).step_by(5) {
        for lat in (30..=85).step_by(5) {
            let (lon, lat) = (f64::from(lon) + 0.37, f64::from(lat) + 0.21);
            let mut reference = (lon.to_radians(), lat.to_radians(), 0.0);
            proj4rs::transform::transform(&geographic, &laea, &mut reference).unwrap();
            let (e, n) = ours.to_etrs89_laea(lon, lat).unwrap();
            assert!(
                (e - reference.0).abs() < 1e-3 && (n - reference.1).abs() < 1e-3,
                "{lon} {lat}: {e} {n} vs {reference:?}"
            );
            let (back_lon, back_lat) = ours.from_etrs89_laea(e, n).unwrap();
            // EPSG's series for the latitude is exact to about a millimetre this far out.
            assert!(
                (back_lon - lon).abs() < 1e-7 && (back_lat - lat).abs() < 1e-7,
                "inverse at {lon} {lat}: {back_lon} {back_lat}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 26 * 12);
}
