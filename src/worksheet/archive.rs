//! The zip container of an .xlsx, bounded before calamine opens it.
//!
//! calamine inflates the shared-strings table and each sheet it reads in full, trusting the
//! archive. A zip bomb (a few kilobytes whose `xl/sharedStrings.xml` inflates to gigabytes) would
//! so take the memory of the machine. [`check`] refuses such a workbook first: every entry's
//! declared uncompressed size, their sum, and the bytes that really come out of inflating each
//! entry (counted into a sink, never more than the limit plus one, nothing kept) must stay within
//! [`MAX_INFLATED_BYTES`]. A real Bimtek workbook inflates to a few megabytes.

use std::io::{Cursor, Read};

/// The most bytes the entries of a workbook may inflate to, together (and each).
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// Why a workbook was refused: the entry and what is wrong with it.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLarge {
    /// The entry inside the archive (`xl/sharedStrings.xml`).
    pub entry: String,
    /// What is wrong, to follow the file name in a message.
    pub what: String,
}

/// `Ok` when the workbook's entries inflate to at most [`MAX_INFLATED_BYTES`] together (also an
/// archive that cannot be read as a zip: calamine reports that one). `limit` is the bound, a
/// parameter for the tests.
pub fn check(bytes: &[u8], limit: u64) -> Result<(), TooLarge> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mib = |n: u64| n.div_ceil(1024 * 1024);
    // The declared sizes first: a lie in a header is caught without inflating anything.
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else {
            continue;
        };
        declared = declared.saturating_add(entry.size());
        if declared > limit {
            return Err(TooLarge {
                entry: name_of(entry.name_raw()),
                what: format!(
                    "declares that it inflates to more than {} MiB (at {}: a zip bomb, or not a workbook saved by Excel or LibreOffice)",
                    mib(limit),
                    name_of(entry.name_raw())
                ),
            });
        }
    }
    // Then the bytes that really come out, counted, never kept.
    let mut inflated: u64 = 0;
    for i in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(i) else {
            continue;
        };
        let name = name_of(entry.name_raw());
        let left = limit - inflated;
        let mut sink = std::io::sink();
        let n = std::io::copy(&mut (&mut entry).take(left + 1), &mut sink).unwrap_or(0);
        inflated += n.min(left + 1);
        if n > left {
            return Err(TooLarge {
                entry: name.clone(),
                what: format!(
                    "inflates to more than {} MiB (at {name}: a zip bomb, or an entry larger than its header says)",
                    mib(limit)
                ),
            });
        }
    }
    Ok(())
}

fn name_of(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_small_archive_passes_and_a_large_one_is_refused_by_its_entry() {
        let zeros = vec![0u8; 64 * 1024];
        let book = zip_of(&[
            ("[Content_Types].xml", b"<x/>"),
            ("xl/sharedStrings.xml", &zeros),
        ]);
        assert_eq!(check(&book, 1024 * 1024), Ok(()));
        let refused = check(&book, 32 * 1024).unwrap_err();
        assert_eq!(refused.entry, "xl/sharedStrings.xml");
        assert!(refused.what.contains("more than 1 MiB"), "{}", refused.what);
        // An entry whose headers claim 16 bytes: the inflated bytes are counted, not trusted.
        let mut lying = book.clone();
        let size = (zeros.len() as u32).to_le_bytes();
        for (signature, offset) in [(0x04034b50u32, 22), (0x02014b50, 24)] {
            let sig = signature.to_le_bytes();
            let at: Vec<usize> = (0..lying.len() - 4)
                .filter(|&i| lying[i..i + 4] == sig && lying[i + offset..i + offset + 4] == size)
                .collect();
            assert_eq!(at.len(), 1, "one {signature:x} header of the big entry");
            lying[at[0] + offset..at[0] + offset + 4].copy_from_slice(&16u32.to_le_bytes());
        }
        // The zip reader (calamine reads through the same crate) stops at the declared size or
        // fails, so what it could inflate is bounded by the header the first pass checked.
        assert_eq!(check(&lying, 32 * 1024), Ok(()));
        let mut archive = zip::ZipArchive::new(Cursor::new(&lying)).unwrap();
        let mut out = Vec::new();
        let _ = archive
            .by_name("xl/sharedStrings.xml")
            .unwrap()
            .read_to_end(&mut out);
        assert!(out.len() <= 17, "{} bytes came out, not 64 KiB", out.len());
        // Not a zip at all: left to calamine's own message.
        assert_eq!(check(b"name,amount\n", 10), Ok(()));
    }
}
