//! SVG path data from map points, compact enough to ship a basemap in a few hundred kilobytes.

use std::fmt::Write;

use super::projection::MapPoint;

/// Appends one polyline to `d` in relative coordinates with `decimals` places; a closed ring
/// ends with `z`. Repeated points, which rounding creates, are left out.
pub fn push_polyline(d: &mut String, points: &[MapPoint], decimals: usize, closed: bool) {
    let scale = 10f64.powi(decimals as i32);
    let quantise = |v: f64| (v * scale).round() as i64;
    let mut previous: Option<(i64, i64)> = None;
    for point in points {
        let q = (quantise(point.x), quantise(point.y));
        match previous {
            None => {
                let _ = write!(d, "M{}", pair(q, scale, decimals));
            }
            Some(prev) if prev == q => continue,
            Some(prev) => {
                let _ = write!(
                    d,
                    "l{}",
                    pair((q.0 - prev.0, q.1 - prev.1), scale, decimals)
                );
            }
        }
        previous = Some(q);
    }
    if closed && previous.is_some() {
        d.push('z');
    }
}

fn pair(q: (i64, i64), scale: f64, decimals: usize) -> String {
    let x = number(q.0, scale, decimals);
    let y = number(q.1, scale, decimals);
    if y.starts_with('-') {
        format!("{x}{y}")
    } else {
        format!("{x} {y}")
    }
}

/// The shortest text for a quantised number: `1.5`, `-0.3`, `12`.
fn number(q: i64, scale: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, q as f64 / scale);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(v: &[(f64, f64)]) -> Vec<MapPoint> {
        v.iter().map(|&(x, y)| MapPoint { x, y }).collect()
    }

    #[test]
    fn writes_relative_steps_and_skips_repeats() {
        let mut d = String::new();
        push_polyline(
            &mut d,
            &pts(&[(10.0, -20.0), (11.5, -20.25), (11.5, -20.25), (11.0, -19.0)]),
            1,
            false,
        );
        assert_eq!(d, "M10-20l1.5-0.3l-0.5 1.3");
    }

    #[test]
    fn closes_rings() {
        let mut d = String::new();
        push_polyline(&mut d, &pts(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]), 0, true);
        assert_eq!(d, "M0 0l1 0l0 1z");
    }
}
