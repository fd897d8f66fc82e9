//! Candidates for unknown numbered formulas: jargon shaped like "the Two X" or 两个X that the
//! dictionary does not know yet, so users (and dictionary editors) can see it.
//!
//! Patterns (on the original text):
//! * a quoted English phrase starting with a number word: `"four comprehensives"`;
//! * a capitalized one: `Three Stricts and Three Earnests`, `Two Upholds`;
//! * Chinese: a quoted `"三个代表"`-style phrase, or 两个/三个/四个… followed by two Han characters.
//!
//! Candidates overlapping a dictionary match are left out. An unquoted Chinese candidate
//! (四个季节) is listed only in a text that holds at least one dictionary term, and never when
//! its noun is an ordinary counted noun ([`ORDINARY_NOUNS`]: 季节, 孩子, 小时…).

use std::sync::OnceLock;

use regex::Regex;

const NUMBER: &str = "(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)";

fn patterns() -> &'static [Regex; 3] {
    static RES: OnceLock<[Regex; 3]> = OnceLock::new();
    RES.get_or_init(|| {
        let quoted = format!(r#"["“‘']((?i:{NUMBER})[ -][A-Za-z][A-Za-z'’ -]{{1,60}}?)["”’']"#);
        let capital = format!(r"\b({NUMBER}(?:[ -][A-Z][a-z]+){{1,3}}(?: and {NUMBER}(?:[ -][A-Z][a-z]+){{1,3}})?)\b");
        let chinese = r#"[“"「『]([一二两三四五六七八九十百]+[个項项大种條条位]?\p{Han}{1,6})[”"」』]|((?:两|兩|三|四|五|六|七|八|九|十)(?:个|個)\p{Han}{2})"#;
        [Regex::new(&quoted).unwrap(), Regex::new(&capital).unwrap(), Regex::new(chinese).unwrap()]
    })
}

/// Ordinary nouns that follow a number and 个 in everyday Chinese: 四个季节 is not a formula.
pub const ORDINARY_NOUNS: &[&str] = &[
    "季节", "孩子", "小时", "星期", "礼拜", "月份", "学生", "朋友", "同学", "房间", "城市", "国家",
    "省份", "苹果", "鸡蛋", "字母", "汉字", "单词", "问题", "例子", "办法", "选择", "选项", "步骤",
    "部分", "阶段", "女儿", "儿子", "兄弟", "姐妹", "家庭", "村子", "人员", "队员", "球队", "座位",
    "窗口", "文件", "版本", "数字", "故事", "晚上", "早上", "上午", "下午", "周末", "时辰", "方向",
];

/// Is the candidate starting at byte `start` of `text` an unquoted Chinese one (两个X)?
pub fn is_bare_chinese(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    let before = text[..start].chars().next_back();
    first.is_some_and(|c| "两兩三四五六七八九十".contains(c))
        && !before.is_some_and(|c| "\"“「『".contains(c))
}

fn ordinary(text: &str, (s, e): (usize, usize)) -> bool {
    let t = &text[s..e];
    ORDINARY_NOUNS.iter().any(|n| t.ends_with(n)) && is_bare_chinese(text, s)
}

/// Every candidate as a byte range of `text` (group 1 or 2 of each pattern), in text order,
/// overlapping ones merged to the first.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for re in patterns() {
        for caps in re.captures_iter(text) {
            if let Some(m) = caps.get(1).or_else(|| caps.get(2)) {
                if !ordinary(text, (m.start(), m.end())) {
                    out.push((m.start(), m.end()));
                }
            }
        }
    }
    out.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last() {
            Some(&(_, le)) if s < le => {}
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, expected candidate texts)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "quoted_english",
            "the so-called “four comprehensives” line",
            &["four comprehensives"],
        ),
        (
            "capitalized",
            "study the Three Stricts and Three Earnests now",
            &["Three Stricts and Three Earnests"],
        ),
        ("chinese_plain", "落实两个确立的要求", &["两个确立"]),
        ("chinese_quoted", "“三个代表”重要思想", &["三个代表"]),
        ("ordinary_english", "two cats and three dogs", &[]),
        ("ordinary_counted_noun", "一年有四个季节", &[]),
    ];

    #[test]
    fn table() {
        for (name, text, want) in CASES {
            let got: Vec<&str> = find(text).into_iter().map(|(s, e)| &text[s..e]).collect();
            assert_eq!(&got, want, "case {name}");
        }
    }
}
