//! xAPI export: statement contents, and sending to a real Learning Record Store (ralph, which
//! `.ci/run` starts on loopback: `$REHEARSE_TEST_LRS`), idempotently, with nothing lost when
//! the LRS is down or refuses.

mod common;
mod dbs;
mod support_records;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

use rehearse::records::{Key, Mode, Record, Store};
use serde_json::Value;
use support_records::played;

fn key() -> Key {
    Key::from_secret(b"trainer secret")
}

/// Run `rehearse` on `db` as the trainer (the key the records were saved with).
fn run(db: &dbs::TestDb, args: &[&str], env: &[(&str, &str)]) -> common::Run {
    let file = db.key_file();
    std::fs::write(&file, "trainer secret\n").unwrap();
    let (file, db_arg) = (file.display().to_string(), db.arg());
    let mut all = args.to_vec();
    all.extend(["--db", &db_arg, "--key-file", &file]);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rehearse"));
    cmd.args(&all).current_dir(env!("CARGO_MANIFEST_DIR")).env("REHEARSE_DATA", common::data_dir());
    for var in ["REHEARSE_LRS", "REHEARSE_LRS_USER", "REHEARSE_LRS_PASSWORD", "REHEARSE_HOME_PAGE", "REHEARSE_KEY"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("rehearse runs");
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `count` sessions this month by a trainee no other test run uses (statement ids come from the
/// records' MACs, and the CI's LRS outlives a test run).
fn save_sessions(db: &dbs::TestDb, count: usize) -> Vec<Record> {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let who = format!("Ana {}-{nanos}", std::process::id());
    let (base, version) = played(&who, Mode::Assessment);
    let now = rehearse::records::now_ms();
    let records: Vec<Record> = (0..count)
        .map(|i| {
            let mut r = base.clone();
            r.total = 200.0 / 3.0;
            r.finished_at = now - 1000 * (count - i) as i64;
            r.started_at = r.finished_at - 192_400;
            r
        })
        .collect();
    let items: Vec<_> = records.iter().map(|r| (r.clone(), version.clone())).collect();
    Store::open(&db.spec).unwrap().save_all(&items, &key()).unwrap();
    records
}

fn export_json(db: &dbs::TestDb, env: &[(&str, &str)]) -> Vec<Value> {
    let out = run(db, &["export", "xapi"], env);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str::<Value>(&out.stdout).expect("a JSON array").as_array().unwrap().clone()
}

#[test]
fn statements_have_stable_v5_ids_titles_scores_rules_and_choices() {
    let db = dbs::sqlite();
    let records = save_sessions(&db, 2);
    let first = export_json(&db, &[("REHEARSE_HOME_PAGE", "https://lms.example.org/")]);
    let again = export_json(&db, &[("REHEARSE_HOME_PAGE", "https://lms.example.org")]);
    assert_eq!(first, again, "the same records give the same statements");
    let s = &first[0];
    let id = uuid::Uuid::parse_str(s["id"].as_str().unwrap()).unwrap();
    let registration = uuid::Uuid::parse_str(s["context"]["registration"].as_str().unwrap()).unwrap();
    assert_eq!((id.get_version_num(), registration.get_version_num()), (5, 5));
    assert_ne!(id, registration);
    assert_ne!(first[0]["id"], first[1]["id"], "one id per session");
    assert_ne!(first[0]["context"]["registration"], first[1]["context"]["registration"]);
    assert_eq!(s["result"]["score"]["scaled"], 0.6667, "rounded to 4 places");
    assert_eq!(s["object"]["id"], "https://lms.example.org/scenarios/angry_warranty");
    assert_eq!(s["object"]["definition"]["name"]["en-US"], "The brakes are grinding again");
    assert!(s["object"]["definition"]["description"]["en-US"].as_str().unwrap().contains("front brakes"));
    assert_eq!(s["actor"]["account"]["homePage"], "https://lms.example.org");
    assert_eq!(s["actor"]["name"], records[0].trainee.as_str());
    let ext = &s["result"]["extensions"];
    assert_eq!(ext["urn:rehearse:xapi:categories"]["listening"], serde_json::json!(records[0].categories["listening"]));
    assert_eq!(ext["urn:rehearse:xapi:choices"].as_array().unwrap().len(), records[0].choices.len());
    assert_eq!(ext["urn:rehearse:xapi:choices"][0]["option"], serde_json::json!(records[0].choices[0].0));
    let broken: Vec<&str> = records[0]
        .verdicts
        .iter()
        .filter(|v| v.verdict == rehearse::score::Verdict::Fail)
        .map(|v| v.rule.as_str())
        .collect();
    assert_eq!(ext["urn:rehearse:xapi:rules-broken"], serde_json::json!(broken));
    let bad = run(&db, &["export", "xapi", "--home-page", "lms.example.org"], &[]);
    assert!(bad.code == 2 && bad.stderr.contains("http:// or https://"), "{}", bad.stderr);
}

fn lrs() -> (String, String, String) {
    let url = std::env::var("REHEARSE_TEST_LRS").unwrap_or_else(|_| {
        panic!(
            "the LRS tests need a Learning Record Store: `.ci/lrs` starts ralph on loopback; then set \
             REHEARSE_TEST_LRS=http://127.0.0.1:8100/xAPI REHEARSE_TEST_LRS_USER=rehearse REHEARSE_TEST_LRS_PASSWORD=rehearse"
        )
    });
    let user = std::env::var("REHEARSE_TEST_LRS_USER").unwrap_or_default();
    let password = std::env::var("REHEARSE_TEST_LRS_PASSWORD").unwrap_or_default();
    (url, user, password)
}

/// The statement the LRS holds under `id`.
fn fetch(url: &str, user: &str, password: &str, id: &str) -> Value {
    use base64::Engine;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    let mut answer = ureq::get(&format!("{url}/statements?statementId={id}"))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Authorization", &format!("Basic {auth}"))
        .call()
        .expect("the LRS answers");
    let held: Value = serde_json::from_str(&answer.body_mut().read_to_string().unwrap()).unwrap();
    // xAPI answers a statementId query with the statement; ralph wraps it in a result list.
    match held.get("statements") {
        Some(list) => list[0].clone(),
        None => held,
    }
}

#[test]
fn a_real_lrs_stores_each_statement_once_in_batches() {
    let (url, user, password) = lrs();
    let db = dbs::sqlite();
    save_sessions(&db, 120);
    let ids: Vec<String> = export_json(&db, &[]).iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    let send =
        || run(&db, &["export", "xapi", "--lrs", &url, "--user", &user], &[("REHEARSE_LRS_PASSWORD", &password)]);
    let out = send();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("in 2 batch(es): 120 new, 0 already there"), "{}", out.stdout);
    let out = send();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("0 new, 120 already there"), "a second send changes nothing: {}", out.stdout);
    for id in [&ids[0], &ids[119]] {
        let held = fetch(&url, &user, &password, id);
        assert_eq!(held["id"], id.as_str());
        assert_eq!(held["result"]["score"]["scaled"], 0.6667);
        assert_eq!(held["object"]["definition"]["name"]["en-US"], "The brakes are grinding again");
    }
}

/// A one-shot HTTP server that answers `status` with `body`; returns its URL and, once a request
/// came, the request's head.
fn fake_lrs(status: &str, body: &'static str) -> (String, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/xAPI", listener.local_addr().unwrap());
    let status = status.to_string();
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = String::new();
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push_str(&line);
        }
        let mut request_body = vec![0; length];
        reader.read_exact(&mut request_body).unwrap();
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        head
    });
    (url, handle)
}

#[test]
fn an_lrs_that_is_down_or_refuses_loses_nothing_and_a_later_send_works() {
    let (url, user, password) = lrs();
    let db = dbs::sqlite();
    save_sessions(&db, 3);
    let before = Store::open(&db.spec).unwrap().records(None).unwrap();

    // Down: nothing listens on the port.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let down = run(&db, &["export", "xapi", "--lrs", &format!("http://127.0.0.1:{port}/xAPI")], &[]);
    assert_eq!(down.code, 1);
    assert!(down.stderr.contains("cannot reach the LRS") && down.stderr.contains("nothing is lost"), "{}", down.stderr);

    // Refuses: 400 with the LRS's own reason, which the message repeats.
    let (fake, request) = fake_lrs("400 Bad Request", r#"{"detail": "statement 0: result.score.raw out of range"}"#);
    let refused = run(&db, &["export", "xapi", "--lrs", &fake, "--user", "lms", "--password", "pw"], &[]);
    let head = request.join().unwrap();
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("refused batch 1 with 400"), "{}", refused.stderr);
    assert!(refused.stderr.contains("result.score.raw out of range"), "{}", refused.stderr);
    assert!(head.starts_with("POST /xAPI/statements "), "{head}");
    let head = head.to_ascii_lowercase();
    assert!(head.contains("x-experience-api-version: 1.0.3"), "{head}");
    assert!(head.contains("authorization: basic bg1zonb3"), "basic auth of lms:pw: {head}");

    assert_eq!(Store::open(&db.spec).unwrap().records(None).unwrap(), before, "the records are untouched");
    // After recovery the same command sends everything.
    let out = run(&db, &["export", "xapi", "--lrs", &url, "--user", &user, "--password", &password], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("3 new, 0 already there"), "{}", out.stdout);
    let wrong = run(&db, &["export", "xapi", "--lrs", &url, "--user", &user, "--password", "not-it"], &[]);
    assert!(wrong.code == 1 && wrong.stderr.contains("did not accept the user and password"), "{}", wrong.stderr);
}
