//! `masterplan watch` on the real binary: a temporary copy of Makassar, a free port; the served
//! page follows an edit of a pokja file, shows a broken edit's error above the last good
//! document, recovers after the fix and after the project folder disappeared and came back;
//! Ctrl-C (SIGINT) stops it with status 0 and the port is closed. A taken port is E9300.
//! No timed assertions: every wait polls with a generous timeout. Unix only (SIGINT is sent with
//! kill(2)); the Windows build's Ctrl-C goes through the same ctrlc handler.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{copy_tree, masterplan, repo};

/// Long enough for a loaded 2-core machine; the rebuild itself takes milliseconds.
const PATIENCE: Duration = Duration::from_secs(60);

/// The watch process, killed if the test fails before stopping it.
struct Watch {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watch {
    fn start(dir: &Path) -> (Watch, SocketAddr) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_masterplan"))
            .args(["watch", "--port", "0"])
            .arg(dir)
            .env_remove("SOURCE_DATE_EPOCH")
            .env("NO_COLOR", "1")
            .env("MASTERPLAN_LANG", "en")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("watch starts");
        let pipe = child.stderr.take().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let w = Watch { child, stderr };
        let url = w.wait_for("the URL", |err| {
            let at = err.find("http://127.0.0.1:")?;
            let rest = &err[at + "http://".len()..];
            let end = rest.find('/')?;
            rest[..end].parse::<SocketAddr>().ok()
        });
        (w, url)
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Poll `found` on the printed output until it gives a value.
    fn wait_for<T>(&self, what: &str, found: impl Fn(&str) -> Option<T>) -> T {
        let started = Instant::now();
        loop {
            if let Some(v) = found(&self.stderr()) {
                return v;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no {what} within {PATIENCE:?}; stderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A plain HTTP/1.1 GET: (status, body).
fn get(addr: SocketAddr, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(10)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let (head, body) = raw.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, body.to_string()))
}

/// The status JSON of the preview.
fn status(addr: SocketAddr) -> Option<serde_json::Value> {
    let (code, body) = get(addr, "/__masterplan/status")?;
    (code == 200).then(|| serde_json::from_str(&body).ok())?
}

/// Poll the page until `ok` holds for it (and the status); the page parsed as HTML.
fn page_when(
    w: &Watch,
    addr: SocketAddr,
    what: &str,
    ok: impl Fn(&serde_json::Value, &str) -> bool,
) -> String {
    let started = Instant::now();
    loop {
        if let (Some(st), Some((200, page))) = (status(addr), get(addr, "/"))
            && ok(&st, &page)
        {
            let doc = scraper::Html::parse_document(&page);
            let script = scraper::Selector::parse("body script").unwrap();
            assert!(
                doc.select(&script)
                    .any(|s| s.inner_html().contains("/__masterplan/round")),
                "{what}: the reload script is in the page"
            );
            return page;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "{what}: not seen within {PATIENCE:?}; status {:?}; stderr:\n{}",
            status(addr),
            w.stderr()
        );
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn banner(page: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("#masterplan-watch").unwrap();
    doc.select(&sel).next().map(|e| e.text().collect())
}

fn main_text(page: &str) -> String {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("main#content").unwrap();
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect())
        .unwrap_or_default()
}

#[test]
fn the_preview_follows_edits_errors_and_fixes_and_ctrl_c_stops_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &dir);
    let (mut w, addr) = Watch::start(&dir);
    assert!(addr.ip().is_loopback());

    // Round 1: the document.
    let first = page_when(&w, addr, "the first document", |st, _| {
        st["ok"] == true && st["round"].as_u64() >= Some(1)
    });
    assert!(main_text(&first).contains("Makassar"));
    assert!(banner(&first).is_none(), "no banner on a clean project");
    assert!(dir.join("build/masterplan.html").is_file());
    assert!(dir.join("build/masterplan.md").is_file());

    // An edit: the page changes.
    let pokja = dir.join("pokja/branding.yaml");
    let original = std::fs::read_to_string(&pokja).unwrap();
    let name_line = original
        .lines()
        .find(|l| l.trim_start().starts_with("name:") && l.starts_with("    "))
        .expect("a programme name")
        .to_string();
    let indent = &name_line[..name_line.find("name:").unwrap()];
    let renamed = original.replacen(
        &name_line,
        &format!("{indent}name: Pratinjau Langsung Bimtek"),
        1,
    );
    std::fs::write(&pokja, &renamed).unwrap();
    let edited = page_when(&w, addr, "the edit", |st, page| {
        st["ok"] == true && page.contains("Pratinjau Langsung Bimtek")
    });
    assert!(banner(&edited).is_none());
    let on_disk = std::fs::read_to_string(dir.join("build/masterplan.html")).unwrap();
    assert!(on_disk.contains("Pratinjau Langsung Bimtek"), "written too");
    assert!(
        !on_disk.contains("/__masterplan/round"),
        "the file has no reload script"
    );

    // A broken edit: the error above the last good document, and printed.
    let lead_line = renamed
        .lines()
        .find(|l| l.trim_start().starts_with("lead:"))
        .expect("a lead")
        .to_string();
    let broken = renamed.replacen(&lead_line, &format!("{lead_line}XQ"), 1);
    std::fs::write(&pokja, &broken).unwrap();
    let failed = page_when(&w, addr, "the error", |st, page| {
        st["ok"] == false && page.contains("E0203")
    });
    let text = banner(&failed).expect("an error banner");
    assert!(text.contains("E0203"), "{text}");
    assert!(text.contains("pokja/branding.yaml:"), "file:line in {text}");
    assert!(text.contains("last good one"), "{text}");
    assert!(
        main_text(&failed).contains("Pratinjau Langsung Bimtek"),
        "the last good document is still below"
    );
    let err = w.wait_for("the printed diagnostic", |e| {
        e.contains("error[E0203]").then_some(e.to_string())
    });
    assert!(err.contains("--> pokja/branding.yaml:"), "{err}");
    assert!(err.contains("failed; the preview keeps the document of round"));

    // The fix.
    std::fs::write(&pokja, &original).unwrap();
    let fixed = page_when(&w, addr, "the fix", |st, page| {
        st["ok"] == true && !page.contains("Pratinjau Langsung Bimtek")
    });
    assert!(banner(&fixed).is_none());

    // A template override broken while watching, then removed.
    std::fs::create_dir(dir.join("templates")).unwrap();
    std::fs::write(dir.join("templates/cover.md"), "---\ntitle: {{ broken\n").unwrap();
    let broken_template = page_when(&w, addr, "the template error", |st, page| {
        st["ok"] == false && page.contains("E0006")
    });
    let text = banner(&broken_template).expect("an error banner");
    assert!(text.contains("templates/cover.md:2:"), "{text}");
    std::fs::remove_dir_all(dir.join("templates")).unwrap();
    page_when(&w, addr, "the template removed", |st, _| st["ok"] == true);

    // The folder disappears and comes back.
    let away = tmp.path().join("elsewhere");
    std::fs::rename(&dir, &away).unwrap();
    let gone = page_when(&w, addr, "the folder gone", |st, page| {
        st["ok"] == false && page.contains("W9300")
    });
    assert!(
        main_text(&gone).contains("Makassar"),
        "last good document kept"
    );
    std::fs::rename(&away, &dir).unwrap();
    page_when(&w, addr, "the folder back", |st, _| st["ok"] == true);
    assert!(w.stderr().contains("is back; rebuilding"));

    // Ctrl-C: exit 0, the server gone.
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(w.child.id() as i32, libc::SIGINT) }, 0);
    let started = Instant::now();
    let code = loop {
        if let Some(s) = w.child.try_wait().unwrap() {
            break s;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "still running after SIGINT:\n{}",
            w.stderr()
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(code.success(), "{code:?}\n{}", w.stderr());
    assert!(get(addr, "/").is_none(), "the preview stopped with it");
}

#[test]
fn a_taken_port_is_e9300_with_another_port_suggested() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &dir);
    let out = masterplan()
        .args(["watch", "--port", &port.to_string()])
        .arg(&dir)
        .timeout(PATIENCE)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error[E9300]: port {port} on 127.0.0.1 is already in use"
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("--port {}", port + 1)), "{stderr}");
    assert!(stderr.contains("--port 0"), "{stderr}");
    assert!(!dir.join("build").exists(), "nothing written");
}
