//! Policy benchmark with the fixed synthetic register of 50, 200 and 1,000
//! activities (see `synthetic/mod.rs`): median wall time of drafting the policy
//! from the register and rendering it as Markdown, as HTML, and (at 50 and
//! 200) as a PDF.
//!
//! Run: `cargo bench -p steward-docs --bench policy` (add `-- --quick` for
//! one size and few rounds). Target (issue 5): the Markdown draft of 200
//! activities in under 100 ms.

use std::time::{Duration, Instant};

use steward_docs::policy::{draft, html, markdown};
use steward_docs::{PolicyFormat, policy_document};

mod synthetic;
use synthetic::{AT, register};

fn median_ms(rounds: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times: Vec<Duration> = Vec::with_capacity(rounds);
    let mut len = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        len = f();
        times.push(start.elapsed());
    }
    times.sort();
    (times[times.len() / 2].as_secs_f64() * 1000.0, len)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 3 } else { 11 };
    let sizes: &[usize] = if quick { &[50] } else { &[50, 200, 1000] };
    println!("activities   draft+Markdown (median, size)   draft+HTML   draft+PDF");
    for &n in sizes {
        let export = register(n).export_register().unwrap();
        let (md, md_len) = median_ms(rounds, || markdown::render(&draft(&export)).len());
        let (web, _) = median_ms(rounds, || html::render(&draft(&export)).len());
        let pdf = if n <= 200 {
            let (ms, _) = median_ms(3.min(rounds), || {
                policy_document(&draft(&export), PolicyFormat::Pdf, AT.parse().unwrap())
                    .unwrap()
                    .len()
            });
            format!("{ms:>8.0} ms")
        } else {
            "       —".into()
        };
        println!(
            "{n:>10}   {md:>10.1} ms {:>6} kB   {web:>7.1} ms   {pdf}",
            md_len / 1024
        );
    }
}
