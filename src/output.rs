//! Writing reports: to standard output, or to a file that is written whole or not at all.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Writes `content` to `path` atomically: a temporary file in the same directory is filled,
/// flushed and then renamed over the target, so a crash or a full disk never leaves half a report.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<(), Error> {
    let err = |source: std::io::Error| Error::Output { path: path.display().to_string(), source };
    if is_special_file(path) {
        let mut file = open_in_place(path)?;
        return file.write_all(content).and_then(|_| file.flush()).map_err(err);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
    tmp.write_all(content).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Whether `path` exists and is neither a regular file nor a directory: `/dev/null`, a named
/// pipe, a terminal. Such a target is written in place, never replaced by a temporary file:
/// renaming over `-o /dev/null` would turn the system's null device into a regular file that
/// every later `> /dev/null` appends to (and that programs reading `/dev/null` then read).
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Opens a special file (see [`is_special_file`]) for writing, without truncating or replacing it.
fn open_in_place(path: &Path) -> Result<std::fs::File, Error> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|source| Error::Output { path: path.display().to_string(), source })
}

/// Sends a finished report where the user asked: `-o FILE` (atomically) or standard output.
pub fn emit(path: Option<&Path>, content: &[u8]) -> Result<(), Error> {
    match path {
        Some(p) if p != Path::new("-") => write_atomic(p, content),
        _ => {
            let mut out = std::io::stdout().lock();
            match out.write_all(content).and_then(|_| out.flush()) {
                // A closed pipe (`newsalign ... | head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|source| Error::Output { path: "<stdout>".into(), source }),
            }
        }
    }
}

/// A streaming destination: standard output, or a temporary file next to the target that
/// [`Sink::finish`] renames into place. Dropped unfinished, the temporary file is deleted, so a
/// failed run leaves no partial report.
pub struct Sink {
    target: Option<std::path::PathBuf>,
    inner: SinkInner,
}

enum SinkInner {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(std::io::BufWriter<tempfile::NamedTempFile>),
    /// A device or a named pipe (`-o /dev/null`), written in place: there is nothing to replace.
    Special(std::io::BufWriter<std::fs::File>),
}

impl Sink {
    /// Opens `-o PATH` (or standard output when `None` or `-`).
    pub fn open(path: Option<&Path>) -> Result<Sink, Error> {
        match path {
            Some(p) if p != Path::new("-") && is_special_file(p) => {
                let file = open_in_place(p)?;
                Ok(Sink { target: Some(p.to_path_buf()), inner: SinkInner::Special(std::io::BufWriter::new(file)) })
            }
            Some(p) if p != Path::new("-") => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let tmp = tempfile::NamedTempFile::new_in(dir)
                    .map_err(|source| Error::Output { path: p.display().to_string(), source })?;
                Ok(Sink { target: Some(p.to_path_buf()), inner: SinkInner::File(std::io::BufWriter::new(tmp)) })
            }
            _ => Ok(Sink { target: None, inner: SinkInner::Stdout(std::io::BufWriter::new(std::io::stdout())) }),
        }
    }

    fn name(&self) -> String {
        self.target.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "<stdout>".into())
    }

    /// Appends bytes to the report.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let result = match &mut self.inner {
            SinkInner::Stdout(w) => w.write_all(bytes),
            SinkInner::File(w) => w.write_all(bytes),
            SinkInner::Special(w) => w.write_all(bytes),
        };
        self.check(result)
    }

    fn check(&self, result: std::io::Result<()>) -> Result<(), Error> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && self.target.is_none() => Ok(()),
            other => other.map_err(|source| Error::Output { path: self.name(), source }),
        }
    }

    /// Completes the report: flushes standard output, or moves the finished file into place.
    pub fn finish(self) -> Result<(), Error> {
        let name = self.name();
        let io = |source: std::io::Error| Error::Output { path: name.clone(), source };
        match self.inner {
            SinkInner::Stdout(mut w) => match w.flush() {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(io),
            },
            SinkInner::Special(mut w) => w.flush().map_err(io),
            SinkInner::File(w) => {
                let tmp = w.into_inner().map_err(|e| io(e.into_error()))?;
                tmp.as_file().sync_all().map_err(io)?;
                let target = self.target.expect("a file sink has a target");
                tmp.persist(&target).map_err(|e| io(e.error))?;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_target_is_written_in_place_not_replaced() {
        let null = Path::new("/dev/null");
        write_atomic(null, b"report").unwrap();
        let mut sink = Sink::open(Some(null)).unwrap();
        sink.write(b"report").unwrap();
        sink.finish().unwrap();
        assert!(!std::fs::metadata(null).unwrap().is_file(), "/dev/null must stay a device");
    }

    #[test]
    fn unfinished_sink_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        let mut sink = Sink::open(Some(&path)).unwrap();
        sink.write(b"partial").unwrap();
        drop(sink);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let mut sink = Sink::open(Some(&path)).unwrap();
        sink.write(b"whole").unwrap();
        sink.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "whole");
    }

    #[test]
    fn atomic_write_into_missing_dir_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("report.json");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("report.json"));
    }
}
