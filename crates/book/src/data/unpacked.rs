//! MNIST's image files kept unpacked in the cache, so that a run does not decompress 47 MB of
//! gzip each time it starts.
//!
//! Unpacking `train-images-idx3-ubyte.gz` is the largest part of a short run's start-up
//! (`bench/RESULTS.md`, "Start-up"). After a gzip file of images is read, its IDX bytes are
//! written to [`cache_dir`]`/unpacked/NAME-CRC-LENGTH`, where `CRC` and `LENGTH` are the CRC-32
//! and the length of the unpacked bytes as the gzip file's own last 8 bytes record them. The
//! next run finds that file by the same 8 bytes and uses it only if its length and CRC-32 are
//! those: a changed, truncated or damaged copy is not used (the gzip file is read as before, and
//! the copy written again). Nothing is unpacked for a file that is not gzip, or whose recorded
//! CRC-32 does not match what was read from it (several gzip members, say). A cache that cannot
//! be written (a read-only home, a full disk) only costs the time it would have saved.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::source::cache_dir;

/// What a gzip file says of its contents in its last 8 bytes: their CRC-32 and their length
/// (modulo 2³²), and where the unpacked copy is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unpacked {
    crc: u32,
    len: u32,
    path: PathBuf,
}

impl Unpacked {
    /// Where `gz`'s unpacked copy is kept; `None` if `gz` is not a gzip file or cannot be read.
    pub(crate) fn of(gz: &Path) -> Option<Unpacked> {
        let mut file = File::open(gz).ok()?;
        let mut magic = [0u8; 2];
        file.read_exact(&mut magic).ok()?;
        if magic != [0x1f, 0x8b] {
            return None;
        }
        file.seek(SeekFrom::End(-8)).ok()?;
        let mut trailer = [0u8; 8];
        file.read_exact(&mut trailer).ok()?;
        let word = |i: usize| u32::from_le_bytes(trailer[i..i + 4].try_into().expect("4 bytes"));
        let (crc, len) = (word(0), word(4));
        let name = gz.file_stem()?.to_string_lossy();
        let path = cache_dir()
            .join("unpacked")
            .join(format!("{name}-{crc:08x}-{len}"));
        Some(Unpacked { crc, len, path })
    }

    /// The records of the copy, an IDX file with the `magic` number whose records are
    /// `record` bytes each (`(count, bytes)`, as the loader reads them from the gzip file), if
    /// the copy is there with the length and CRC-32 the gzip file records. The records are read
    /// straight into their place: no second copy of 47 MB.
    pub(crate) fn read(&self, magic: u32, record: usize) -> Option<(usize, Vec<u8>)> {
        let mut file = File::open(&self.path).ok()?;
        let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
        let mut header = [0u8; 16];
        file.read_exact(&mut header).ok()?;
        let word = |i: usize| u32::from_be_bytes(header[4 * i..4 * i + 4].try_into().expect("4"));
        let count = usize::try_from(word(1)).ok()?;
        if word(0) != magic || (word(2) as usize) * (word(3) as usize) != record {
            return None;
        }
        if count.checked_mul(record)?.checked_add(16)? != len {
            return None;
        }
        let mut records = vec![0u8; len - 16];
        let mut crc = crc32fast::Hasher::new();
        crc.update(&header);
        crc.combine(&read_records(&mut file, &mut records).ok()?);
        (len as u64 % (1 << 32) == u64::from(self.len) && crc.finalize() == self.crc)
            .then_some((count, records))
    }

    /// Keeps `bytes`, what was unpacked, if they are what the gzip file records; errors are
    /// not reported (module documentation).
    pub(crate) fn keep(&self, bytes: &[u8]) {
        if self.matches(bytes) {
            let _ = crate::atomic::write_atomically(&self.path, bytes);
        }
    }

    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() as u64 % (1 << 32) == u64::from(self.len) && crc32fast::hash(bytes) == self.crc
    }
}

/// Reads `records` from `file` (after the 16 bytes of the header) and returns their CRC-32:
/// in two halves on two threads, each copying its half out of the system's file cache and
/// summing it, which is most of a short run's start-up (`bench/RESULTS.md`, "Start-up").
#[cfg(unix)]
fn read_records(file: &mut File, records: &mut [u8]) -> std::io::Result<crc32fast::Hasher> {
    use std::os::unix::fs::FileExt;
    let mid = records.len() / 2;
    let (first, second) = records.split_at_mut(mid);
    let half = |bytes: &mut [u8], at: usize| -> std::io::Result<crc32fast::Hasher> {
        file.read_exact_at(bytes, 16 + at as u64)?;
        let mut crc = crc32fast::Hasher::new();
        crc.update(bytes);
        Ok(crc)
    };
    let (a, b) = std::thread::scope(|scope| {
        let other = scope.spawn(|| half(second, mid));
        (half(first, 0), other.join())
    });
    let mut crc = a?;
    crc.combine(&b.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
    Ok(crc)
}

/// Reads `records` from `file` (after the 16 bytes of the header) and returns their CRC-32.
#[cfg(not(unix))]
fn read_records(file: &mut File, records: &mut [u8]) -> std::io::Result<crc32fast::Hasher> {
    file.read_exact(records)?;
    let mut crc = crc32fast::Hasher::new();
    crc.update(records);
    Ok(crc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A gzip file's trailer names its copy; the copy is used only while it holds exactly the
    /// bytes the trailer records.
    #[test]
    fn a_copy_is_used_only_if_it_is_what_the_gzip_file_records() {
        let dir = tempfile::tempdir().unwrap();
        // an IDX file of two "images" of 2 × 3 bytes
        let mut data = vec![0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3];
        data.extend([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        let gz = dir.path().join("x-idx3-ubyte.gz");
        let mut encoder =
            flate2::write::GzEncoder::new(File::create(&gz).unwrap(), flate2::Compression::fast());
        encoder.write_all(&data).unwrap();
        encoder.finish().unwrap();

        let mut unpacked = Unpacked::of(&gz).expect("a gzip file");
        assert_eq!(unpacked.crc, crc32fast::hash(&data));
        assert_eq!(unpacked.len, 28);
        assert!(
            unpacked
                .path
                .ends_with(format!("unpacked/x-idx3-ubyte-{:08x}-28", unpacked.crc))
        );
        // kept in a directory of the test's own
        unpacked.path = dir.path().join("unpacked").join("copy");
        let read = |u: &Unpacked| u.read(0x0803, 6);
        assert_eq!(read(&unpacked), None, "nothing kept yet");
        unpacked.keep(&data[1..]);
        assert_eq!(
            read(&unpacked),
            None,
            "bytes not the gzip file's are not kept"
        );
        unpacked.keep(&data);
        assert_eq!(read(&unpacked), Some((2, data[16..].to_vec())));
        assert_eq!(unpacked.read(0x0801, 6), None, "another magic number");
        assert_eq!(unpacked.read(0x0803, 4), None, "records of another size");
        let mut damaged = data.clone();
        damaged[17] ^= 1;
        std::fs::write(&unpacked.path, &damaged).unwrap();
        assert_eq!(read(&unpacked), None, "a damaged copy is not used");
        // the records are read and summed in two halves: a change in the second is seen too
        let mut damaged = data.clone();
        damaged[27] ^= 1;
        std::fs::write(&unpacked.path, &damaged).unwrap();
        assert_eq!(
            read(&unpacked),
            None,
            "a copy damaged at its end is not used"
        );

        let raw = dir.path().join("raw");
        std::fs::write(&raw, &data).unwrap();
        assert_eq!(Unpacked::of(&raw), None, "not gzip");
    }
}
