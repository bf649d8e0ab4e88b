//! `parse_with` on an arbitrary string with arbitrary options (strict mode, size limit, extra
//! agencies): a typed error that agrees with the options, or an article whose span invariants
//! hold (`depeche_fuzz::check_result`).

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    text: &'a str,
    strict: bool,
    /// `None`: the default limit; `Some(n)`: a limit of `n` bytes (often below the input size).
    max_bytes: Option<u16>,
    /// Agencies added to the built-in table (canonical name, aliases).
    agencies: Vec<(&'a str, Vec<&'a str>)>,
    /// Start from an empty agency table instead of the built-in one.
    empty_table: bool,
}

fuzz_target!(|input: Input<'_>| {
    let mut table = if input.empty_table {
        depeche::AgencyTable::empty()
    } else {
        depeche::AgencyTable::default()
    };
    for (canonical, aliases) in &input.agencies {
        table.insert(canonical, aliases.iter().copied());
    }
    let mut options = depeche::ParseOptions::default()
        .strict(input.strict)
        .agencies(table);
    if let Some(n) = input.max_bytes {
        options = options.max_bytes(usize::from(n));
    }
    let result = depeche::parse_with(input.text, &options);
    if let Err(broken) = depeche_fuzz::check_result(input.text, &result, &options) {
        panic!("{broken}\ninput: {:?}", input.text);
    }
});
