//! Export benchmark with a fixed synthetic register of 50, 200 and 1,000
//! activities: median wall time of the PDF, XLSX, CSV and JSON exports, and
//! the peak resident memory (VmHWM) of a process that builds the register
//! and makes each export at that size.
//!
//! Every round is a cold compilation: `ropa_pdf` clears Typst's memo cache
//! after each document, as the app needs it to.
//!
//! Run: `cargo bench -p steward-docs --bench export` (add `-- --quick` for
//! one size and few rounds). Targets (issue 4): 200 activities as a PDF in
//! under 2 s and 300 MB peak on a 2-core machine, cost roughly linear.

use std::time::{Duration, Instant};

use steward_docs::{Paper, RopaOptions, ropa_pdf};
use steward_sheets::ico;

mod synthetic;
use synthetic::{AT, register};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Peak resident set size of this process so far, in MB (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Times `f` over `rounds` runs: (median, size of the output in kB).
fn time<T: AsRef<[u8]>>(rounds: usize, mut f: impl FnMut() -> T) -> (u128, usize) {
    let mut times = vec![];
    let mut len = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        len = f().as_ref().len();
        times.push(start.elapsed());
    }
    (median(times).as_millis(), len / 1024)
}

/// One size in this process, so that its peak memory is its own.
fn measure(n: usize, rounds: usize) {
    let options = RopaOptions::new(Paper::A4, AT.parse().unwrap());
    let api = register(n);
    let export = api.export_register().unwrap();
    let reviews = api.list_activity_reviews().unwrap();
    let (pdf, pdf_kb) = time(rounds, || {
        ropa_pdf(&export, &reviews, &[], &options).unwrap()
    });
    let (xlsx, xlsx_kb) = time(rounds, || ico::xlsx(&export).unwrap());
    let (csv, _) = time(rounds, || ico::csv(&export).unwrap());
    let (json, json_kb) = time(rounds, || api.export_register_json().unwrap());
    println!(
        "{n:>10}  {pdf:>7} ms {pdf_kb:>6} kB  {xlsx:>6} ms {xlsx_kb:>5} kB  {csv:>5} ms  {json:>6} ms {json_kb:>6} kB  {:>6.0} MB",
        peak_mb().unwrap_or(f64::NAN),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let rounds = if quick { 3 } else { 5 };
    if let Some(i) = args.iter().position(|a| a == "--size") {
        measure(args[i + 1].parse().expect("--size N"), rounds);
        return;
    }
    let sizes: &[usize] = if quick { &[50] } else { &[50, 200, 1000] };
    println!(
        "activities      PDF (median, size)   XLSX (median, size)   CSV   JSON (median, size)  peak RSS"
    );
    for n in sizes {
        // A process per size: VmHWM is the peak of that size alone.
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--size", &n.to_string()])
            .args(if quick { vec!["--quick"] } else { vec![] })
            .status()
            .unwrap();
        assert!(status.success());
    }
}
