//! `parse_bytes` on arbitrary bytes: a typed error that agrees with the input, or an article
//! whose span invariants hold (`depeche_fuzz::check_bytes`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = depeche::ParseOptions::default();
    if let Err(broken) = depeche_fuzz::check_bytes(data, &options) {
        panic!("{broken}");
    }
});
