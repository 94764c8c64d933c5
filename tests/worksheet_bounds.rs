//! `worksheet import` bounds the workbook's zip container before calamine opens it: a zip bomb
//! (a tiny .xlsx whose sharedStrings.xml inflates to hundreds of megabytes) is refused with
//! E0034 naming the file and the entry, nothing is written, and the inflated size is never
//! allocated.

use std::io::{Cursor, Write};

mod common;
use common::masterplan;

/// A workbook-shaped zip whose `xl/sharedStrings.xml` inflates to `mib` MiB of one repeated
/// byte (a few hundred kilobytes on disk).
fn bomb(mib: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("[Content_Types].xml", options).unwrap();
    w.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
    w.start_file("xl/workbook.xml", options).unwrap();
    w.write_all(b"<?xml version=\"1.0\"?><workbook/>").unwrap();
    w.start_file("xl/sharedStrings.xml", options).unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..mib {
        w.write_all(&chunk).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The largest resident size of the children waited for so far, in bytes.
fn children_max_rss() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    // Kilobytes on Linux.
    usage.ru_maxrss as u64 * 1024
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("bom.xlsx");
    let bytes = bomb(400);
    assert!(
        bytes.len() < 4 * 1024 * 1024,
        "{} bytes on disk",
        bytes.len()
    );
    std::fs::write(&book, &bytes).unwrap();
    let dir = tmp.path().join("project");
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[E0034]"), "{stderr}");
    assert!(
        stderr.contains("bom.xlsx") && stderr.contains("xl/sharedStrings.xml"),
        "{stderr}"
    );
    assert!(stderr.contains("256 MiB"), "{stderr}");
    assert!(!dir.exists(), "nothing written");
    let rss = children_max_rss();
    assert!(rss < 200 * 1024 * 1024, "the import used {rss} bytes");
}

#[test]
fn a_workbook_written_by_export_still_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("makassar.xlsx");
    masterplan()
        .args(["worksheet", "export"])
        .arg(common::repo().join("examples/makassar"))
        .arg("--out")
        .arg(&book)
        .assert()
        .code(0);
    masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(tmp.path().join("p"))
        .assert()
        .code(0);
}
