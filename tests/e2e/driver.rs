//! Launching the real Steward app under tauri-driver + WebKitWebDriver, and
//! the few interactions the tests need, in the vocabulary of a person using
//! the window (find, type, click, look).
//!
//! Needs: a display (`DISPLAY`, e.g. from `xvfb-run`), `tauri-driver` on the
//! PATH (or `TAURI_DRIVER`), `WebKitWebDriver` (Debian `webkit2gtk-driver`),
//! and the app built with `--features custom-protocol` (`STEWARD_APP`, or
//! `target/debug/steward`).

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use steward_tests::{artifacts_dir, workspace_root};

/// How long a person would wait for something to appear before calling it broken.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// How long the first window of a run may take to show anything: on a
/// machine that never ran the app, WebKit builds its caches first.
const FIRST_WINDOW_PATIENCE: Duration = Duration::from_secs(120);

/// Whether a window has already shown itself in this run.
static A_WINDOW_SHOWED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub struct App {
    pub client: Client,
    driver: Child,
}

fn free_port_pair() -> u16 {
    // Ask the OS for a free port; tauri-driver also needs the next one.
    for _ in 0..50 {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if port < 65_000 && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no free pair of local ports");
}

fn app_binary() -> PathBuf {
    let path = std::env::var_os("STEWARD_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/steward"));
    assert!(
        path.is_file(),
        "the app is not built at {}: run `cargo build -p steward --features custom-protocol` or set STEWARD_APP",
        path.display()
    );
    std::fs::canonicalize(path).unwrap()
}

impl App {
    /// Starts the app on the database `db` and opens a WebDriver session.
    pub async fn launch(db: &Path) -> App {
        App::launch_with(db, &[]).await
    }

    /// Starts the app with more command-line arguments (e.g. `--dialog-dir`).
    pub async fn launch_with(db: &Path, extra: &[&str]) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "DISPLAY is not set: run the end-to-end tests under xvfb-run (without a display the session hangs)"
        );
        let port = free_port_pair();
        let driver_bin = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
        let driver = Command::new(&driver_bin)
            .args(["--port", &port.to_string(), "--native-port", &(port + 1).to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("start {driver_bin:?}: {e}; install it with `cargo install tauri-driver --version ^2 --locked`"));
        let mut app = AppGuard(Some(driver));

        let address = SocketAddr::from(([127, 0, 0, 1], port));
        let started = Instant::now();
        while TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_err() {
            assert!(
                started.elapsed() < PATIENCE,
                "tauri-driver did not listen on {address}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        let mut args = vec![json!("--db"), json!(db)];
        args.extend(extra.iter().map(|a| json!(a)));
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": app_binary(),
                "args": args,
            }
        });
        let capabilities = capabilities.as_object().unwrap().clone();
        let url = format!("http://{address}");
        let mut builder = ClientBuilder::native();
        builder.capabilities(capabilities);
        let first = !A_WINDOW_SHOWED.load(std::sync::atomic::Ordering::Relaxed);
        let session_patience = if first {
            FIRST_WINDOW_PATIENCE
        } else {
            Duration::from_secs(60)
        };
        let client = tokio::time::timeout(session_patience, builder.connect(&url))
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "the WebDriver session did not start within {} s",
                    session_patience.as_secs()
                )
            })
            .expect("open a WebDriver session");
        let app = App {
            client,
            driver: app.0.take().unwrap(),
        };
        // The app has shown itself once its layout or its start-up screen
        // is there; the first window of a run may take much longer.
        let patience = if first {
            FIRST_WINDOW_PATIENCE
        } else {
            PATIENCE
        };
        let _ = app
            .client
            .wait()
            .at_most(patience)
            .for_element(Locator::Css("body [data-testid]"))
            .await;
        A_WINDOW_SHOWED.store(true, std::sync::atomic::Ordering::Relaxed);
        app
    }

    /// Closes the window (ends the session) and stops tauri-driver.
    pub async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(20), self.client.clone().close()).await;
        // Dropping `self` stops tauri-driver.
    }

    pub async fn find(&self, test_id: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(&format!("[data-testid=\"{test_id}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no element [data-testid={test_id}] appeared: {e}"))
    }

    pub async fn click(&self, test_id: &str) {
        self.click_on(Locator::Css(&format!("[data-testid=\"{test_id}\"]")))
            .await;
    }

    /// Clicks the element with `test_id` inside the first element that
    /// `scope` (CSS) matches, e.g. one finding's button among many.
    pub async fn click_in(&self, scope: &str, test_id: &str) {
        self.click_on(Locator::Css(&format!(
            "{scope} [data-testid=\"{test_id}\"]"
        )))
        .await;
    }

    /// Clicks a button that closes what holds it (a dialog's confirm
    /// button) and waits until it is gone. A click that lands while the
    /// dialog is still opening is lost, as it would be for a person who
    /// clicks again: so click again until the button disappears. A click
    /// the driver reports as failed may still have landed (the dialog is
    /// gone by the time it answers): the button being gone is success.
    pub async fn click_to_close(&self, test_id: &str) {
        let selector = format!("[data-testid=\"{test_id}\"]");
        // First the button must be there, as for any click.
        self.find(test_id).await;
        let started = Instant::now();
        loop {
            if !self.present(&selector).await {
                return;
            }
            if let Ok(element) = self.client.find(Locator::Css(&selector)).await {
                self.centre(&element).await;
                settle(&element).await;
                // Whatever the driver says, the dialog being gone is what counts.
                let _ = element.click().await;
            }
            let clicked = Instant::now();
            while clicked.elapsed() < Duration::from_secs(2) {
                if !self.present(&selector).await {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if started.elapsed() > PATIENCE {
                self.screenshot("failure").await;
                panic!("clicking {test_id} never closed its dialog");
            }
        }
    }

    /// Clicks `test_id` until `opened` (a dialog, a menu) is there: a click
    /// that lands while the page is still replacing the button (a record
    /// read again right after it showed) reaches no handler, and a person
    /// would simply click again.
    pub async fn click_to_open(&self, test_id: &str, opened: &str) {
        let button = format!("[data-testid=\"{test_id}\"]");
        let dialog = format!("[data-testid=\"{opened}\"]");
        let started = Instant::now();
        loop {
            self.click(test_id).await;
            let clicked = Instant::now();
            while clicked.elapsed() < Duration::from_secs(3) {
                if self.present(&dialog).await {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if started.elapsed() > PATIENCE || !self.present(&button).await {
                self.screenshot("failure").await;
                panic!("clicking {test_id} never opened {opened}");
            }
        }
    }

    async fn present(&self, selector: &str) -> bool {
        self.client
            .find_all(Locator::Css(selector))
            .await
            .map(|v| !v.is_empty())
            .unwrap_or(false)
    }

    /// Clicks the label whose text contains `text` (a radio button's or a
    /// checkbox's), as a person picks an option by its words.
    pub async fn click_label(&self, text: &str) {
        let label = format!("//label[contains(normalize-space(.), '{text}')]");
        self.click_on(Locator::XPath(&label)).await;
    }

    /// Clicks the first element `selector` (CSS) matches, e.g. the link to
    /// one record whose name a person would read but a test cannot type.
    pub async fn click_css(&self, selector: &str) {
        self.click_on(Locator::Css(selector)).await;
    }

    /// Clicks the first element `xpath` matches (a button within one of
    /// several similar rows, picked by the row's words).
    pub async fn click_xpath(&self, xpath: &str) {
        self.click_on(Locator::XPath(xpath)).await;
    }

    /// Clicks the link whose text is `text`.
    pub async fn click_link(&self, text: &str) {
        self.click_on(Locator::LinkText(text)).await;
    }

    /// Clicks what `locator` finds as soon as a person could: while a modal
    /// or notification is still fading out over it, wait and try again.
    async fn click_on(&self, locator: Locator<'_>) {
        let started = Instant::now();
        loop {
            let outcome = match self
                .client
                .wait()
                .at_most(PATIENCE)
                .for_element(locator)
                .await
            {
                Ok(element) => {
                    // A person scrolls what they want to click to where
                    // they can see it: not under the app's fixed header.
                    self.centre(&element).await;
                    settle(&element).await;
                    element.click().await
                }
                Err(error) => Err(error),
            };
            match outcome {
                Ok(()) => return,
                Err(error) if started.elapsed() < PATIENCE && is_transient(&error) => {
                    tokio::time::sleep(Duration::from_millis(150)).await;
                }
                Err(error) => {
                    self.screenshot("failure").await;
                    panic!("cannot click {locator:?}: {error}");
                }
            }
        }
    }

    async fn centre(&self, element: &Element) {
        if let Ok(element) = serde_json::to_value(element) {
            let _ = self
                .client
                .execute(
                    "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })",
                    vec![element],
                )
                .await;
        }
    }

    /// The element with `test_id` once it can be typed into: a form keeps
    /// its inputs disabled while it reads the record, which on a fresh
    /// machine's first window can outlast the element's appearance.
    async fn find_enabled(&self, test_id: &str) -> Element {
        let started = Instant::now();
        loop {
            let field = self.find(test_id).await;
            if field.is_enabled().await.unwrap_or(false) {
                return field;
            }
            if started.elapsed() > PATIENCE {
                self.screenshot("failure").await;
                panic!("[data-testid={test_id}] stayed disabled");
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    pub async fn type_into(&self, test_id: &str, text: &str) {
        let field = self.find_enabled(test_id).await;
        field.clear().await.unwrap();
        // Some inputs (Mantine's NumberInput) keep their value through a
        // WebDriver clear: empty them as a person would, select all, delete.
        if !self.value_of(test_id).await.is_empty() {
            let select_all = format!("{}a", char::from(Key::Control));
            field.send_keys(&select_all).await.unwrap();
            field
                .send_keys(&char::from(Key::Backspace).to_string())
                .await
                .unwrap();
        }
        field.send_keys(text).await.unwrap();
    }

    /// Fills a date input: types the date as a person would; if the
    /// platform's date field does not take typed text (its segments follow
    /// the locale), sets the value as its date picker would, with the same
    /// input event.
    pub async fn type_into_date(&self, test_id: &str, iso_date: &str) {
        let field = self.find(test_id).await;
        field.clear().await.unwrap();
        field.send_keys(iso_date).await.unwrap();
        if self.value_of(test_id).await == iso_date {
            return;
        }
        let script = "const [el, value] = arguments;\
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;\
            setter.call(el, value);\
            el.dispatchEvent(new Event('input', { bubbles: true }));\
            el.dispatchEvent(new Event('change', { bubbles: true }));";
        let element = serde_json::to_value(&field).unwrap();
        self.client
            .execute(
                script,
                vec![element, serde_json::Value::String(iso_date.into())],
            )
            .await
            .unwrap_or_else(|e| panic!("set {test_id} to {iso_date}: {e}"));
    }

    /// Flips a switch or checkbox the way a person does, by clicking what is
    /// visible (the label that wraps the hidden input), and checks it flipped.
    pub async fn toggle(&self, test_id: &str) {
        let before = self.is_checked(test_id).await;
        let label = format!("//input[@data-testid='{test_id}']/ancestor::label[1]");
        self.click_on(Locator::XPath(&label)).await;
        assert_ne!(
            self.is_checked(test_id).await,
            before,
            "clicking {test_id} did not change it"
        );
    }

    pub async fn is_checked(&self, test_id: &str) -> bool {
        let input = self.find(test_id).await;
        input.prop("checked").await.unwrap().as_deref() == Some("true")
    }

    /// Picks an option of a searchable select: types part of its text into
    /// the field, then clicks the option that appears.
    pub async fn pick(&self, test_id: &str, text: &str) {
        self.type_into(test_id, text).await;
        let option = format!("//*[@role='option'][contains(normalize-space(.), '{text}')]");
        self.click_on(Locator::XPath(&option)).await;
    }

    pub async fn select(&self, test_id: &str, value: &str) {
        self.find(test_id)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value} in {test_id}: {e}"));
    }

    pub async fn value_of(&self, test_id: &str) -> String {
        self.find(test_id)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Scrolls the element with `test_id` to the middle of the window, as a
    /// person does before reading it (for a screenshot).
    pub async fn scroll_to(&self, test_id: &str) {
        let element = serde_json::to_value(self.find(test_id).await).unwrap();
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' })",
                vec![element],
            )
            .await
            .unwrap_or_else(|e| panic!("scroll to {test_id}: {e}"));
    }

    /// Waits until the page's visible text contains `text`.
    pub async fn wait_for_text(&self, text: &str) {
        self.wait_for_text_within(text, PATIENCE).await;
    }

    /// Waits up to `patience` for `text` (for work that takes long: a large
    /// import in a debug build).
    pub async fn wait_for_text_within(&self, text: &str, patience: Duration) {
        let started = Instant::now();
        loop {
            if self.page_text().await.contains(text) {
                return;
            }
            if started.elapsed() > patience {
                self.screenshot("failure").await;
                panic!(
                    "the window never showed {text:?}; it shows:\n{}",
                    self.page_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Waits until the page's text, with runs of whitespace as one space,
    /// contains `text` (given the same way).
    pub async fn wait_for_text_squeezed(&self, text: &str) {
        let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let started = Instant::now();
        loop {
            if squeeze(&self.page_text().await).contains(text) {
                return;
            }
            if started.elapsed() > PATIENCE {
                self.screenshot("failure").await;
                panic!("the window never showed {text:?}");
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Checks that the app, and the WebKit processes it started, hold no
    /// network connection beyond the loopback one its test driver uses:
    /// every TCP and UDP socket of the process tree is matched in
    /// `/proc/net` and must be local (127.0.0.0/8 or ::1), or a Unix socket.
    pub async fn assert_no_network_connection(&self) {
        let pids = descendants(self.driver.id());
        assert!(!pids.is_empty(), "the app's processes were not found");
        let inodes: std::collections::HashSet<String> = pids
            .iter()
            .flat_map(|pid| {
                std::fs::read_dir(format!("/proc/{pid}/fd"))
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter_map(|fd| std::fs::read_link(fd.path()).ok())
                    .filter_map(|target| {
                        let t = target.to_string_lossy().into_owned();
                        t.strip_prefix("socket:[")
                            .and_then(|r| r.strip_suffix(']'))
                            .map(str::to_owned)
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        for table in ["tcp", "tcp6", "udp", "udp6"] {
            let Ok(text) = std::fs::read_to_string(format!("/proc/net/{table}")) else {
                continue;
            };
            for line in text.lines().skip(1) {
                let cols: Vec<&str> = line.split_whitespace().collect();
                let (Some(local), Some(remote), Some(inode)) =
                    (cols.get(1), cols.get(2), cols.get(9))
                else {
                    continue;
                };
                if !inodes.contains(*inode) {
                    continue;
                }
                assert!(
                    is_loopback(local) && (is_loopback(remote) || is_unset(remote)),
                    "the app holds a network socket ({table}): local {local}, remote {remote}"
                );
            }
        }
    }

    /// Waits until exactly `count` elements carry `test_id`.
    pub async fn wait_for_count(&self, test_id: &str, count: usize) {
        let selector = format!("[data-testid=\"{test_id}\"]");
        let started = Instant::now();
        loop {
            let found = self
                .client
                .find_all(Locator::Css(&selector))
                .await
                .map(|v| v.len())
                .unwrap_or(0);
            if found == count {
                return;
            }
            if started.elapsed() > PATIENCE {
                self.screenshot("failure").await;
                panic!("expected {count} × {test_id}, the window shows {found}");
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// The text a person sees in the window, including notifications and
    /// dialogs (WebKit's "element text" of `<body>` leaves out portals).
    pub async fn page_text(&self) -> String {
        match self
            .client
            .execute("return document.documentElement.innerText", vec![])
            .await
        {
            Ok(serde_json::Value::String(text)) => text,
            _ => String::new(),
        }
    }

    /// Saves a screenshot of the window as an artefact and says where.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // Let transitions finish and the window repaint, or the picture can
        // show the previous frame.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let repaint = "const done = arguments[arguments.length - 1];\
                       requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        let _ = tokio::time::timeout(
            Duration::from_secs(5),
            self.client.execute_async(repaint, vec![]),
        )
        .await;
        let png = self.client.screenshot().await.expect("take a screenshot");
        let path = artifacts_dir().join(format!("e2e-{name}.png"));
        std::fs::write(&path, png).unwrap();
        println!("screenshot: {}", path.display());
        path
    }
}

impl Drop for App {
    /// A failing test still stops tauri-driver (and with it WebKitWebDriver
    /// and the app), so nothing lingers and holds the display.
    fn drop(&mut self) {
        stop(&mut self.driver);
    }
}

/// Waits until an element stops moving (a dialog sliding in, a list
/// re-sorting): WebDriver clicks where the element *was* when it measured it.
async fn settle(element: &Element) {
    let started = Instant::now();
    let mut last = element.rectangle().await.ok();
    while started.elapsed() < Duration::from_secs(3) {
        tokio::time::sleep(Duration::from_millis(80)).await;
        let now = element.rectangle().await.ok();
        if now == last {
            return;
        }
        last = now;
    }
}

/// Errors that mean "not yet": something covers the element, or the page
/// re-rendered it between finding and clicking.
fn is_transient(error: &fantoccini::error::CmdError) -> bool {
    use fantoccini::error::{CmdError, ErrorStatus};
    matches!(
        error,
        CmdError::Standard(e) if matches!(
            e.error,
            ErrorStatus::ElementClickIntercepted
                | ErrorStatus::StaleElementReference
                | ErrorStatus::ElementNotInteractable
        )
    )
}

/// The process `root` and every process below it.
fn descendants(root: u32) -> Vec<u32> {
    let mut parent_of = vec![];
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // The parent is the second field after the command's closing paren.
        if let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..])
            && let Some(ppid) = rest
                .split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u32>().ok())
        {
            parent_of.push((pid, ppid));
        }
    }
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parent_of
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        i += 1;
    }
    found
}

/// An address of /proc/net ("0100007F:1F90", hex): on the loopback?
fn is_loopback(address: &str) -> bool {
    let ip = address.split(':').next().unwrap_or_default();
    match ip.len() {
        // IPv4, little-endian bytes: 127.x.x.x ends in 7F.
        8 => ip.ends_with("7F"),
        // IPv6 ::1, or an IPv4-mapped 127.x.x.x.
        32 => {
            ip == "00000000000000000000000001000000"
                || (ip.starts_with("0000000000000000FFFF0000") && ip.ends_with("7F"))
        }
        _ => false,
    }
}

/// A socket with no peer (listening or unconnected).
fn is_unset(address: &str) -> bool {
    address
        .split(':')
        .next()
        .is_some_and(|ip| ip.chars().all(|c| c == '0'))
}

/// Stops tauri-driver if a launch fails half-way.
struct AppGuard(Option<Child>);

impl Drop for AppGuard {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            stop(child);
        }
    }
}

/// SIGTERM, not SIGKILL: tauri-driver then also stops WebKitWebDriver.
fn stop(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}
