//! Writing reports: to standard output, or to a file that is written whole or not at all; and
//! the JSON layout every report and baseline shares ([`json`]).

pub mod json;

use crate::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `content` to `path` atomically: a temporary file in the same directory is filled,
/// flushed and then renamed over the target, so a crash or a full disk never leaves half a report.
/// A symbolic link is written through (its target is replaced, the link stays), an existing
/// file keeps its permissions, and errors name the file actually written.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<(), Error> {
    let target = resolve_links(path);
    let err = |source: std::io::Error| Error::Output { path: target.display().to_string(), source };
    if is_special_file(&target) {
        let mut file = open_in_place(&target)?;
        return file.write_all(content).and_then(|_| file.flush()).map_err(err);
    }
    let mut tmp = TempFile::beside(&target).map_err(err)?;
    tmp.file.write_all(content).map_err(err)?;
    tmp.persist(&target).map_err(err)
}

/// The file a path finally names: symbolic links followed (a relative link from its own folder),
/// up to a bound against loops. A path that is not a link is returned as it is.
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(next) if next.is_absolute() => current = next,
                Ok(next) => current = current.parent().map_or(next.clone(), |dir| dir.join(&next)),
                Err(_) => break,
            },
            _ => break,
        }
    }
    current
}

/// A temporary file next to a report's target, renamed over it when complete and deleted
/// otherwise (on drop, and on an interrupt: see [`cleanup_on_signal`]).
struct TempFile {
    path: PathBuf,
    file: std::fs::File,
    done: bool,
}

impl TempFile {
    /// Creates `.NAME.PID.N.tmp` in the target's folder. A new report gets the permissions the
    /// umask gives any new file; a replaced one keeps its own (a 0644 report stays readable).
    fn beside(target: &Path) -> std::io::Result<TempFile> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path)?;
        if let Ok(meta) = std::fs::metadata(target) {
            if meta.is_file() {
                file.set_permissions(meta.permissions())?;
            }
        }
        signal::register(&path);
        Ok(TempFile { path, file, done: false })
    }

    fn persist(mut self, target: &Path) -> std::io::Result<()> {
        self.file.flush()?;
        self.file.sync_all()?;
        std::fs::rename(&self.path, target)?;
        self.done = true;
        signal::unregister(&self.path);
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.path);
            signal::unregister(&self.path);
        }
    }
}

/// Deletes the temporary files of unfinished reports when the process is interrupted (Ctrl-C,
/// `kill`): without it, an interrupted `-o` run left a hidden temporary file behind.
pub fn cleanup_on_signal() {
    signal::install();
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
    /// The first error met writing through [`std::fmt::Write`] or [`Sink::io`], which cannot
    /// carry it: [`Sink::finish`] returns it.
    failed: Option<Error>,
}

enum SinkInner {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(std::io::BufWriter<TempFileWriter>),
    /// A device or a named pipe (`-o /dev/null`), written in place: there is nothing to replace.
    Special(std::io::BufWriter<std::fs::File>),
}

impl Sink {
    /// Opens `-o PATH` (or standard output when `None` or `-`).
    pub fn open(path: Option<&Path>) -> Result<Sink, Error> {
        match path {
            Some(p) if p != Path::new("-") => {
                let target = resolve_links(p);
                if is_special_file(&target) {
                    let file = open_in_place(&target)?;
                    let inner = SinkInner::Special(std::io::BufWriter::new(file));
                    return Ok(Sink { target: Some(target), inner, failed: None });
                }
                let tmp = TempFile::beside(&target)
                    .map_err(|source| Error::Output { path: target.display().to_string(), source })?;
                let writer = std::io::BufWriter::new(TempFileWriter(tmp));
                Ok(Sink { target: Some(target), inner: SinkInner::File(writer), failed: None })
            }
            _ => {
                let inner = SinkInner::Stdout(std::io::BufWriter::new(std::io::stdout()));
                Ok(Sink { target: None, inner, failed: None })
            }
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

    /// Appends bytes unless an earlier write failed, keeping the first error for [`Sink::finish`].
    fn write_or_keep(&mut self, bytes: &[u8]) -> bool {
        if self.failed.is_some() {
            return false;
        }
        match self.write(bytes) {
            Ok(()) => true,
            Err(e) => {
                self.failed = Some(e);
                false
            }
        }
    }

    /// The sink as an [`std::io::Write`], for a serializer that writes the report piece by piece;
    /// a write error stops it, and [`Sink::finish`] returns that error.
    pub fn io(&mut self) -> SinkIo<'_> {
        SinkIo(self)
    }

    /// Completes the report: flushes standard output, or moves the finished file into place.
    /// A write that failed through [`std::fmt::Write`] or [`Sink::io`] is the error, and the
    /// temporary file is deleted.
    pub fn finish(mut self) -> Result<(), Error> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
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
                let target = self.target.expect("a file sink has a target");
                tmp.0.persist(&target).map_err(io)
            }
        }
    }
}

/// Text reports are written to a sink as they are made (`write!`, `writeln!`).
impl std::fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.write_or_keep(s.as_bytes()) {
            Ok(())
        } else {
            Err(std::fmt::Error)
        }
    }
}

/// A [`Sink`] borrowed as an [`std::io::Write`] (see [`Sink::io`]).
pub struct SinkIo<'a>(&'a mut Sink);

impl Write for SinkIo<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.write_or_keep(buf) {
            Ok(buf.len())
        } else {
            Err(std::io::Error::other("the report could not be written"))
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A [`TempFile`] as a writer, for the buffered sink.
struct TempFileWriter(TempFile);

impl Write for TempFileWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.file.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.file.flush()
    }
}

/// The temporary files of reports being written, for the interrupt handler. A signal handler
/// may only do async-signal-safe work, so the paths live in fixed slots of C strings that the
/// handler reads without locking, and it only unlinks them and re-raises the signal.
#[cfg(unix)]
mod signal {
    use std::ffi::CString;
    use std::path::Path;
    use std::sync::atomic::{AtomicPtr, Ordering};

    const SLOTS: usize = 8;
    static PENDING: [AtomicPtr<libc::c_char>; SLOTS] = [const { AtomicPtr::new(std::ptr::null_mut()) }; SLOTS];

    fn c_path(path: &Path) -> Option<CString> {
        use std::os::unix::ffi::OsStrExt;
        CString::new(path.as_os_str().as_bytes()).ok()
    }

    pub fn register(path: &Path) {
        let Some(c) = c_path(path) else { return };
        let raw = c.into_raw();
        for slot in &PENDING {
            if slot.compare_exchange(std::ptr::null_mut(), raw, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
                return;
            }
        }
        // every slot taken: the path is not tracked (drop still deletes it)
        drop(unsafe { CString::from_raw(raw) });
    }

    pub fn unregister(path: &Path) {
        let Some(c) = c_path(path) else { return };
        for slot in &PENDING {
            let raw = slot.load(Ordering::SeqCst);
            // SAFETY: a non-null slot holds a pointer from CString::into_raw that only this
            // function frees, after taking it out of the slot.
            if !raw.is_null() && unsafe { std::ffi::CStr::from_ptr(raw) } == c.as_c_str() {
                if slot.compare_exchange(raw, std::ptr::null_mut(), Ordering::SeqCst, Ordering::SeqCst).is_ok() {
                    drop(unsafe { CString::from_raw(raw) });
                }
                return;
            }
        }
    }

    extern "C" fn on_signal(signum: libc::c_int) {
        for slot in &PENDING {
            let raw = slot.load(Ordering::SeqCst);
            if !raw.is_null() {
                // SAFETY: unlink is async-signal-safe and the pointer is a live C string.
                unsafe { libc::unlink(raw) };
            }
        }
        // SAFETY: restoring the default action and re-raising are async-signal-safe; the
        // process then ends with the signal's usual status.
        unsafe {
            libc::signal(signum, libc::SIG_DFL);
            libc::raise(signum);
        }
    }

    pub fn install() {
        for signum in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: the handler only calls async-signal-safe functions.
            unsafe { libc::signal(signum, on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t) };
        }
    }
}

#[cfg(not(unix))]
mod signal {
    pub fn register(_: &std::path::Path) {}
    pub fn unregister(_: &std::path::Path) {}
    pub fn install() {}
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

    /// A report written piece by piece through `write!` and a serializer lands whole at the target.
    #[test]
    fn a_sink_takes_formatted_text_and_serializer_output() {
        use std::fmt::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        let mut sink = Sink::open(Some(&path)).unwrap();
        write!(sink, "{} pairs", 3).unwrap();
        serde_json::to_writer(sink.io(), &["é"]).unwrap();
        sink.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "3 pairs[\"é\"]");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
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

    #[cfg(unix)]
    #[test]
    fn keeps_an_existing_reports_mode_and_writes_through_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o644)).unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o644);
        let mut sink = Sink::open(Some(&link)).unwrap();
        sink.write(b"newer").unwrap();
        sink.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "newer");
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o644);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn errors_name_the_links_target() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("out.json");
        std::os::unix::fs::symlink("missing/real.json", &link).unwrap();
        let err = write_atomic(&link, b"x").unwrap_err().to_string();
        assert!(err.contains("missing/real.json"), "{err}");
        assert!(!err.contains(".real.json."), "not the temporary file: {err}");
    }
}
