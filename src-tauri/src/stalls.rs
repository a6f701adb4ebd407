//! Measuring how responsive the window's thread stays: with
//! `--stall-report FILE`, a watcher asks the main thread to run
//! an empty task every 10 ms and records how long each took to start. Every
//! second it writes the longest wait so far and the count of waits over
//! 50 ms and 100 ms to FILE as JSON. The end-to-end test of a large import
//! reads it; nothing else runs it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tauri::AppHandle;

#[derive(Default)]
struct Waits {
    samples: u64,
    longest_ms: f64,
    over_50_ms: u64,
    over_100_ms: u64,
}

pub struct StallWatch {
    stop: Arc<AtomicBool>,
}

impl StallWatch {
    /// Starts watching, writing to `report`.
    pub fn start(app: &AppHandle, report: std::path::PathBuf) -> StallWatch {
        let waits = Arc::new(Mutex::new(Waits::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (app, w, s) = (app.clone(), waits, stop.clone());
        std::thread::spawn(move || {
            let mut written = Instant::now();
            while !s.load(Ordering::Relaxed) {
                let (done, wait) = sync_channel(1);
                let asked = Instant::now();
                if app
                    .run_on_main_thread(move || {
                        let _ = done.send(());
                    })
                    .is_err()
                {
                    return;
                }
                if wait.recv_timeout(Duration::from_secs(30)).is_err() {
                    return;
                }
                let ms = asked.elapsed().as_secs_f64() * 1000.0;
                let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
                w.samples += 1;
                w.longest_ms = w.longest_ms.max(ms);
                w.over_50_ms += u64::from(ms > 50.0);
                w.over_100_ms += u64::from(ms > 100.0);
                if written.elapsed() > Duration::from_secs(1) {
                    let json = format!(
                        "{{\"samples\":{},\"longestMs\":{:.1},\"over50Ms\":{},\"over100Ms\":{}}}",
                        w.samples, w.longest_ms, w.over_50_ms, w.over_100_ms
                    );
                    let _ = std::fs::write(&report, json);
                    written = Instant::now();
                }
                drop(w);
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        StallWatch { stop }
    }
}

impl Drop for StallWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
