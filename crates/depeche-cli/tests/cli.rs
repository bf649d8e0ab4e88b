//! End-to-end tests of the `depeche` binary on the real seeds of `../../seeds`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};
use tempfile::TempDir;

/// The seed with a Vietnam.vn header, a title and a `Source :` URL.
const SEED_VIETNAM_VN: &str = "000_a0290fbbf6effce8";
/// The seed with a title and no source URL.
const SEED_NO_URL: &str = "001_3aa7b4cd8e1f1c2b";

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seed(stem: &str) -> PathBuf {
    seeds_dir().join(format!("{stem}.txt"))
}

fn seed_text(stem: &str) -> String {
    fs::read_to_string(seed(stem)).expect("seed text")
}

fn expected(stem: &str) -> Value {
    let path = seeds_dir().join(format!("{stem}.expected.json"));
    serde_json::from_str(&fs::read_to_string(path).expect("expected json"))
        .expect("valid expected json")
}

/// The stems of every seed, sorted.
fn seed_stems() -> Vec<String> {
    let mut stems: Vec<String> = fs::read_dir(seeds_dir())
        .expect("seeds dir")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".txt").map(str::to_owned)
        })
        .collect();
    stems.sort();
    assert!(stems.len() >= 2, "the seeds are missing");
    stems
}

fn depeche() -> Command {
    Command::cargo_bin("depeche").expect("the depeche binary")
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The JSON record the CLI prints for one text file alone.
fn single_record(path: &Path) -> Value {
    let output = depeche().arg("parse").arg(path).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).expect("pretty JSON")
}

fn without_path(mut record: Value) -> Value {
    record.as_object_mut().expect("an object").remove("path");
    record
}

#[test]
fn one_file_prints_the_pretty_article_record() {
    let output = depeche()
        .arg("parse")
        .arg(seed(SEED_VIETNAM_VN))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        stderr_of(&output),
        "",
        "nothing on stderr for one good file"
    );
    let stdout = stdout_of(&output);
    assert!(
        stdout.starts_with("{\n  \"site\""),
        "pretty, contract key order: {stdout}"
    );
    let record: Value = serde_json::from_str(&stdout).unwrap();
    let want = expected(SEED_VIETNAM_VN);
    assert_eq!(record["title"], want["title"]);
    assert_eq!(record["source_url"], want["source_url"]);
    assert!(
        record.get("path").is_none(),
        "a single document is the bare record"
    );
    for key in [
        "site",
        "lede",
        "byline",
        "date",
        "category",
        "credits",
        "agencies",
        "body",
        "boilerplate",
    ] {
        assert!(record.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn a_directory_prints_a_json_array_with_paths_in_sorted_order() {
    let output = depeche().arg("parse").arg(seeds_dir()).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stems = seed_stems();
    assert_eq!(
        stderr_of(&output),
        format!("{} parsed, 0 failed\n", stems.len())
    );
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("one JSON array");
    assert_eq!(
        records.len(),
        stems.len(),
        "*.expected.json files are not inputs"
    );
    for (record, stem) in records.iter().zip(&stems) {
        let path = record["path"].as_str().expect("a path key");
        assert!(path.ends_with(&format!("{stem}.txt")), "{path} for {stem}");
        assert_eq!(without_path(record.clone()), single_record(&seed(stem)));
    }
}

#[test]
fn jsonl_prints_one_compact_record_per_document_with_its_path() {
    let output = depeche()
        .args(["parse", "--jsonl"])
        .arg(seeds_dir())
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = stdout_of(&output);
    let records = json_lines(&stdout);
    let stems = seed_stems();
    assert_eq!(records.len(), stems.len());
    for line in stdout.lines() {
        assert!(line.starts_with("{\"path\":\""), "path comes first: {line}");
    }
    for (record, stem) in records.iter().zip(&stems) {
        assert!(
            record["path"]
                .as_str()
                .unwrap()
                .ends_with(&format!("{stem}.txt"))
        );
        assert_eq!(record["title"], expected(stem)["title"], "{stem}");
    }
}

#[test]
fn several_files_keep_the_command_line_order() {
    let (a, b) = (seed(SEED_NO_URL), seed(SEED_VIETNAM_VN));
    let output = depeche()
        .args(["parse", "--jsonl"])
        .arg(&a)
        .arg(&b)
        .arg(&a)
        .output()
        .unwrap();
    assert!(output.status.success());
    let paths: Vec<String> = json_lines(&stdout_of(&output))
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_owned())
        .collect();
    let names: Vec<String> = [&a, &b, &a]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(paths, names);
}

/// Write a JSONL corpus of seed texts: (id, seed stem, url) per row, plus a blank line.
fn write_corpus(dir: &TempDir) -> PathBuf {
    let rows = [
        json!({"id": 1, "text": seed_text(SEED_NO_URL), "url": "https://example.org/un", "lang": "fr"}),
        json!({"id": "deux", "text": seed_text(SEED_VIETNAM_VN), "url": "https://example.org/deux"}),
        json!({"text": seed_text(SEED_NO_URL)}),
    ];
    let mut corpus = String::new();
    for (i, row) in rows.iter().enumerate() {
        corpus.push_str(&row.to_string());
        corpus.push('\n');
        if i == 0 {
            corpus.push('\n');
        }
    }
    let path = dir.path().join("corpus.jsonl");
    fs::write(&path, corpus).unwrap();
    path
}

#[test]
fn a_jsonl_corpus_passes_id_and_url_through_and_fills_source_url() {
    let dir = TempDir::new().unwrap();
    let corpus = write_corpus(&dir);
    let output = depeche()
        .args(["parse", "--jsonl", "--input-format", "jsonl"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "3 parsed, 0 failed\n");
    let records = json_lines(&stdout_of(&output));
    assert_eq!(records.len(), 3);
    let name = corpus.display().to_string();

    let first = &records[0];
    assert_eq!(first["path"], name.as_str());
    assert_eq!(first["line"], 1);
    assert_eq!(first["id"], 1);
    assert_eq!(first["url"], "https://example.org/un");
    assert_eq!(
        first["source_url"], "https://example.org/un",
        "the row's url fills source_url"
    );
    assert_eq!(first["title"], expected(SEED_NO_URL)["title"]);
    assert!(
        first.get("lang").is_none(),
        "only id and url are passed through"
    );

    let second = &records[1];
    assert_eq!(second["line"], 3, "line numbers count the blank line");
    assert_eq!(second["id"], "deux");
    assert_eq!(second["url"], "https://example.org/deux");
    assert_eq!(
        second["source_url"],
        expected(SEED_VIETNAM_VN)["source_url"],
        "the text's own Source: URL wins over the row's url"
    );

    let third = &records[2];
    assert_eq!(third["line"], 4);
    assert!(third.get("id").is_none() && third.get("url").is_none());
    assert_eq!(third["source_url"], Value::Null);

    // The record of a row is the record of the same text read as a file, plus the row's keys.
    let mut alone = single_record(&seed(SEED_NO_URL));
    alone["source_url"] = json!("https://example.org/un");
    let mut row = first.clone();
    for key in ["path", "line", "id", "url"] {
        row.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(row, alone);
}

#[test]
fn jsonl_files_are_recognized_by_name_and_printed_as_an_array_by_default() {
    let dir = TempDir::new().unwrap();
    let corpus = write_corpus(&dir);
    let output = depeche().arg("parse").arg(&corpus).output().unwrap();
    assert!(output.status.success());
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("a JSON array");
    let ids: Vec<&Value> = records.iter().map(|r| &r["id"]).collect();
    assert_eq!(ids, [&json!(1), &json!("deux"), &Value::Null]);
}

#[test]
fn bad_jsonl_rows_are_reported_with_file_and_line_and_the_good_rows_still_printed() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(
        json!({"id": 1, "text": seed_text(SEED_NO_URL)})
            .to_string()
            .as_bytes(),
    );
    bytes.extend_from_slice(
        b"\nnot json\n{\"text\": 3}\n{\"url\": \"https://example.org\"}\n{\"text\": \"   \"}\n",
    );
    bytes.extend_from_slice(b"{\"text\": \"caf\xe9\"}\n");
    bytes.extend_from_slice(b"[\"an array is no row\"]\n");
    bytes.extend_from_slice(
        json!({"id": 7, "text": seed_text(SEED_VIETNAM_VN)})
            .to_string()
            .as_bytes(),
    );
    fs::write(&corpus, &bytes).unwrap();
    let offset_of_bad_byte = bytes.iter().position(|&b| b == 0xe9).unwrap();

    let output = depeche()
        .args(["parse", "--jsonl"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let ids: Vec<Value> = json_lines(&stdout_of(&output))
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, [json!(1), json!(7)]);
    let name = corpus.display();
    let stderr = stderr_of(&output);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("depeche: {name}:2: invalid JSON: expected ident (column 2)").as_str(),
            format!("depeche: {name}:3: invalid JSONL row: invalid type: integer `3`, expected a string (column 10)")
                .as_str(),
            format!("depeche: {name}:4: invalid JSONL row: missing field `text` (column 30)").as_str(),
            format!("depeche: {name}:5: empty input: no text in 3 bytes").as_str(),
            format!("depeche: {name}:6: invalid UTF-8 at byte offset {offset_of_bad_byte} (line 6)").as_str(),
            format!("depeche: {name}:7: invalid JSONL row: expected a JSON object with a \"text\" string field (column 1)")
                .as_str(),
            "2 parsed, 6 failed",
        ]
    );
}

#[test]
fn render_markdown_prints_the_clean_article() {
    let output = depeche()
        .args(["parse", "--render", "markdown"])
        .arg(seed(SEED_VIETNAM_VN))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = stdout_of(&output);
    let title = expected(SEED_VIETNAM_VN)["title"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(stdout.starts_with(&format!("# {title}\n")), "{stdout}");
    assert!(
        stdout.contains(
            expected(SEED_VIETNAM_VN)["first_body_paragraph"]
                .as_str()
                .unwrap()
        )
    );
    assert!(!stdout.contains("Comment (0)"), "chrome is removed");
    assert!(!stdout.contains("\"title\""), "not JSON");
    assert!(stdout.ends_with('\n'));
}

#[test]
fn render_text_prints_the_clean_article() {
    let output = depeche()
        .args(["parse", "--render", "text"])
        .arg(seed(SEED_NO_URL))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = stdout_of(&output);
    let title = expected(SEED_NO_URL)["title"].as_str().unwrap().to_owned();
    assert_eq!(stdout.lines().next(), Some(title.as_str()));
    assert!(!stdout.contains("# "), "no Markdown");
    assert!(stdout.ends_with('\n'));

    // `--format`, the name FORMAT.md uses, is an alias of `--render`.
    depeche()
        .args(["parse", "--format", "text"])
        .arg(seed(SEED_NO_URL))
        .assert()
        .success()
        .stdout(stdout);
}

#[test]
fn several_rendered_documents_are_separated_by_headers_naming_them() {
    let (a, b) = (seed(SEED_VIETNAM_VN), seed(SEED_NO_URL));
    let text = depeche()
        .args(["parse", "--render", "text"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(text.status.success());
    let stdout = stdout_of(&text);
    let header_a = format!("==> {} <==\n", a.display());
    let header_b = format!("\n\n==> {} <==\n", b.display());
    assert!(stdout.starts_with(&header_a), "{stdout}");
    assert_eq!(stdout.matches("==> ").count(), 2);
    assert!(
        stdout.contains(&header_b),
        "a blank line, then the next header"
    );

    let markdown = depeche()
        .args(["parse", "--render", "markdown"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let stdout = stdout_of(&markdown);
    assert!(
        stdout.starts_with(&format!("<!-- {} -->\n\n# ", a.display())),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("\n\n---\n\n<!-- {} -->\n\n# ", b.display())));
}

#[test]
fn bad_files_are_reported_and_the_good_files_of_the_batch_still_printed() {
    let dir = TempDir::new().unwrap();
    let bad_utf8 = dir.path().join("bad.txt");
    fs::write(&bad_utf8, b"Titre\nab\xffcd\n").unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b" \n\n").unwrap();
    let missing = dir.path().join("missing.txt");

    let output = depeche()
        .args(["parse", "--jsonl"])
        .arg(seed(SEED_VIETNAM_VN))
        .arg(&bad_utf8)
        .arg(&empty)
        .arg(&missing)
        .arg(seed(SEED_NO_URL))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let titles: Vec<Value> = json_lines(&stdout_of(&output))
        .iter()
        .map(|r| r["title"].clone())
        .collect();
    assert_eq!(
        titles,
        [
            expected(SEED_VIETNAM_VN)["title"].clone(),
            expected(SEED_NO_URL)["title"].clone()
        ]
    );
    assert_eq!(
        stderr_of(&output),
        format!(
            "depeche: {}: invalid UTF-8 at byte offset 8 (line 2)\n\
             depeche: {}: empty input: no text in 3 bytes\n\
             depeche: {}: cannot read: no such file or directory\n\
             2 parsed, 3 failed\n",
            bad_utf8.display(),
            empty.display(),
            missing.display()
        )
    );
}

#[test]
fn a_bad_single_file_prints_nothing_and_exits_1() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    depeche()
        .arg("parse")
        .arg(&empty)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "depeche: {}: empty input: no text in 0 bytes\n0 parsed, 1 failed\n",
            empty.display()
        ));
}

#[test]
fn a_failed_document_leaves_the_json_array_valid() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.txt");
    let output = depeche()
        .arg("parse")
        .arg(&missing)
        .arg(seed(SEED_NO_URL))
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("a valid array");
    assert_eq!(records.len(), 1);

    let output = depeche()
        .arg("parse")
        .arg(&missing)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(stdout_of(&output), "[\n]\n");
}

#[test]
fn inputs_over_max_bytes_fail_and_the_others_pass() {
    let stems = seed_stems();
    let limit = 3000;
    let small: Vec<&String> = stems
        .iter()
        .filter(|s| fs::metadata(seed(s)).unwrap().len() <= limit)
        .collect();
    assert!(
        !small.is_empty() && small.len() < stems.len(),
        "the seeds straddle the limit"
    );
    for max_bytes in ["3000", "3000B"] {
        let output = depeche()
            .args(["parse", "--jsonl", "--max-bytes", max_bytes])
            .arg(seeds_dir())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(json_lines(&stdout_of(&output)).len(), small.len());
        let stderr = stderr_of(&output);
        let big = seed(SEED_VIETNAM_VN);
        let len = fs::metadata(&big).unwrap().len();
        assert!(
            stderr.contains(&format!(
                "{}: input of {len} bytes is over the limit of 3000 bytes\n",
                big.display()
            )),
            "{stderr}"
        );
        assert!(stderr.ends_with(&format!(
            "{} parsed, {} failed\n",
            small.len(),
            stems.len() - small.len()
        )));
    }
    // On standard input too, where the size is not known up front.
    depeche()
        .args(["parse", "-", "--max-bytes", "1K"])
        .write_stdin(seed_text(SEED_VIETNAM_VN))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "depeche: -: input of 5431 bytes is over the limit of 1024 bytes",
        ));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let output = depeche()
        .args(["parse", "-"])
        .write_stdin(fs::read(seed(SEED_VIETNAM_VN)).unwrap())
        .output()
        .unwrap();
    assert!(output.status.success());
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record, single_record(&seed(SEED_VIETNAM_VN)));

    // With --jsonl, its path is `-`.
    let output = depeche()
        .args(["parse", "--jsonl", "-"])
        .write_stdin(seed_text(SEED_NO_URL))
        .output()
        .unwrap();
    assert_eq!(json_lines(&stdout_of(&output))[0]["path"], "-");
}

#[test]
fn stdin_can_be_a_jsonl_corpus() {
    let dir = TempDir::new().unwrap();
    let corpus = fs::read(write_corpus(&dir)).unwrap();
    let output = depeche()
        .args(["parse", "--jsonl", "--input-format", "jsonl", "-"])
        .write_stdin(corpus)
        .output()
        .unwrap();
    assert!(output.status.success());
    let records = json_lines(&stdout_of(&output));
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["path"], "-");
    assert_eq!(records[0]["source_url"], "https://example.org/un");
}

#[test]
fn invalid_utf8_on_stdin_reports_the_offset() {
    depeche()
        .args(["parse", "-"])
        .write_stdin(&b"Titre\n\nUn paragraphe \xc3( cass\xe9.\n"[..])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "depeche: -: invalid UTF-8 at byte offset 21 (line 3)\n",
        ));
}

#[test]
fn strict_mode_rejects_documents_without_a_body() {
    depeche()
        .args(["parse", "--strict", "-"])
        .write_stdin("Comment (0)\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "depeche: -: no body paragraph found",
        ));
    depeche()
        .args(["parse", "--strict"])
        .arg(seed(SEED_VIETNAM_VN))
        .assert()
        .success();
}

#[test]
fn output_goes_to_a_file_with_dash_o() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out.jsonl");
    depeche()
        .args(["parse", "--jsonl", "-o"])
        .arg(&out)
        .arg(seeds_dir())
        .assert()
        .success()
        .stdout("");
    let written = fs::read_to_string(&out).unwrap();
    assert_eq!(json_lines(&written).len(), seed_stems().len());
}

#[test]
fn directories_are_walked_recursively_in_sorted_order_for_the_chosen_extensions() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/sub")).unwrap();
    fs::create_dir_all(root.join(".hidden")).unwrap();
    let text = seed_text(SEED_NO_URL);
    for name in [
        "z.txt",
        "a.txt",
        "b/sub/c.txt",
        "b/a.txt",
        ".hidden/x.txt",
        "notes.md",
        "data.json",
    ] {
        fs::write(root.join(name), &text).unwrap();
    }
    let output = depeche()
        .args(["parse", "--jsonl"])
        .arg(root)
        .output()
        .unwrap();
    assert!(output.status.success());
    let paths: Vec<String> = json_lines(&stdout_of(&output))
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_owned())
        .collect();
    let want: Vec<String> = ["a.txt", "b/a.txt", "b/sub/c.txt", "z.txt"]
        .iter()
        .map(|n| root.join(n).display().to_string())
        .collect();
    assert_eq!(paths, want);

    let output = depeche()
        .args(["parse", "--jsonl", "--ext", "md", "--ext", "txt"])
        .arg(root.join("b"))
        .arg(root.join("notes.md"))
        .output()
        .unwrap();
    assert_eq!(json_lines(&stdout_of(&output)).len(), 3);

    // A directory with nothing to read is worth a warning, not a failure.
    let empty = root.join("b/sub/empty");
    fs::create_dir(&empty).unwrap();
    depeche()
        .arg("parse")
        .arg(&empty)
        .assert()
        .success()
        .stdout("[\n]\n")
        .stderr(
            predicate::str::contains("warning: ").and(predicate::str::contains("no *.txt file")),
        );
}

#[test]
fn large_batches_keep_the_input_order_whatever_the_thread_count() {
    // More files than one parallel chunk holds, so the chunking is exercised too.
    let dir = TempDir::new().unwrap();
    let stems = seed_stems();
    let count = 300;
    for i in 0..count {
        let stem = &stems[i % stems.len()];
        fs::copy(seed(stem), dir.path().join(format!("{i:04}.txt"))).unwrap();
    }
    let run = |jobs: &str| {
        let output = depeche()
            .args(["parse", "--jsonl", "--jobs", jobs])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(output.status.success());
        assert_eq!(
            stderr_of(&output),
            format!("{count} parsed, 0 failed\n"),
            "no progress bar off a terminal"
        );
        stdout_of(&output)
    };
    let parallel = run("4");
    assert_eq!(parallel, run("1"));
    let records = json_lines(&parallel);
    assert_eq!(records.len(), count);
    for (i, record) in records.iter().enumerate() {
        assert!(
            record["path"]
                .as_str()
                .unwrap()
                .ends_with(&format!("{i:04}.txt"))
        );
        assert_eq!(record["title"], expected(&stems[i % stems.len()])["title"]);
    }
}

#[test]
fn jsonl_cannot_be_combined_with_a_text_rendering() {
    depeche()
        .args(["parse", "--jsonl", "--render", "markdown"])
        .arg(seed(SEED_NO_URL))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--jsonl"));
}

#[test]
fn the_help_documents_the_inputs_and_the_output_shapes() {
    depeche()
        .args(["parse", "--help"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("--jsonl")
                .and(predicate::str::contains("--render"))
                .and(predicate::str::contains("--input-format"))
                .and(predicate::str::contains("--max-bytes"))
                .and(predicate::str::contains("JSON array"))
                .and(predicate::str::contains("N parsed, M failed")),
        );
    depeche()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("depeche "));
    depeche().assert().code(2);
}
