//! Size probe: exports `alloc`, `t2s` and (where the converter offers it) `s2t`, each taking a
//! UTF-8 string in linear memory and returning the byte length of the converted string. Only the
//! size of the resulting `.wasm` matters; the baseline (no feature) copies its input unchanged.

#[no_mangle]
pub extern "C" fn alloc(n: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(n);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

fn input<'a>(ptr: *const u8, len: usize) -> &'a str {
    // SAFETY: the caller passes memory it obtained from `alloc` and filled.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    std::str::from_utf8(bytes).unwrap_or("")
}

#[no_mangle]
pub extern "C" fn t2s(ptr: *const u8, len: usize) -> usize {
    imp::t2s(input(ptr, len)).len()
}

#[cfg(any(feature = "tifa-tables", feature = "ferrous-both", feature = "character-converter"))]
#[no_mangle]
pub extern "C" fn s2t(ptr: *const u8, len: usize) -> usize {
    imp::s2t(input(ptr, len)).len()
}

#[cfg(feature = "tifa-tables")]
mod imp {
    mod tables {
        include!(env!("CMP_TABLES_RS"));
    }
    fn lookup(table: &[(char, char)], c: char) -> char {
        match table.binary_search_by_key(&c, |&(from, _)| from) {
            Ok(i) => table[i].1,
            Err(_) => c,
        }
    }
    pub fn t2s(s: &str) -> String {
        s.chars().map(|c| if (c as u32) < 0x3400 { c } else { lookup(tables::T2S, c) }).collect()
    }
    pub fn s2t(s: &str) -> String {
        s.chars().map(|c| if (c as u32) < 0x3400 { c } else { lookup(tables::S2T, c) }).collect()
    }
}

#[cfg(all(feature = "ferrous-t2s", not(feature = "tifa-tables")))]
mod imp {
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};
    pub fn t2s(s: &str) -> String {
        OpenCC::from_config(BuiltinConfig::T2s).map(|c| c.convert(s)).unwrap_or_default()
    }
    #[cfg(feature = "ferrous-both")]
    pub fn s2t(s: &str) -> String {
        OpenCC::from_config(BuiltinConfig::S2tw).map(|c| c.convert(s)).unwrap_or_default()
    }
}

#[cfg(all(feature = "fast2s", not(any(feature = "tifa-tables", feature = "ferrous-t2s"))))]
mod imp {
    pub fn t2s(s: &str) -> String {
        fast2s::convert(s)
    }
}

#[cfg(all(
    feature = "character-converter",
    not(any(feature = "tifa-tables", feature = "ferrous-t2s", feature = "fast2s"))
))]
mod imp {
    pub fn t2s(s: &str) -> String {
        character_converter::traditional_to_simplified(s).into_owned()
    }
    pub fn s2t(s: &str) -> String {
        character_converter::simplified_to_traditional(s).into_owned()
    }
}

#[cfg(not(any(
    feature = "tifa-tables",
    feature = "ferrous-t2s",
    feature = "fast2s",
    feature = "character-converter"
)))]
mod imp {
    pub fn t2s(s: &str) -> String {
        s.to_owned()
    }
}
