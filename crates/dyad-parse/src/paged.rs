//! Read-only arrays kept in memory that the kernel is asked to back with 2 MB pages.
//!
//! The weight tables are tens of megabytes read at random: with 4 KB pages nearly
//! every lookup also misses the address-translation cache, and a huge page covers
//! what 512 small pages do. On Linux with transparent huge pages in `madvise` mode
//! (the usual default) the tables ask for them; elsewhere, or when the kernel
//! declines, they are ordinary memory and only the speed differs.

use std::marker::PhantomData;
use std::ops::Deref;

use bytemuck::Pod;
use memmap2::{MmapMut, MmapOptions};

const HUGE_PAGE: usize = 2 << 20;

/// A frozen array: built as a `Vec`, then copied into a mapping of its own, which
/// starts on a page boundary (so rows laid out by cache line stay on one) and, when
/// the array is large enough for huge pages to matter, on a huge-page boundary.
pub(crate) enum Paged<T> {
    Mapped {
        map: MmapMut,
        offset: usize,
        len: usize,
        element: PhantomData<T>,
    },
    /// Empty arrays, and any array the system would not map.
    Heap(Vec<T>),
}

impl<T: Pod> Paged<T> {
    pub fn new(values: Vec<T>) -> Paged<T> {
        let bytes = std::mem::size_of_val(values.as_slice());
        if bytes == 0 {
            return Paged::Heap(values);
        }
        let huge = bytes >= HUGE_PAGE;
        // One huge page more than needed, so that an aligned start exists inside.
        let slack = if huge { HUGE_PAGE } else { 0 };
        let Ok(mut map) = MmapOptions::new().len(bytes + slack).map_anon() else {
            return Paged::Heap(values);
        };
        let offset = if huge {
            map.as_ptr().align_offset(HUGE_PAGE)
        } else {
            0
        };
        #[cfg(target_os = "linux")]
        if huge {
            // Declined advice (no transparent huge pages) leaves ordinary pages.
            let _ = map.advise_range(memmap2::Advice::HugePage, offset, bytes);
        }
        map[offset..offset + bytes].copy_from_slice(bytemuck::cast_slice(&values));
        Paged::Mapped {
            map,
            offset,
            len: values.len(),
            element: PhantomData,
        }
    }
}

impl<T: Pod> Deref for Paged<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Paged::Mapped {
                map, offset, len, ..
            } => {
                let bytes = len * std::mem::size_of::<T>();
                bytemuck::cast_slice(&map[*offset..*offset + bytes])
            }
            Paged::Heap(values) => values,
        }
    }
}

impl<T> Default for Paged<T> {
    fn default() -> Paged<T> {
        Paged::Heap(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_and_small_arrays_read_back_what_was_stored() {
        let large: Vec<u64> = (0..(HUGE_PAGE as u64 / 4)).map(|i| i * 7).collect();
        let paged = Paged::new(large.clone());
        assert!(matches!(paged, Paged::Mapped { .. }));
        assert_eq!(&*paged, large.as_slice());
        assert_eq!(paged.as_ptr().align_offset(HUGE_PAGE), 0);
        let small = vec![1i16, -2, 3];
        let paged = Paged::new(small.clone());
        assert_eq!(&*paged, small.as_slice());
        assert_eq!(
            paged.as_ptr().align_offset(64),
            0,
            "rows stay on cache lines"
        );
        assert!(Paged::<u32>::default().is_empty());
    }
}
