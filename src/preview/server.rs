//! The preview's HTTP server (tiny_http on a listener bound to 127.0.0.1 only), on its own
//! thread. It answers GET and HEAD: `/` (and `/index.html`, `/masterplan.html`) the page, the
//! round number for the reload script, the status as JSON; anything else 404. [`Server::stop`]
//! ends the thread and closes the socket.

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{ROUND_PATH, STATUS_PATH, Shared};

/// Why the server could not start.
#[derive(Debug)]
pub enum BindError {
    /// The port is taken (by another `watch`, `mdbook serve`, a dev server, ...).
    InUse(u16),
    /// Any other failure to listen (no permission for a port below 1024, ...).
    Other(u16, std::io::Error),
}

impl std::fmt::Display for BindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BindError::InUse(port) => write!(f, "port {port} on 127.0.0.1 is already in use"),
            BindError::Other(port, e) => write!(f, "could not listen on 127.0.0.1:{port}: {e}"),
        }
    }
}

/// The running server.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Listen on 127.0.0.1:`port` (0: a free port the system picks) and serve `preview`.
    pub fn start(port: u16, preview: Shared) -> Result<Server, BindError> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AddrInUse {
                BindError::InUse(port)
            } else {
                BindError::Other(port, e)
            }
        })?;
        let addr = listener
            .local_addr()
            .map_err(|e| BindError::Other(port, e))?;
        let http = tiny_http::Server::from_listener(listener, None)
            .map_err(|e| BindError::Other(port, std::io::Error::other(e.to_string())))?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("masterplan-preview".into())
            .spawn(move || {
                while !flag.load(Ordering::SeqCst) {
                    match http.recv_timeout(Duration::from_millis(200)) {
                        Ok(Some(request)) => answer(request, &preview),
                        Ok(None) => {}
                        // A broken connection is that client's problem, not the server's.
                        Err(_) => std::thread::sleep(Duration::from_millis(20)),
                    }
                }
                // Dropping `http` closes the listener and its connection threads.
            })
            .map_err(|e| BindError::Other(port, e))?;
        Ok(Server {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    /// The address it listens on (the port chosen when asked for 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The page's URL, `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Stop serving and wait for the server thread to end.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn answer(request: tiny_http::Request, preview: &Shared) {
    use tiny_http::Method;
    let head = *request.method() == Method::Head;
    if !(head || *request.method() == Method::Get) {
        let _ = request.respond(with_header(
            text_response("only GET and HEAD are served\n", "text/plain", 405),
            "Allow",
            "GET, HEAD",
        ));
        return;
    }
    let path = request.url().split(['?', '#']).next().unwrap_or("/");
    let state = preview
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (body, kind, status) = match path {
        "/" | "/index.html" | "/masterplan.html" => (state.page(), "text/html; charset=utf-8", 200),
        ROUND_PATH => (state.round().to_string(), "text/plain; charset=utf-8", 200),
        STATUS_PATH => (state.status_json(), "application/json", 200),
        _ => (
            "not found: the preview is at /\n".to_string(),
            "text/plain; charset=utf-8",
            404,
        ),
    };
    drop(state);
    let response = if head {
        text_response("", kind, status)
    } else {
        text_response(&body, kind, status)
    };
    let _ = request.respond(response);
}

fn text_response(
    body: &str,
    kind: &str,
    status: u16,
) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    with_header(
        with_header(
            tiny_http::Response::from_string(body).with_status_code(status),
            "Content-Type",
            kind,
        ),
        "Cache-Control",
        "no-store",
    )
}

/// Add a header (names and values are ASCII constants of this module, which tiny_http always
/// accepts; a refused one is left out rather than a panic).
fn with_header<R: std::io::Read>(
    response: tiny_http::Response<R>,
    name: &str,
    value: &str,
) -> tiny_http::Response<R> {
    match tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn get(addr: SocketAddr, path: &str) -> String {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_the_page_and_the_round_and_stops() {
        let preview = Shared::default();
        let server = Server::start(0, Arc::clone(&preview)).unwrap();
        let addr = server.addr();
        assert!(addr.ip().is_loopback());
        assert!(server.url().starts_with("http://127.0.0.1:"));
        assert!(get(addr, ROUND_PATH).ends_with("\r\n\r\n0"));
        preview
            .write()
            .unwrap()
            .built("<html><body><p>doc</p></body></html>".into(), None);
        let page = get(addr, "/?x=1");
        assert!(page.starts_with("HTTP/1.1 200"), "{page}");
        assert!(page.contains("<p>doc</p>"));
        assert!(page.contains("text/html; charset=utf-8"));
        assert!(get(addr, STATUS_PATH).contains("\"round\":1"));
        assert!(get(addr, "/nope").starts_with("HTTP/1.1 404"));
        match Server::start(addr.port(), Arc::clone(&preview)) {
            Err(BindError::InUse(port)) => assert_eq!(port, addr.port()),
            Err(e) => panic!("expected in use, got {e}"),
            Ok(_) => panic!("a second server on the same port"),
        }
        server.stop();
        assert!(
            std::net::TcpStream::connect(addr).is_err() || get_fails(addr),
            "still serving after stop"
        );
    }

    fn get_fails(addr: SocketAddr) -> bool {
        let Ok(mut s) = std::net::TcpStream::connect(addr) else {
            return true;
        };
        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
        let _ = write!(s, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let mut out = String::new();
        s.read_to_string(&mut out).is_err() || out.is_empty()
    }
}
