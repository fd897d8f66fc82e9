//! The compiled dictionary's encoding: unsigned LEB128 integers, length-prefixed UTF-8 strings,
//! optional strings (0, or length + 1), and a reader whose errors name the part and the byte.

use crate::error::Error;

/// FNV-1a, 64 bits: ties a card part to its match part.
pub(super) fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    pub(super) fn int(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    pub(super) fn str(&mut self, s: &str) {
        self.int(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub(super) fn strs(&mut self, v: &[String]) {
        self.int(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    pub(super) fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.int(0),
            Some(s) => {
                self.int(s.len() as u64 + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }
}

pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) part: &'static str,
}

impl<'a> Reader<'a> {
    pub(super) fn new(
        bytes: &'a [u8],
        part: &'static str,
        magic: &[u8; 8],
    ) -> Result<Reader<'a>, Error> {
        if !bytes.starts_with(magic) {
            return Err(Error::Input(format!(
                "this is not tifa's compiled dictionary ({part} part): it does not start with {:?}",
                String::from_utf8_lossy(magic).trim_end()
            )));
        }
        Ok(Reader {
            bytes,
            pos: magic.len(),
            part,
        })
    }
    pub(super) fn damaged(&self, at: usize, what: &str) -> Error {
        Error::Input(format!(
            "the compiled dictionary ({} part) is damaged at byte {at}: {what}",
            self.part
        ))
    }
    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(self.damaged(self.pos, "it ends too early"));
        };
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub(super) fn int(&mut self) -> Result<u64, Error> {
        let at = self.pos;
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.damaged(at, "a number is too long"))
    }
    /// A count of items that may sit in other streams: at most `total` (the file's length).
    pub(super) fn count_of(&mut self, total: usize) -> Result<usize, Error> {
        let at = self.pos;
        let n = self.int()?;
        if n > total as u64 {
            return Err(self.damaged(at, &format!("a count of {n} is more than the file holds")));
        }
        Ok(n as usize)
    }

    pub(super) fn count(&mut self) -> Result<usize, Error> {
        let at = self.pos;
        let n = self.int()?;
        // Every counted item takes at least one byte.
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(self.damaged(at, &format!("a count of {n} is more than the file holds")));
        }
        Ok(n as usize)
    }
    pub(super) fn year(&mut self) -> Result<Option<u16>, Error> {
        let at = self.pos;
        match self.int()? {
            0 => Ok(None),
            y => u16::try_from(y)
                .map(Some)
                .map_err(|_| self.damaged(at, "a year is out of range")),
        }
    }
    pub(super) fn bytes_str(&mut self, len: usize) -> Result<String, Error> {
        let at = self.pos;
        let b = self.take(len)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.damaged(at, "a string is not UTF-8"))
    }
    pub(super) fn str(&mut self) -> Result<String, Error> {
        let len = self.count()?;
        self.bytes_str(len)
    }
    pub(super) fn strs(&mut self) -> Result<Vec<String>, Error> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect()
    }
    pub(super) fn opt(&mut self) -> Result<Option<String>, Error> {
        let at = self.pos;
        match self.int()? {
            0 => Ok(None),
            n => {
                let len = usize::try_from(n - 1)
                    .map_err(|_| self.damaged(at, "a length is too large"))?;
                self.bytes_str(len).map(Some)
            }
        }
    }
    pub(super) fn end(&self) -> Result<(), Error> {
        if self.pos != self.bytes.len() {
            return Err(self.damaged(self.pos, "there are bytes after the last entry"));
        }
        Ok(())
    }
}
