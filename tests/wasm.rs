//! The binding, run under node with wasm-bindgen-test (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, Uint32Array};
use tifa::wasm_api::Tifa;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn analyze_returns_a_plain_report_with_utf16_offsets() {
    let t = Tifa::new().unwrap();
    let text = "😀 the “two upholds” and 兩個確立";
    let report = t
        .analyze(JsValue::from_str(text), JsValue::UNDEFINED)
        .unwrap();
    let matches: Array = get(&report, "matches").dyn_into().unwrap();
    assert_eq!(matches.length(), 2);
    let first = matches.get(0);
    assert_eq!(get(&first, "id").as_string().unwrap(), "two-upholds");
    // 😀 is two UTF-16 units: "😀 the “" is 2 + 1 + 3 + 1 + 1 = 8 units.
    assert_eq!(get(&first, "start").as_f64().unwrap(), 8.0);
    assert_eq!(get(&first, "end").as_f64().unwrap(), 19.0);
    assert!(get(&first, "nested").is_array());
    assert_eq!(
        get(&matches.get(1), "text").as_string().unwrap(),
        "兩個確立"
    );
}

#[wasm_bindgen_test]
fn spans_is_a_flat_uint32_array() {
    let t = Tifa::new().unwrap();
    let spans: Vec<u32> = t
        .spans(JsValue::from_str("两个维护"), JsValue::UNDEFINED)
        .unwrap();
    let arr = Uint32Array::from(&spans[..]);
    assert_eq!(arr.length(), 3);
    assert_eq!((arr.get_index(0), arr.get_index(1)), (0, 4));
    let entries: Array = t.entries().unwrap().dyn_into().unwrap();
    let e = entries.get(arr.get_index(2));
    assert_eq!(get(&e, "id").as_string().unwrap(), "two-upholds");
}

#[wasm_bindgen_test]
fn entry_lookup() {
    let t = Tifa::new().unwrap();
    let e = t.entry(JsValue::from_str("two-upholds")).unwrap();
    assert_eq!(get(&e, "zh_hant").as_string().unwrap(), "兩個維護");
    assert!(t
        .entry(JsValue::from_str("no-such-entry"))
        .unwrap()
        .is_undefined());
    assert!(t.entry_count() >= 60);
}

#[wasm_bindgen_test]
fn custom_dictionary_errors_are_positioned_js_errors() {
    let err = match Tifa::with_dictionary("[[term]]\nid = \"x\"\nzh = \n", "mine.toml") {
        Ok(_) => panic!("accepted a malformed dictionary"),
        Err(e) => JsValue::from(e),
    };
    let err: js_sys::Error = err.dyn_into().expect("a real JS Error");
    let msg: String = err.message().into();
    assert!(msg.starts_with("mine.toml:3:"), "{msg}");
}

#[wasm_bindgen_test]
fn custom_dictionary_adds_terms() {
    let toml = "[[term]]\nid = \"my-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\nen = \"Three Tests\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n";
    let t = Tifa::with_dictionary(toml, "mine.toml").unwrap();
    let report = t
        .analyze(JsValue::from_str("the Three Tests"), JsValue::UNDEFINED)
        .unwrap();
    let matches: Array = get(&report, "matches").dyn_into().unwrap();
    assert_eq!(get(&matches.get(0), "id").as_string().unwrap(), "my-slogan");
    let only = Tifa::from_dictionary(toml, "mine.toml").unwrap();
    assert_eq!(only.entry_count(), 1);
}

/// Wrong argument types throw a `TypeError` naming the problem (they used to trap with
/// "memory access out of bounds").
#[wasm_bindgen_test]
fn wrong_types_throw_type_errors() {
    let t = Tifa::new().unwrap();
    let cases: [(&str, Result<JsValue, JsValue>); 4] = [
        (
            "number text",
            t.analyze(JsValue::from_f64(123.0), JsValue::UNDEFINED),
        ),
        (
            "object text",
            t.analyze(js_sys::Object::new().into(), JsValue::UNDEFINED),
        ),
        ("number id", t.entry(JsValue::from_f64(5.0))),
        ("bad sensitivity", {
            let o = js_sys::Object::new();
            Reflect::set(
                &o,
                &JsValue::from_str("sensitivity"),
                &JsValue::from_str("loose"),
            )
            .unwrap();
            t.analyze(JsValue::from_str("text"), o.into())
        }),
    ];
    for (name, result) in cases {
        let err = result.err().unwrap_or_else(|| panic!("{name}: accepted"));
        assert!(
            err.is_instance_of::<js_sys::TypeError>(),
            "{name}: not a TypeError"
        );
        let msg: String = err.dyn_into::<js_sys::Error>().unwrap().message().into();
        assert!(msg.starts_with("tifa: "), "{name}: {msg}");
    }
}

/// The sensitivity option and the document rule through the binding.
#[wasm_bindgen_test]
fn sensitivity_and_document_options() {
    let t = Tifa::new().unwrap();
    let text = JsValue::from_str("The core of the plan is simple.");
    let count = |opts: JsValue| {
        let r = t.analyze(text.clone(), opts).unwrap();
        get(&r, "matches").dyn_into::<Array>().unwrap().length()
    };
    let opts = |pairs: &[(&str, JsValue)]| {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
        }
        JsValue::from(o)
    };
    assert_eq!(count(JsValue::UNDEFINED), 0);
    assert_eq!(count(opts(&[("sensitivity", JsValue::from_str("all"))])), 1);
    assert_eq!(count(opts(&[("documentVouches", JsValue::TRUE)])), 1);
    assert!(t
        .document_vouches(JsValue::from_str("全面从严治党"))
        .unwrap());
    assert!(!t.document_vouches(text.clone()).unwrap());
}
