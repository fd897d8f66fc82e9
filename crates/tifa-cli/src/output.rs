//! Standard output: checked to be open before any work, and the message for a write that
//! fails.

use std::io;

/// Standard output, checked to be open. A program started with its standard output closed
/// (`tifa annotate x >&-`) gets `/dev/null` there from the Rust runtime, opened for reading
/// and writing, so its report would vanish and it would exit 0 (issue 14, item 6). A shell's
/// `> /dev/null` opens it for writing only, which stays allowed.
pub(crate) fn stdout() -> Result<io::BufWriter<io::StdoutLock<'static>>, String> {
    if stdout_was_closed() {
        return Err(
            "cannot write to standard output: it was closed when tifa started, so the report would be lost"
                .into(),
        );
    }
    Ok(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
}

/// Linux: is standard output the `/dev/null` the runtime puts in place of a closed one?
pub(crate) fn stdout_was_closed() -> bool {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return false;
    };
    let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
    let flags = info
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok());
    // O_ACCMODE is 3; O_RDWR is 2.
    target == std::path::Path::new("/dev/null") && flags.is_some_and(|f| f & 3 == 2)
}

/// The message for output that could not be written, naming the input it was for.
pub(crate) fn write_failed(e: io::Error, source: &str) -> String {
    format!("cannot write to standard output: {e}; stopped at {source}")
}
