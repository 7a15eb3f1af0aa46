//! Which place labels fit on screen without overlapping, and on which side of their marker.
//!
//! Greedy placement by priority, the standard cartographic approach: the busiest places are
//! labelled first, each on the first free side of four; a label that fits nowhere is hidden
//! until the view changes.

/// Where a label stands relative to its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
}

/// A label that wants a place on screen (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Higher wins.
    pub priority: f64,
}

/// A screen rectangle: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// Gap between a marker's centre and its label.
const OFFSET: f64 = 7.0;

fn rect(r: &LabelRequest, side: Side) -> Rect {
    let (w, h) = (r.width, r.height);
    let (left, top) = match side {
        Side::Right => (r.x + OFFSET, r.y - h / 2.0),
        Side::Left => (r.x - OFFSET - w, r.y - h / 2.0),
        Side::Above => (r.x - w / 2.0, r.y - OFFSET - h),
        Side::Below => (r.x - w / 2.0, r.y + OFFSET),
    };
    (left, top, left + w, top + h)
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Half the side of the box a marker keeps free of other places' labels.
pub const MARKER_RADIUS: f64 = 6.0;
/// Markers closer than this to each other read as one symbol: they do not block each other's
/// labels, so a cluster (a county's towns at the default zoom) is labelled by its busiest place.
pub const CLUSTER_PX: f64 = 12.0;

/// For each request, the side its label goes on, or `None` where it would cover a label
/// already placed or another place's marker, or leave the screen (`width` × `height`).
pub fn place_labels(requests: &[LabelRequest], width: f64, height: f64) -> Vec<Option<Side>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    crate::core::sorting::sort_indices(&mut order, &|a, b| {
        requests[b]
            .priority
            .total_cmp(&requests[a].priority)
            .then(a.cmp(&b))
    });
    let m = MARKER_RADIUS;
    let markers: Vec<Rect> = requests
        .iter()
        .map(|r| (r.x - m, r.y - m, r.x + m, r.y + m))
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    let mut sides = vec![None; requests.len()];
    for i in order {
        let r = &requests[i];
        let fits = |b: &Rect| b.0 >= 0.0 && b.1 >= 0.0 && b.2 <= width && b.3 <= height;
        let blocking_markers: Vec<Rect> = requests
            .iter()
            .zip(&markers)
            .filter(|(other, _)| (other.x - r.x).hypot(other.y - r.y) >= CLUSTER_PX)
            .map(|(_, marker)| *marker)
            .collect();
        let side = [Side::Right, Side::Left, Side::Above, Side::Below]
            .into_iter()
            .find(|&side| {
                let b = rect(r, side);
                fits(&b)
                    && !placed
                        .iter()
                        .chain(&blocking_markers)
                        .any(|p| overlaps(*p, b))
            });
        if let Some(side) = side {
            placed.push(rect(r, side));
            sides[i] = Some(side);
        }
    }
    sides
}

/// A label's width in pixels, estimated from its length: system sans-serif fonts in the
/// labels' semi-bold average about 0.62 em per character, and the layout must not wait for the
/// DOM to measure.
pub fn estimated_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.62 + 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64, priority: f64) -> LabelRequest {
        LabelRequest {
            x,
            y,
            width: 60.0,
            height: 14.0,
            priority,
        }
    }

    #[test]
    fn the_busier_place_keeps_its_side_and_the_other_moves() {
        let sides = place_labels(
            &[at(100.0, 100.0, 1.0), at(110.0, 100.0, 5.0)],
            800.0,
            600.0,
        );
        assert_eq!(sides, vec![Some(Side::Left), Some(Side::Right)]);
    }

    #[test]
    fn a_crowd_keeps_only_what_fits() {
        let crowd: Vec<_> = (0..9)
            .map(|i| at(300.0 + i as f64 * 3.0, 300.0, i as f64))
            .collect();
        let sides = place_labels(&crowd, 800.0, 600.0);
        let shown = sides.iter().filter(|s| s.is_some()).count();
        assert_eq!(
            shown, 4,
            "one label to each side of the row: right, left, above, below"
        );
        assert_eq!(
            sides[8],
            Some(Side::Right),
            "the busiest place labels the cluster"
        );
    }

    #[test]
    fn labels_do_not_cover_other_markers() {
        // A marker 20 px right of the busy place blocks its right side.
        let sides = place_labels(
            &[at(100.0, 100.0, 5.0), at(120.0, 100.0, 0.0)],
            800.0,
            600.0,
        );
        assert_eq!(sides[0], Some(Side::Left));
    }

    #[test]
    fn labels_stay_on_screen() {
        let sides = place_labels(&[at(790.0, 300.0, 1.0)], 800.0, 600.0);
        assert_eq!(sides, vec![Some(Side::Left)]);
    }
}
