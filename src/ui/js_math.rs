//! The JavaScript engine's `Math` in place of the standard library's libm.
//!
//! On wasm32 the standard library brings its own copy of libm for `f64::sin`, `asin`, `atan2`,
//! `ln`, `powf` and the rest (the projection, great circles, zoom levels and the scale bar use
//! them). The browser has them already, compiled, from the same fdlibm algorithms. The
//! standard library's are weak symbols: these definitions are linked in their place, which
//! keeps libm out of the download (README, "Sizes"). Each is a function of the C library's
//! name and signature, so `#[no_mangle]` also exports it from the module, a few bytes each.
//! The native build and its tests use the standard library's as before.

use js_sys::Math;

macro_rules! from_math {
    ($($name:ident($($arg:ident),+) = $body:expr;)+) => {$(
        #[no_mangle]
        extern "C" fn $name($($arg: f64),+) -> f64 {
            $body
        }
    )+};
}

from_math! {
    sin(x) = Math::sin(x);
    cos(x) = Math::cos(x);
    asin(x) = Math::asin(x);
    acos(x) = Math::acos(x);
    atan2(y, x) = Math::atan2(y, x);
    hypot(x, y) = Math::hypot(x, y);
    log(x) = Math::log(x);
    log2(x) = Math::log2(x);
    log10(x) = Math::log10(x);
    pow(x, y) = Math::pow(x, y);
    exp2(x) = Math::pow(2.0, x);
}
