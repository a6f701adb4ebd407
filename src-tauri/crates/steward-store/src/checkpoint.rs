//! Folding the write-ahead log back into the database file, off the path of
//! the write that filled it.
//!
//! A commit in WAL mode is durable once its pages are in the WAL (written
//! and fsynced). SQLite then *checkpoints*: it copies those pages into the
//! database file and fsyncs that too. For an ordinary edit that is a few
//! pages; for a merge of a large change file it is the whole import written
//! a second time (about a seventh of a 100,000-op import's time). So a merge
//! commits without checkpointing and asks this thread, which has its own
//! connection, to checkpoint in the background (`PASSIVE`: it never blocks
//! the writer or readers). Nothing is less durable: until the checkpoint is
//! done, SQLite reads the committed pages from the WAL, after a crash too.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::thread::JoinHandle;

use rusqlite::Connection;

use crate::{Result, StoreError, schema};

/// What the checkpointer is asked.
enum Request {
    /// Checkpoint now.
    Checkpoint,
    /// Answer once the checkpoints asked for before are done.
    Settle(SyncSender<()>),
}

/// The background checkpointer of one database file.
pub(crate) struct Checkpointer {
    requests: Option<Sender<Request>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Opens a second connection to `path` and starts the thread.
    pub(crate) fn start(path: &Path) -> Result<Checkpointer> {
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        schema::configure(&conn).map_err(|e| StoreError::open(path, e))?;
        let (requests, receive) = channel::<Request>();
        let thread = std::thread::Builder::new()
            .name("steward-checkpoint".into())
            .spawn(move || serve(&conn, &receive))
            .map_err(|e| StoreError::Corrupt(format!("the checkpoint thread: {e}")))?;
        Ok(Checkpointer {
            requests: Some(requests),
            thread: Some(thread),
        })
    }

    /// Asks for a checkpoint and returns at once.
    pub(crate) fn request(&self) {
        if let Some(requests) = &self.requests {
            // A stopped thread leaves the checkpoint to SQLite's own, at
            // the next commit or when the database is closed.
            let _ = requests.send(Request::Checkpoint);
        }
    }

    /// Waits until every checkpoint asked for so far is done (and asks for
    /// none itself).
    pub(crate) fn settle(&self) {
        let (done, wait) = sync_channel(1);
        if let Some(requests) = &self.requests
            && requests.send(Request::Settle(done)).is_ok()
        {
            let _ = wait.recv();
        }
    }
}

fn serve(conn: &Connection, receive: &Receiver<Request>) {
    while let Ok(first) = receive.recv() {
        // Requests that came in meanwhile are served by the same checkpoint.
        let mut checkpoint = false;
        let mut waiting = vec![];
        for request in std::iter::once(first).chain(receive.try_iter()) {
            match request {
                Request::Checkpoint => checkpoint = true,
                Request::Settle(done) => waiting.push(done),
            }
        }
        if checkpoint {
            // A busy database (another checkpoint under way) is no failure:
            // the log is folded back by whichever checkpoint comes next.
            let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        }
        for done in waiting {
            let _ = done.send(());
        }
    }
}

impl Drop for Checkpointer {
    /// Lets the last checkpoint finish, then closes its connection.
    fn drop(&mut self) {
        drop(self.requests.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
