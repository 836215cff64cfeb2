//! Bad input never panics: thousands of mangled versions of the shipped files load into
//! diagnostics, each naming the file, and a position whenever the parser can give one.

mod common;

use std::path::Path;

use rehearse::rules::Rulebook;

/// A small deterministic generator (so a failure reproduces).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn mangle(text: &str, rng: &mut Lcg) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    match rng.next(5) {
        0 => {
            let at = rng.next(chars.len());
            chars.remove(at);
        }
        1 => {
            let at = rng.next(chars.len());
            chars.insert(at, ['(', ')', '"', ',', ':', '[', ']', '{', 'x', '9'][rng.next(10)]);
        }
        2 => chars.truncate(rng.next(chars.len())),
        3 => {
            // Swap two lines.
            let mut lines: Vec<&str> = text.lines().collect();
            let (a, b) = (rng.next(lines.len()), rng.next(lines.len()));
            lines.swap(a, b);
            return lines.join("\n");
        }
        _ => {
            // Replace an id-like string with another one from the file.
            let quoted: Vec<&str> = text.split('"').skip(1).step_by(2).collect();
            let (from, to) = (quoted[rng.next(quoted.len())], quoted[rng.next(quoted.len())]);
            return text.replacen(&format!("\"{from}\""), &format!("\"{to}\""), 1);
        }
    }
    chars.into_iter().collect()
}

fn rulebook() -> Rulebook {
    let file = common::scenarios_dir().join("rulebook.ron");
    rehearse::rules::load(&file, &std::fs::read_to_string(&file).unwrap()).0.unwrap()
}

#[test]
fn mangled_scenarios_give_diagnostics_never_panics() {
    let book = rulebook();
    let file = common::scenarios_dir().join("angry_warranty.scenario.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut rng = Lcg(7);
    let mut rejected = 0;
    for _ in 0..1500 {
        let bad = mangle(&text, &mut rng);
        let (scenario, diags) = rehearse::scenario::load(Path::new("x.scenario.ron"), &bad, &book);
        if scenario.is_none() {
            rejected += 1;
            assert!(diags.iter().any(|d| d.is_error()), "rejected without an error");
            for d in &diags {
                assert_eq!(d.file, Path::new("x.scenario.ron"));
                let shown = d.to_string();
                assert!(shown.starts_with("x.scenario.ron:"), "{shown}");
            }
        }
    }
    assert!(rejected > 500, "most mutations are caught ({rejected} of 1500)");
}

#[test]
fn mangled_rulebooks_give_diagnostics_never_panics() {
    let file = common::scenarios_dir().join("rulebook.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut rng = Lcg(11);
    let mut rejected = 0;
    for _ in 0..1000 {
        let bad = mangle(&text, &mut rng);
        let (book, diags) = rehearse::rules::load(Path::new("r.ron"), &bad);
        if book.is_none() {
            rejected += 1;
            assert!(diags.iter().any(|d| d.is_error()), "rejected without an error");
        }
        for d in &diags {
            assert!(d.to_string().starts_with("r.ron:"), "every diagnostic names the file: {d}");
        }
    }
    assert!(rejected > 300, "most mutations are caught ({rejected} of 1000)");
}

#[test]
fn syntax_errors_always_carry_a_position() {
    let book = rulebook();
    let text = std::fs::read_to_string(common::scenarios_dir().join("angry_warranty.scenario.ron")).unwrap();
    for cut in (1..text.len()).step_by(997).filter(|&c| text.is_char_boundary(c)) {
        let (s, diags) = rehearse::scenario::load(Path::new("cut.ron"), &text[..cut], &book);
        assert!(s.is_none());
        assert!(diags[0].position.is_some(), "truncated at {cut}: {}", diags[0]);
    }
}
