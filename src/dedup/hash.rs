//! Stable 64-bit hashing for sketches.
//!
//! Sketches are compared across runs and machines (`newsalign sketch` on many workers, the join
//! elsewhere), so a hash must never depend on a per-process random seed the way std's `HashMap`
//! hasher does. FNV-1a is simple and fast on short words; the SplitMix64 finalizer spreads its
//! bits so that MinHash and banding can use any slice of them.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The SplitMix64 finalizer: a bijection that spreads every input bit over the output.
#[inline]
pub const fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A running FNV-1a hash, for hashing a sequence of pieces without joining them first.
#[derive(Clone, Copy, Debug)]
pub struct StableHasher(u64);

impl Default for StableHasher {
    fn default() -> Self {
        StableHasher(FNV_OFFSET)
    }
}

impl StableHasher {
    #[inline]
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_byte(b);
        }
    }

    /// [`StableHasher::write`] of one byte.
    #[inline]
    pub fn write_byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }

    pub fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// The stable hash of some bytes.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = StableHasher::default();
    h.write(bytes);
    h.finish()
}

/// Combines two hashes, order-sensitively (for shingles and band keys).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_add(0x9e37_79b9_7f4a_7c15))
}

/// A u64 as 16 lower-case hex digits: JSON numbers lose precision above 2^53 in most engines.
pub fn to_hex(x: u64) -> String {
    format!("{x:016x}")
}

/// Parses [`to_hex`]'s output.
pub fn from_hex(s: &str) -> Option<u64> {
    u64::from_str_radix(s, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_across_runs() {
        // Fixed values: a change here breaks sketches written by an older binary.
        assert_eq!(to_hex(hash_bytes(b"")), to_hex(mix(FNV_OFFSET)));
        assert_eq!(hash_bytes(b"obama"), hash_bytes(b"obama"));
        assert_ne!(hash_bytes(b"obama"), hash_bytes(b"obamb"));
    }

    #[test]
    fn running_hash_equals_one_shot_hash() {
        let mut h = StableHasher::default();
        h.write(b"new ");
        h.write(b"york");
        assert_eq!(h.finish(), hash_bytes(b"new york"));
    }

    #[test]
    fn combine_is_order_sensitive() {
        assert_ne!(combine(1, 2), combine(2, 1));
    }

    #[test]
    fn hex_round_trips() {
        for x in [0, 1, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(from_hex(&to_hex(x)), Some(x));
        }
        assert_eq!(from_hex("zz"), None);
    }
}
