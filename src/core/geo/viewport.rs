//! From map units to screen pixels: the transform that fits the region into the map's box.

use super::projection::{MapPoint, Projection};
use super::region::REGION;

/// A rectangle in map units.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extent {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Extent {
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }

    /// The bounding rectangle of the region's outline, projected, in whole kilometres.
    pub fn of_region(projection: &Projection) -> Extent {
        let mut e = Extent {
            min_x: f64::INFINITY,
            min_y: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            max_y: f64::NEG_INFINITY,
        };
        for (lon, lat) in REGION.outline(4) {
            if let Some(p) = projection.project(lon, lat) {
                e = Extent {
                    min_x: e.min_x.min(p.x),
                    min_y: e.min_y.min(p.y),
                    max_x: e.max_x.max(p.x),
                    max_y: e.max_y.max(p.y),
                };
            }
        }
        Extent {
            min_x: e.min_x.round(),
            min_y: e.min_y.round(),
            max_x: e.max_x.round(),
            max_y: e.max_y.round(),
        }
    }
}

/// How much closer than "all of the region" a portrait screen starts.
pub const PORTRAIT_ZOOM: f64 = 1.5;

/// Screen = map × scale + translation (uniform scale: the map is never stretched).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewTransform {
    /// Pixels per kilometre.
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
}

impl ViewTransform {
    /// The largest view of `extent` that fits `width` × `height` pixels with `padding` on
    /// every side, centred. A box not measured yet (zero size) gets a 1 px placeholder view.
    pub fn fit(extent: Extent, width: f64, height: f64, padding: f64) -> ViewTransform {
        let usable_w = (width - 2.0 * padding).max(1.0);
        let usable_h = (height - 2.0 * padding).max(1.0);
        let (ew, eh) = (extent.width().max(1e-9), extent.height().max(1e-9));
        ViewTransform::centred(extent, width, height, (usable_w / ew).min(usable_h / eh))
    }

    /// The default view of the region: all of it where the screen is at least as wide, in
    /// proportion, as the region; on a taller screen (a phone) up to `PORTRAIT_ZOOM` times
    /// closer, since the region would otherwise fill only a strip. Either way never so far
    /// out that the view reaches beyond `bounds`, the rectangle the basemap is drawn in.
    pub fn fit_region(
        extent: Extent,
        bounds: Extent,
        width: f64,
        height: f64,
        padding: f64,
    ) -> ViewTransform {
        let contain = ViewTransform::fit(extent, width, height, padding);
        let (width, height) = (width.max(1.0), height.max(1.0));
        let mut scale = contain.scale;
        if width / height < extent.width() / extent.height().max(1e-9) {
            let cover = (height - 2.0 * padding).max(1.0) / extent.height().max(1e-9);
            scale = cover.min(contain.scale * PORTRAIT_ZOOM);
        }
        let within_bounds =
            (width / bounds.width().max(1e-9)).max(height / bounds.height().max(1e-9));
        ViewTransform::centred(extent, width, height, scale.max(within_bounds))
    }

    fn centred(extent: Extent, width: f64, height: f64, scale: f64) -> ViewTransform {
        let cx = (extent.min_x + extent.max_x) / 2.0;
        let cy = (extent.min_y + extent.max_y) / 2.0;
        ViewTransform {
            scale,
            tx: width.max(1.0) / 2.0 - cx * scale,
            ty: height.max(1.0) / 2.0 - cy * scale,
        }
    }

    pub fn apply(&self, p: MapPoint) -> (f64, f64) {
        (p.x * self.scale + self.tx, p.y * self.scale + self.ty)
    }

    /// As an SVG `transform` attribute.
    pub fn to_svg(&self) -> String {
        format!(
            "matrix({} 0 0 {} {} {})",
            self.scale, self.scale, self.tx, self.ty
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXTENT: Extent = Extent {
        min_x: 0.0,
        min_y: -300.0,
        max_x: 400.0,
        max_y: -100.0,
    };
    const BOUNDS: Extent = Extent {
        min_x: -400.0,
        min_y: -600.0,
        max_x: 800.0,
        max_y: 200.0,
    };

    #[test]
    fn fits_and_centres_the_extent() {
        let t = ViewTransform::fit(EXTENT, 1000.0, 600.0, 0.0);
        assert_eq!(t.scale, 2.5); // 400 km across 1000 px; 200 km tall needs only 500 of 600 px
        assert_eq!(t.apply(MapPoint { x: 0.0, y: -300.0 }), (0.0, 50.0));
        assert_eq!(
            t.apply(MapPoint {
                x: 400.0,
                y: -100.0
            }),
            (1000.0, 550.0)
        );
    }

    #[test]
    fn a_portrait_screen_starts_closer_but_keeps_the_centre() {
        // "Portrait" is relative to the region, which is twice as wide as tall here.
        let wide = ViewTransform::fit_region(EXTENT, BOUNDS, 1000.0, 400.0, 0.0);
        assert_eq!(wide, ViewTransform::fit(EXTENT, 1000.0, 400.0, 0.0));
        let tall = ViewTransform::fit_region(EXTENT, BOUNDS, 400.0, 800.0, 0.0);
        assert_eq!(tall.scale, 1.0 * PORTRAIT_ZOOM); // contain would be 400 px / 400 km
        assert_eq!(
            tall.apply(MapPoint {
                x: 200.0,
                y: -200.0
            }),
            (200.0, 400.0)
        );
    }

    #[test]
    fn never_shows_beyond_the_drawn_land() {
        let narrow_bounds = Extent {
            min_x: -20.0,
            min_y: -320.0,
            max_x: 420.0,
            max_y: -80.0,
        };
        let tall = ViewTransform::fit_region(EXTENT, narrow_bounds, 400.0, 800.0, 0.0);
        assert_eq!(
            tall.scale,
            800.0 / 240.0,
            "the bounds' height fills the screen's"
        );
        let (left, top) = (-tall.tx / tall.scale, -tall.ty / tall.scale);
        assert!(left >= narrow_bounds.min_x && top >= narrow_bounds.min_y - 1e-9);
    }

    #[test]
    fn a_box_without_size_gets_a_usable_transform() {
        let t = ViewTransform::fit(EXTENT, 0.0, 0.0, 20.0);
        assert!(t.scale.is_finite() && t.scale > 0.0);
    }

    #[test]
    fn the_region_is_wider_than_tall_in_the_projection() {
        let e = Extent::of_region(&Projection::etrs89_laea().unwrap());
        assert!(e.width() > 2500.0 && e.height() > 2500.0, "{e:?}");
    }
}
