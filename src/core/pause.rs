//! Long work done in slices, so that a phone's page stays responsive while a large dataset is
//! read and prepared.
//!
//! The work itself stays plain Rust: it only marks the points where it may stop for a moment
//! ([`after_record`], every few records). Whoever runs it decides what a pause is: the page
//! gives the browser its turn once a slice has taken its time, the data tool and the tests
//! never stop ([`at_once`]). The core needs no clock and no browser for this.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Where long work may stop and let others run.
#[allow(async_fn_in_trait)] // run on one thread: no `Send` bound is wanted
pub trait Pause {
    async fn now(&mut self);
}

/// Records worked through between two pause points: each takes microseconds, and a look at
/// the clock for each would cost more than the record.
pub const RECORDS_PER_PAUSE: usize = 32;

/// The pause point after record number `index` (from 0) of a collection: every
/// `RECORDS_PER_PAUSE` records.
pub async fn after_record(pause: &mut impl Pause, index: usize) {
    if index % RECORDS_PER_PAUSE == RECORDS_PER_PAUSE - 1 {
        pause.now().await;
    }
}

/// Never stops: the work runs to its end in one go.
pub struct NoPause;

impl Pause for NoPause {
    async fn now(&mut self) {}
}

/// The result of work that pauses with [`NoPause`], at once.
///
/// Such work never waits for anything, so its first poll finishes it; the loop only guards
/// against a future that asks to be polled again at once.
pub fn at_once<T>(work: impl Future<Output = T>) -> T {
    let mut work = pin!(work);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(done) = work.as_mut().poll(&mut context) {
            return done;
        }
    }
}

/// A pause for tests: counts the pause points, and stops for real at every second one.
#[cfg(test)]
pub(crate) struct Counting(pub usize);

#[cfg(test)]
impl Pause for Counting {
    async fn now(&mut self) {
        self.0 += 1;
        if self.0.is_multiple_of(2) {
            Stop(false).await
        }
    }
}

/// A future that is pending once before it is ready.
#[cfg(test)]
struct Stop(bool);

#[cfg(test)]
impl Future for Stop {
    type Output = ();
    fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn sum(pause: &mut impl Pause) -> u32 {
        let mut total = 0;
        for n in 1..=10 {
            total += n;
            pause.now().await;
        }
        total
    }

    #[test]
    fn work_gives_the_same_result_however_often_it_stops() {
        assert_eq!(at_once(sum(&mut NoPause)), 55);
        let mut counting = Counting(0);
        assert_eq!(at_once(sum(&mut counting)), 55);
        assert_eq!(counting.0, 10);
    }
}
