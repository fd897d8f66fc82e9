//! Reading a corpus batch by batch, the work on each document done on all cores: what both the
//! term counts and `--emerging` need (the documents counted, dates, progress, those left out).

use std::collections::BTreeMap;
use std::time::Instant;

use rayon::prelude::*;

use super::input::{Document, Documents};
use super::{next_batch, summary, Progress};
use tifa::corpus::DateSource;

/// A scan in progress.
pub struct Scan {
    started: Instant,
    pool: rayon::ThreadPool,
    progress: Progress,
    /// Documents done.
    pub count: u64,
    bytes: u64,
    dated: BTreeMap<DateSource, u64>,
    failed: Vec<(String, String)>,
}

impl Scan {
    /// Starts a scan on `jobs` threads (all cores when None).
    pub fn new(jobs: Option<usize>) -> Result<Scan, String> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .build()
            .map_err(|e| format!("cannot start worker threads: {e}"))?;
        Ok(Scan {
            started: Instant::now(),
            pool,
            progress: Progress::new(),
            count: 0,
            bytes: 0,
            dated: BTreeMap::new(),
            failed: Vec::new(),
        })
    }

    /// The next batch of `docs` with `work` done on each (in parallel), in input order; a
    /// document whose work fails is named in the summary and left out. None at the end.
    pub fn batch<T: Send>(
        &mut self,
        docs: &mut Documents,
        work: impl Fn(&Document) -> Result<T, String> + Sync,
    ) -> Option<Vec<(Document, T)>> {
        let batch = next_batch(docs);
        if batch.is_empty() {
            return None;
        }
        let results: Vec<Result<T, String>> =
            self.pool.install(|| batch.par_iter().map(&work).collect());
        let mut done = Vec::with_capacity(batch.len());
        for (doc, result) in batch.into_iter().zip(results) {
            match result {
                Ok(t) => {
                    self.count += 1;
                    self.bytes += doc.text.len() as u64;
                    *self.dated.entry(doc.date_source).or_default() += 1;
                    done.push((doc, t));
                }
                Err(why) => self.failed.push((doc.id.clone(), why)),
            }
        }
        self.progress.show(self.count, self.bytes);
        Some(done)
    }

    /// Ends the scan: the summary on standard error, with what `docs` could not read.
    pub fn finish(mut self, docs: &Documents) {
        self.progress.done();
        self.failed.extend(
            docs.skipped
                .iter()
                .map(|s| (s.place.clone(), s.why.clone())),
        );
        summary(
            self.count,
            self.bytes,
            self.started.elapsed().as_secs_f64(),
            &self.dated,
            &self.failed,
        );
    }
}
