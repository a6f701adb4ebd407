//! Hybrid logical clock stamps (Kulkarni et al., 2014).
//!
//! A stamp is the larger of the wall clock and the last stamp seen, plus a
//! counter that orders events within one millisecond. Stamps only move
//! forward, even when the wall clock jumps back, so the order of one device's
//! operations never depends on its clock being right. The caller passes the
//! wall-clock reading in; this module never reads a clock.

use std::cmp::max;

/// A point in hybrid logical time. Ordered by wall time, then counter; ties
/// between devices are broken by the device id, which is kept beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct HlcStamp {
    /// Milliseconds since the Unix epoch, as the largest clock seen.
    pub wall_ms: i64,
    /// Orders stamps that share `wall_ms`.
    pub counter: u32,
}

impl HlcStamp {
    /// The stamp for a new local event, given the previous local stamp and
    /// the current wall-clock reading.
    #[must_use]
    pub fn tick(self, now_ms: i64) -> HlcStamp {
        if now_ms > self.wall_ms {
            HlcStamp {
                wall_ms: now_ms,
                counter: 0,
            }
        } else {
            self.bump()
        }
    }

    /// The local stamp after receiving `remote`: later than both.
    #[must_use]
    pub fn receive(self, remote: HlcStamp, now_ms: i64) -> HlcStamp {
        let wall = max(max(self.wall_ms, remote.wall_ms), now_ms);
        let counter = if wall == self.wall_ms && wall == remote.wall_ms {
            max(self.counter, remote.counter).saturating_add(1)
        } else if wall == self.wall_ms {
            self.counter.saturating_add(1)
        } else if wall == remote.wall_ms {
            remote.counter.saturating_add(1)
        } else {
            0
        };
        HlcStamp {
            wall_ms: wall,
            counter,
        }
    }

    fn bump(self) -> HlcStamp {
        match self.counter.checked_add(1) {
            Some(counter) => HlcStamp {
                wall_ms: self.wall_ms,
                counter,
            },
            // Four billion events in one millisecond: move to the next one.
            None => HlcStamp {
                wall_ms: self.wall_ms + 1,
                counter: 0,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(wall_ms: i64, counter: u32) -> HlcStamp {
        HlcStamp { wall_ms, counter }
    }

    #[test]
    fn tick_follows_the_wall_clock_and_never_goes_back() {
        let cases = [
            (at(0, 0), 1_000, at(1_000, 0)),
            (at(1_000, 0), 1_000, at(1_000, 1)),
            (at(1_000, 5), 999, at(1_000, 6)),
            (at(1_000, 5), -50_000, at(1_000, 6)),
            (at(1_000, u32::MAX), 1_000, at(1_001, 0)),
        ];
        for (prev, now, expected) in cases {
            let next = prev.tick(now);
            assert_eq!(next, expected, "tick({prev:?}, {now})");
            assert!(next > prev);
        }
    }

    #[test]
    fn receive_is_later_than_both_sides() {
        let cases = [
            (at(1_000, 0), at(5_000, 3), 2_000, at(5_000, 4)),
            (at(5_000, 7), at(5_000, 3), 2_000, at(5_000, 8)),
            (at(1_000, 0), at(900, 3), 2_000, at(2_000, 0)),
            (at(3_000, 1), at(900, 3), 2_000, at(3_000, 2)),
        ];
        for (local, remote, now, expected) in cases {
            let next = local.receive(remote, now);
            assert_eq!(next, expected);
            assert!(next > local && next > remote);
        }
    }
}
