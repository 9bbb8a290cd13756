//! String-keyed tables laid out by the build, looked up in place at run time.
//!
//! Building hash maps of data words (gazetteer, lexicon) on first use would be a third of a short
//! `align` run. The build hashes the keys once into an open addressing table of `u32` slots, and
//! the program reads that table where it lies in the binary. Keys are one string plus `u32` offsets, not a `&'static str` each: no pointer to
//! relocate where the binary is position-independent, and a quarter of the size.
//!
//! The build lays tables out with [`slots`], which uses the very same hash as the look-up.

/// A hash of a key: eight bytes a round, short keys (most are words) in one round read as two
/// overlapping halves, then mixed so that its low bits (the slot) and its high bits (the
/// fingerprint) both depend on every byte.
#[inline]
pub fn hash(key: &str) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let b = key.as_bytes();
    let n = b.len();
    let read4 = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let read8 = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
    let mut h = (n as u64).wrapping_mul(K);
    let last = if n > 8 {
        let mut i = 0;
        while i + 8 < n {
            h = (h.rotate_left(26) ^ read8(i)).wrapping_mul(K);
            i += 8;
        }
        read8(n - 8)
    } else if n >= 4 {
        (read4(0) << 32) | read4(n - 4)
    } else if n > 0 {
        (u64::from(b[0]) << 16) | (u64::from(b[n / 2]) << 8) | u64::from(b[n - 1])
    } else {
        0
    };
    h = (h.rotate_left(26) ^ last).wrapping_mul(K);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 29)
}

/// The slot table of `keys`, in the layout [`StaticMap::get`] reads: a power-of-two length at
/// least twice the number of keys, each key at its hash or the next free slot after it (linear
/// probing). A slot holds the key's index plus one in its low 16 bits (0 marks an empty slot)
/// and the top 16 bits of the key's hash in its high bits, so that a probe rarely compares
/// strings that differ. Keys must be distinct, and fewer than 65,535.
pub fn slots<'k>(keys: impl ExactSizeIterator<Item = &'k str>) -> Vec<u32> {
    assert!(keys.len() < 0xffff, "a static map holds fewer than 65,535 keys");
    let size = (keys.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; size];
    for (index, key) in keys.enumerate() {
        let h = hash(key);
        let mut at = h as usize & (size - 1);
        while slots[at] != 0 {
            at = (at + 1) & (size - 1);
        }
        slots[at] = fingerprint(h) | (index as u32 + 1);
    }
    slots
}

/// The high half of a slot: the top 16 bits of the key's hash.
fn fingerprint(hash: u64) -> u32 {
    ((hash >> 48) as u32) << 16
}

/// A list of strings stored end to end in one text.
#[derive(Debug)]
pub struct StrList {
    /// Every string, one after the other.
    pub text: &'static str,
    /// Where string `i` ends in `text` (it starts where string `i - 1` ends).
    pub ends: &'static [u32],
}

impl StrList {
    /// How many strings the list holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the list holds no string.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The string at `index`.
    pub fn get(&self, index: usize) -> &'static str {
        let start = if index == 0 { 0 } else { self.ends[index - 1] as usize };
        &self.text[start..self.ends[index] as usize]
    }

    /// The bytes of the string at `index` (no char boundary to check).
    fn bytes(&self, index: usize) -> &'static [u8] {
        let start = if index == 0 { 0 } else { self.ends[index - 1] as usize };
        &self.text.as_bytes()[start..self.ends[index] as usize]
    }

    /// Every string, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// A set of distinct strings with their hash slots (see [`slots`]): a key's index is its
/// position in `keys`, which indexes the values the table keeps alongside.
#[derive(Debug)]
pub struct StaticMap {
    /// The keys, in the order of their indices.
    pub keys: StrList,
    /// The hash slots laid out by [`slots`].
    pub slots: &'static [u32],
}

impl StaticMap {
    /// The index of `key`, if the table has it.
    #[inline]
    pub fn get(&self, key: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let h = hash(key);
        let print = fingerprint(h);
        let mut at = h as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            let index = (slot & 0xffff) as usize - 1;
            if slot & 0xffff_0000 == print && self.keys.bytes(index) == key.as_bytes() {
                return Some(index);
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether the table has `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak<T>(v: Vec<T>) -> &'static [T] {
        Vec::leak(v)
    }

    #[test]
    fn finds_every_key_and_nothing_else() {
        // Keys of every length class the hash reads differently: short, one round, several rounds.
        let keys: Vec<String> =
            (0..3000).map(|i| ["w", "word", "a longer key ", "é"][i % 4].repeat(1 + i % 3) + &i.to_string()).collect();
        let text: String = keys.concat();
        let ends = keys.iter().scan(0, |end, k| Some(*end + k.len() as u32).inspect(|e| *end = *e)).collect();
        let slots = leak(slots(keys.iter().map(String::as_str)));
        let map = StaticMap { keys: StrList { text: String::leak(text), ends: leak(ends) }, slots };
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(map.get(key), Some(i));
        }
        assert_eq!(map.get("w3000"), None);
        assert_eq!(map.get(""), None);
        assert!(map.keys.iter().eq(keys.iter().map(String::as_str)));
    }
}
