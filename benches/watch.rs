//! `cargo bench --bench watch`: the rebuild latency of `masterplan watch` on synthetic projects,
//! from a save (the write of a pokja file) to the new page being served (the preview's round
//! number changed), as a user at the browser sees it. It includes the debounce quiet period
//! (120 ms: the files must be still before a rebuild starts) and, with `--poll`, the scan
//! interval. Figures, not assertions: it fails only if a round does not come.
//!
//! `MASTERPLAN_BENCH_SIZES=60,600` chooses sizes, `MASTERPLAN_BENCH_RUNS=20` saves per size.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn write_project(dir: &Path, programs: usize) {
    for (name, content) in masterplan::synth::project(programs) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("file has a folder")).expect("mkdir");
        std::fs::write(path, content).expect("write");
    }
}

fn get(addr: SocketAddr, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(addr).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    raw.split_once("\r\n\r\n").map(|(_, b)| b.to_string())
}

fn round(addr: SocketAddr) -> Option<(u64, bool)> {
    let status: serde_json::Value =
        serde_json::from_str(&get(addr, "/__masterplan/status")?).ok()?;
    Some((status["round"].as_u64()?, status["ok"].as_bool()?))
}

fn wait_round(addr: SocketAddr, after: u64) -> u64 {
    let started = Instant::now();
    loop {
        if let Some((r, ok)) = round(addr)
            && r > after
        {
            assert!(ok, "round {r} failed");
            return r;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no round after {after}"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn measure(programs: usize, runs: usize, poll: bool) -> Vec<Duration> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("project");
    write_project(&root, programs);
    let mut args = vec!["watch", "--port", "0", "-q"];
    if poll {
        args.push("--poll");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_masterplan"))
        .args(&args)
        .arg(&root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("watch starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let addr: SocketAddr = loop {
        let line = lines.next().expect("a URL line").expect("text");
        if let Some(at) = line.find("http://") {
            let rest = &line[at + 7..];
            break rest[..rest.find('/').expect("url")].parse().expect("addr");
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let mut last = wait_round(addr, 0);
    let file = root.join("pokja/economy.yaml");
    let original = std::fs::read_to_string(&file).expect("economy");
    let mut took = Vec::new();
    for i in 0..runs {
        // Let the previous round's events settle, as between two saves.
        std::thread::sleep(Duration::from_millis(300));
        let text = format!("{original}\n# save {i}\n");
        let started = Instant::now();
        std::fs::write(&file, text).expect("save");
        last = wait_round(addr, last);
        took.push(started.elapsed());
    }
    stop(&mut child);
    took
}

/// Ctrl-C (SIGINT) and the clean exit it gives; elsewhere just end it.
#[cfg(unix)]
fn stop(child: &mut std::process::Child) {
    // SAFETY: kill(2) on our own child's pid.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().expect("wait");
    assert!(status.success(), "watch exit {status:?}");
}

#[cfg(not(unix))]
fn stop(child: &mut std::process::Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let sizes: Vec<usize> = std::env::var("MASTERPLAN_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![60, 600]);
    let runs: usize = std::env::var("MASTERPLAN_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
        .max(1);
    println!("masterplan watch: save -> new page served ({runs} saves each; ms)");
    println!(
        "{:>10} {:>7} {:>8} {:>8} {:>8} {:>8}",
        "programmes", "mode", "min", "median", "p90", "max"
    );
    for &n in &sizes {
        for poll in [false, true] {
            let mut t = measure(n, runs, poll);
            t.sort();
            let p = |q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
            println!(
                "{:>10} {:>7} {:>8.1} {:>8.1} {:>8.1} {:>8.1}",
                n,
                if poll { "--poll" } else { "events" },
                ms(t[0]),
                ms(p(0.5)),
                ms(p(0.9)),
                ms(t[t.len() - 1])
            );
        }
    }
}
