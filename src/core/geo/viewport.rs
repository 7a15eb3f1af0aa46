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

/// How far a visitor can zoom in: 2^7 = 128 times the default view.
pub const MAX_ZOOM: f64 = 7.0;

/// Where the visitor is looking: a zoom level (log2 of the scale relative to the default
/// view, so 0 is the default and 1 twice as close) and the map point at the centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub zoom: f64,
    pub center: MapPoint,
}

/// Moving the map: all in pure functions of the default view (`home`, the fitted transform),
/// the screen size and the drawn bounds, so that they are tested without a browser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub home: ViewTransform,
    pub width: f64,
    pub height: f64,
    /// The rectangle the view must stay within.
    pub bounds: Extent,
}

impl Camera {
    /// The view the page opens with.
    pub fn home_view(&self) -> View {
        View {
            zoom: 0.0,
            center: self.center_of(self.home),
        }
    }

    fn center_of(&self, t: ViewTransform) -> MapPoint {
        MapPoint {
            x: (self.width / 2.0 - t.tx) / t.scale,
            y: (self.height / 2.0 - t.ty) / t.scale,
        }
    }

    pub fn scale(&self, zoom: f64) -> f64 {
        self.home.scale * zoom.exp2()
    }

    /// The transform that shows `view`.
    pub fn transform(&self, view: View) -> ViewTransform {
        let scale = self.scale(view.zoom);
        ViewTransform {
            scale,
            tx: self.width / 2.0 - view.center.x * scale,
            ty: self.height / 2.0 - view.center.y * scale,
        }
    }

    /// The farthest out a visitor may zoom: the bounds just fill the screen.
    pub fn min_zoom(&self) -> f64 {
        let fill = (self.width / self.bounds.width().max(1e-9))
            .max(self.height / self.bounds.height().max(1e-9));
        (fill / self.home.scale).log2().min(0.0)
    }

    /// `view` brought within the zoom limits, and moved so that the screen stays within the bounds.
    pub fn clamp(&self, view: View) -> View {
        let zoom = if view.zoom.is_finite() {
            view.zoom.clamp(self.min_zoom(), MAX_ZOOM)
        } else {
            0.0
        };
        let scale = self.scale(zoom);
        let axis = |c: f64, min: f64, max: f64, half: f64| {
            let c = if c.is_finite() { c } else { (min + max) / 2.0 };
            if max - min <= 2.0 * half {
                (min + max) / 2.0
            } else {
                c.clamp(min + half, max - half)
            }
        };
        let b = self.bounds;
        let center = MapPoint {
            x: axis(view.center.x, b.min_x, b.max_x, self.width / 2.0 / scale),
            y: axis(view.center.y, b.min_y, b.max_y, self.height / 2.0 / scale),
        };
        View { zoom, center }
    }

    /// Zooms by `steps` levels (positive: closer), keeping the map point under the screen
    /// point `(sx, sy)` where it is, as a wheel under the cursor does.
    pub fn zoom_at(&self, view: View, steps: f64, sx: f64, sy: f64) -> View {
        let before = self.transform(view);
        let under = MapPoint {
            x: (sx - before.tx) / before.scale,
            y: (sy - before.ty) / before.scale,
        };
        let zoom = (view.zoom + steps).clamp(self.min_zoom(), MAX_ZOOM);
        let scale = self.scale(zoom);
        let center = MapPoint {
            x: under.x - (sx - self.width / 2.0) / scale,
            y: under.y - (sy - self.height / 2.0) / scale,
        };
        self.clamp(View { zoom, center })
    }

    /// Moves the map by `(dx, dy)` screen pixels, as a drag does.
    pub fn pan(&self, view: View, dx: f64, dy: f64) -> View {
        let scale = self.scale(view.zoom);
        self.clamp(View {
            zoom: view.zoom,
            center: MapPoint {
                x: view.center.x - dx / scale,
                y: view.center.y - dy / scale,
            },
        })
    }

    /// The closest view, up to `max_zoom`, that shows all of `points` within the part of the
    /// screen given by `area` (left, top, right, bottom in pixels) with `padding` around them.
    /// None when there are no points.
    pub fn fit_points(
        &self,
        points: &[MapPoint],
        area: (f64, f64, f64, f64),
        padding: f64,
        max_zoom: f64,
    ) -> Option<View> {
        let first = points.first()?;
        let (mut min, mut max) = (*first, *first);
        for p in points {
            (min.x, min.y, max.x, max.y) = (
                min.x.min(p.x),
                min.y.min(p.y),
                max.x.max(p.x),
                max.y.max(p.y),
            );
        }
        let (left, top, right, bottom) = area;
        let usable = (
            (right - left - 2.0 * padding).max(1.0),
            (bottom - top - 2.0 * padding).max(1.0),
        );
        let span = ((max.x - min.x).max(1e-9), (max.y - min.y).max(1e-9));
        let scale = (usable.0 / span.0).min(usable.1 / span.1);
        let zoom = (scale / self.home.scale).log2().min(max_zoom);
        let scale = self.scale(zoom);
        // Centre the points in the area, which need not be the middle of the screen.
        let (area_cx, area_cy) = ((left + right) / 2.0, (top + bottom) / 2.0);
        let center = MapPoint {
            x: (min.x + max.x) / 2.0 - (area_cx - self.width / 2.0) / scale,
            y: (min.y + max.y) / 2.0 - (area_cy - self.height / 2.0) / scale,
        };
        Some(self.clamp(View { zoom, center }))
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

    fn camera() -> Camera {
        let home = ViewTransform::fit(EXTENT, 800.0, 400.0, 0.0);
        Camera {
            home,
            width: 800.0,
            height: 400.0,
            bounds: Extent {
                min_x: -200.0,
                min_y: -400.0,
                max_x: 600.0,
                max_y: 0.0,
            },
        }
    }

    #[test]
    fn the_home_view_is_the_fitted_view() {
        let c = camera();
        assert_eq!(c.transform(c.home_view()), c.home);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let c = camera();
        let view = c.zoom_at(c.home_view(), 1.0, 300.0, 150.0);
        assert_eq!(view.zoom, 1.0);
        let (before, after) = (c.home, c.transform(view));
        let under = |t: ViewTransform| ((300.0 - t.tx) / t.scale, (150.0 - t.ty) / t.scale);
        let (a, b) = (under(before), under(after));
        assert!((a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9);
    }

    #[test]
    fn zoom_stops_at_its_limits_and_the_view_stays_within_the_bounds() {
        let c = camera();
        assert_eq!(c.zoom_at(c.home_view(), 50.0, 400.0, 200.0).zoom, MAX_ZOOM);
        let out = c.zoom_at(c.home_view(), -50.0, 400.0, 200.0);
        assert_eq!(out.zoom, c.min_zoom());
        assert_eq!(c.min_zoom(), -1.0, "the bounds are twice the extent");
        let far = c.pan(c.zoom_at(c.home_view(), 2.0, 400.0, 200.0), 1.0e6, 0.0);
        let t = c.transform(far);
        assert!(
            (-t.tx / t.scale - c.bounds.min_x).abs() < 1e-9,
            "dragged to the left edge and no further"
        );
        let nan = c.clamp(View {
            zoom: f64::NAN,
            center: MapPoint {
                x: f64::NAN,
                y: 0.0,
            },
        });
        assert!(nan.zoom.is_finite() && nan.center.x.is_finite());
    }

    #[test]
    fn fitting_points_shows_them_all_in_the_given_area() {
        let c = camera();
        let p = |x, y| MapPoint { x, y };
        let points = [p(100.0, -250.0), p(140.0, -230.0)];
        let view = c
            .fit_points(&points, (0.0, 0.0, 800.0, 200.0), 20.0, MAX_ZOOM)
            .unwrap();
        let t = c.transform(view);
        for point in points {
            let (x, y) = t.apply(point);
            assert!(
                (19.9..=780.1).contains(&x) && (19.9..=180.1).contains(&y),
                "{x} {y} in the top half"
            );
        }
        let one = c
            .fit_points(&points[..1], (0.0, 0.0, 800.0, 400.0), 20.0, 3.0)
            .unwrap();
        assert_eq!(
            one.zoom, 3.0,
            "a single point is shown at the closest zoom allowed"
        );
        assert!(c.fit_points(&[], (0.0, 0.0, 1.0, 1.0), 0.0, 3.0).is_none());
    }

    #[test]
    fn a_box_without_size_gets_a_usable_transform() {
        let t = ViewTransform::fit(EXTENT, 0.0, 0.0, 20.0);
        assert!(t.scale.is_finite() && t.scale > 0.0);
    }

    #[test]
    fn the_region_is_wider_than_tall_in_the_projection() {
        let e = Extent::of_region(&Projection::etrs89_laea());
        assert!(e.width() > 2500.0 && e.height() > 2500.0, "{e:?}");
    }
}
