//! Where the start's time goes, for a bench-only build (feature `timing`): named spans of the
//! start-up code add up their time, read with a clock the front end gives (`set_clock`, with the feature: the
//! wasm binding gives the browser's `performance.now`). Without the feature every span is an
//! empty value the compiler removes, so the shipped builds carry nothing of it.
//!
//! ```
//! let _read = tifa::timing::span("read");
//! // … the work; the span's time is added to "read" when `_read` goes out of scope.
//! ```

#[cfg(feature = "timing")]
mod on {
    use std::cell::RefCell;

    thread_local! {
        static CLOCK: RefCell<Option<fn() -> f64>> = const { RefCell::new(None) };
        static TOTALS: RefCell<Vec<(&'static str, f64, u32)>> = const { RefCell::new(Vec::new()) };
    }

    /// A running span: its time is added to its name's total when it is dropped.
    pub struct Span {
        name: &'static str,
        start: f64,
    }

    fn now() -> Option<f64> {
        CLOCK.with(|c| c.borrow().map(|f| f()))
    }

    /// Starts a span named `name` (a no-op until [`set_clock`]).
    pub fn span(name: &'static str) -> Option<Span> {
        now().map(|start| Span { name, start })
    }

    impl Drop for Span {
        fn drop(&mut self) {
            let Some(end) = now() else { return };
            TOTALS.with(|t| {
                let mut t = t.borrow_mut();
                match t.iter_mut().find(|(n, _, _)| *n == self.name) {
                    Some(e) => {
                        e.1 += end - self.start;
                        e.2 += 1;
                    }
                    None => t.push((self.name, end - self.start, 1)),
                }
            });
        }
    }

    /// Sets the clock spans read (milliseconds).
    pub fn set_clock(clock: fn() -> f64) {
        CLOCK.with(|c| *c.borrow_mut() = Some(clock));
    }

    /// The totals since the last call, in the order the spans first ended: (name, milliseconds,
    /// how many spans).
    pub fn take() -> Vec<(&'static str, f64, u32)> {
        TOTALS.with(|t| std::mem::take(&mut *t.borrow_mut()))
    }
}

#[cfg(feature = "timing")]
pub use on::{set_clock, span, take, Span};

/// A span without the feature `timing`: an empty value that measures nothing.
#[cfg(not(feature = "timing"))]
pub struct Span;

/// Starts a span named `name`; without the feature `timing`, an empty [`Span`].
#[cfg(not(feature = "timing"))]
#[inline(always)]
pub fn span(_name: &'static str) -> Span {
    Span
}
