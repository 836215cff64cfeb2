//! Headless tests of the real game plugins: no window, no renderer. The app is driven through
//! its update loop with simulated key presses and button activations.
#![cfg(feature = "gui")]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::ui_widgets::Activate;
use rehearse::game::content::Content;
use rehearse::game::play::{Finished, Play, SaveState, Trainee};
use rehearse::game::{Launch, Screen, headless_app};
use rehearse::records::{DbSpec, Mode, Store};

fn launch(scenarios: &Path, data: &Path) -> Launch {
    Launch {
        scenarios: scenarios.to_path_buf(),
        db: DbSpec::Sqlite(data.join("rehearse.db")),
        key_file: Some(data.join("rehearse.key")),
        trainee: None,
        scenario: None,
        mode: Mode::Practice,
        seed: Some(1),
        lang: rehearse::l10n::Lang::En,
        languages: data.join("languages.txt"),
    }
}

/// Update until `done` holds (up to 20 s of wall time: the asset server loads on threads).
fn update_until(app: &mut App, what: &str, done: impl Fn(&mut App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
        app.update();
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn press(app: &mut App, code: KeyCode, key: Key) {
    app.world_mut().write_message(KeyboardInput {
        key_code: code,
        logical_key: key,
        state: ButtonState::Pressed,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
    app.update();
}

/// Put a name into the sign-in screen's name field, as typing (or an input method) would. The
/// field is Bevy's `EditableText`, whose key and input-method handling needs a window: the real
/// typing is tested in `tests/window.rs`.
fn fill_name(app: &mut App, name: &str) {
    let mut q = app.world_mut().query::<&mut bevy::text::EditableText>();
    let mut field = q.single_mut(app.world_mut()).expect("the sign-in screen's name field");
    field.editor_mut().set_text(name);
    app.update();
}

fn type_text(app: &mut App, words: &str) {
    for c in words.chars() {
        let key = if c == ' ' { Key::Space } else { Key::Character(c.to_string().into()) };
        press(app, KeyCode::KeyA, key);
    }
}

/// Every text on screen, joined.
fn screen_text(app: &mut App) -> String {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world()).map(|t| t.0.as_str()).collect::<Vec<_>>().join("\n")
}

/// Activate the button carrying `action` (like a click or Enter on it).
fn activate<A: Component + PartialEq + std::fmt::Debug>(app: &mut App, action: &A) {
    let mut q = app.world_mut().query::<(Entity, &A)>();
    let found = q.iter(app.world()).find(|(_, a)| *a == action).map(|(e, _)| e);
    let entity = found.unwrap_or_else(|| panic!("no button {action:?} on {:?}", screen(app)));
    app.world_mut().trigger(Activate { entity });
    app.update();
    app.update();
}

fn ready(app: &mut App) {
    update_until(app, "the library to load", |a| a.world().resource::<Content>().ready());
}

#[test]
fn sign_in_pick_play_and_debrief_with_keys_and_clicks() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = headless_app(launch(&common::scenarios_dir(), data.path()));
    ready(&mut app);
    assert_eq!(screen(&app), Screen::SignIn);
    assert!(screen_text(&mut app).contains("Who is practising?"));

    fill_name(&mut app, "Ana P");
    assert_eq!(app.world().resource::<rehearse::game::screens::Typed>().0, "Ana P");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Picker);
    assert_eq!(app.world().resource::<Trainee>().name, "Ana P");
    let picker = screen_text(&mut app);
    assert!(
        picker.contains("The brakes are grinding again") && picker.contains("Your best: not played yet"),
        "{picker}"
    );

    activate(&mut app, &picker_open("angry_warranty", Mode::Practice));
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(screen_text(&mut app).contains("The customer: Mr. Dimitrov"));
    activate(&mut app, &rehearse::game::screens::BriefingAction::Start);
    assert_eq!(screen(&app), Screen::Conversation);

    // The customer's line is revealed at reading pace; Space shows all of it.
    press(&mut app, KeyCode::Space, Key::Space);
    app.update();
    let says = app.world().resource::<Play>().session.customer_says();
    assert!(screen_text(&mut app).contains(&says), "the whole line is shown after Space");
    // Best path for seed 1: `rehearse analyze angry_warranty --seed 1`.
    let best = [3, 2, 3, 1, 4, 3, 2, 2, 2, 1, 2, 3];
    for (turn, option) in best.iter().enumerate() {
        let key = [KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3, KeyCode::Digit4][option - 1];
        press(&mut app, KeyCode::Space, Key::Space);
        app.update();
        press(&mut app, key, Key::Character(option.to_string().into()));
        app.update();
        let play = app.world().resource::<Play>();
        assert_eq!(usize::from(play.session.turn()), turn + 1, "turn {} was taken by key {option}", turn + 1);
        assert_eq!(usize::from(play.session.transcript().turns[turn].option), *option);
        let shown = screen_text(&mut app);
        assert!(shown.contains(&format!("Turn {}", turn + 2)) || play_finished(&app), "{shown}");
    }
    assert!(play_finished(&app));
    // The notes panel shows the fact the trainee learned.
    assert!(screen_text(&mut app).contains("Not our work"), "{}", screen_text(&mut app));
    activate(&mut app, &rehearse::game::screens::ConversationAction::Debrief);
    assert_eq!(screen(&app), Screen::Debrief);
    let debrief = screen_text(&mut app);
    assert!(debrief.contains("Total 100/100"), "{debrief}");
    assert!(debrief.contains("Listening: 100/100") && debrief.contains("KEPT"), "{debrief}");
    update_until(&mut app, "the background save", |a| a.world().resource::<Finished>().saved != SaveState::Saving);
    assert!(screen_text(&mut app).contains("Saved as session #1"), "the debrief says so once saved");
    let finished = app.world().resource::<Finished>();
    assert_eq!(finished.card.total, 100.0);
    assert!(matches!(&finished.saved, SaveState::Saved(words) if words.starts_with("Saved as session #1")));
    let stored = Store::open(&DbSpec::Sqlite(data.path().join("rehearse.db"))).and_then(|mut s| s.records(None));
    let stored = stored.expect("the store reads back");
    assert_eq!(stored.len(), 1);
    let game = &stored[0].record;
    assert_eq!(game.choices.iter().map(|c| usize::from(c.0)).collect::<Vec<_>>(), best);
    assert!(game.choices.iter().all(|c| c.1.is_some()), "the game times every reply");
    // Reads back exactly as the game built it (but for the clock reading at the end).
    assert_eq!(game.played, rehearse::records::Played::Window, "played live in the window");
    let mut built = finished.play.record(&finished.card).played(rehearse::records::Played::Window);
    built.finished_at = game.finished_at;
    assert_eq!(game, &built);

    // The same session played through the CLI is saved with the same content.
    let cli_db = data.path().join("cli.db");
    let list = best.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
    let run = common::rehearse(&[
        "play",
        "angry_warranty",
        "--seed",
        "1",
        "--trainee",
        "Ana P",
        "--choices",
        &list,
        "--db",
        cli_db.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("Saved as session #1"), "{}", run.stderr);
    let cli = Store::open(&DbSpec::Sqlite(cli_db)).and_then(|mut s| s.records(None)).expect("cli store");
    let cli = &cli[0].record;
    let same = |r: &rehearse::records::Record| {
        let options: Vec<u16> = r.choices.iter().map(|c| c.0).collect();
        (r.trainee.clone(), r.scenario.clone(), r.version.clone(), r.mode, r.seed, options, r.verdicts.clone())
    };
    assert_eq!(same(cli), same(game));
    assert_eq!(cli.played, rehearse::records::Played::Scripted, "--choices is scripted play");
    assert_eq!(
        (cli.total, &cli.categories, cli.outcome, &cli.ending),
        (game.total, &game.categories, game.outcome, &game.ending)
    );

    // The leaderboard shows the month (a practice session ranks nobody) and the trainee's history.
    activate(&mut app, &rehearse::game::screens::DebriefAction::Picker);
    assert_eq!(screen(&app), Screen::Picker);
    update_until(&mut app, "the sessions read in the background", |a| {
        screen_text(a).contains("Your best: 100/100 (practice)")
    });
    activate(&mut app, &rehearse::game::screens::PickerAction::Leaderboard);
    assert_eq!(screen(&app), Screen::Leaderboard);
    update_until(&mut app, "the leaderboard", |a| !screen_text(a).contains("Loading"));
    let board = screen_text(&mut app);
    assert!(board.contains("Nobody is ranked yet this month"), "{board}");
    assert!(
        board.contains("Your sessions, Ana P")
            && board.contains("The brakes are grinding again   practice   100/100   retained"),
        "the history names the scenario by its title: {board}"
    );
}

fn play_finished(app: &App) -> bool {
    app.world().get_resource::<Play>().is_some_and(|p| p.session.is_finished())
}

fn picker_open(id: &str, mode: Mode) -> rehearse::game::screens::PickerAction {
    rehearse::game::screens::PickerAction::Open(id.to_string(), mode)
}

#[test]
fn practice_mode_shows_the_rules_a_reply_broke() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut l = launch(&common::scenarios_dir(), data.path());
    l.trainee = Some("Bo".into());
    l.scenario = Some("angry_warranty".into());
    let mut app = headless_app(l);
    update_until(&mut app, "the briefing", |a| screen(a) == Screen::Briefing);
    activate(&mut app, &rehearse::game::screens::BriefingAction::Start);
    press(&mut app, KeyCode::Space, Key::Space);
    // Option 4 argues with the customer before listening.
    press(&mut app, KeyCode::Digit4, Key::Character("4".into()));
    app.update();
    let text = screen_text(&mut app);
    assert!(text.contains("BROKE: "), "{text}");
    assert!(text.contains("Tip: "), "{text}");
    let play = app.world().resource::<Play>();
    assert!(play.feedback.iter().any(|f| f.verdict == rehearse::score::Verdict::Fail));
}

/// A small library (the rulebook, angry_warranty and budget_customer, which defines the facts
/// the rulebook names) in a temporary folder.
fn small_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in ["rulebook.ron", "angry_warranty.scenario.ron", "budget_customer.scenario.ron"] {
        std::fs::copy(common::scenarios_dir().join(f), dir.path().join(f)).expect("copy");
    }
    dir
}

/// The game on `library`, signed in as "Cy" and showing the picker.
fn at_the_picker(library: &Path, data: &Path) -> App {
    let mut l = launch(library, data);
    l.trainee = Some("Cy".into());
    let mut app = headless_app(l);
    ready(&mut app);
    update_until(&mut app, "the picker", |a| screen(a) == Screen::Picker);
    app
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_until_fixed() {
    let dir = small_library();
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = at_the_picker(dir.path(), data.path());
    let file = dir.path().join("angry_warranty.scenario.ron");
    let good = std::fs::read_to_string(&file).expect("read");
    let generation = app.world().resource::<Content>().generation;

    // Break it: a misspelt field on line 2.
    std::fs::write(&file, good.replacen("title:", "titel:", 1)).expect("write");
    update_until(&mut app, "the broken file to reload", |a| {
        let c = a.world().resource::<Content>();
        c.generation > generation && !c.errors.is_empty()
    });
    let content = app.world().resource::<Content>();
    let lib = content.library.as_ref().expect("library");
    let kept = lib.entries.iter().find(|e| e.scenario.id == "angry_warranty").expect("the last good version stays");
    assert_eq!(kept.scenario.title, "The brakes are grinding again");
    assert!(lib.is_stale(&file));
    let overlay: Vec<String> = content.errors.iter().map(|d| d.to_string()).collect();
    assert!(overlay.iter().any(|d| d.contains("angry_warranty.scenario.ron:") && d.contains("titel")), "{overlay:?}");
    app.update();
    let text = screen_text(&mut app);
    assert!(text.contains("error(s) in the scenario files") && text.contains("titel"), "{text}");
    assert!(text.contains("playing the last good version"), "{text}");

    // Fix it with a new title: the new version replaces the old one and the overlay goes.
    let generation = app.world().resource::<Content>().generation;
    std::fs::write(&file, good.replacen("The brakes are grinding again", "The brakes grind again", 1)).expect("write");
    update_until(&mut app, "the fixed file to reload", |a| {
        let c = a.world().resource::<Content>();
        c.generation > generation && c.errors.is_empty()
    });
    app.update();
    let content = app.world().resource::<Content>();
    assert!(content.errors.is_empty(), "{:?}", content.errors);
    let lib = content.library.as_ref().expect("library");
    assert!(lib.entries.iter().any(|e| e.scenario.title == "The brakes grind again"));
    let text = screen_text(&mut app);
    assert!(text.contains("The brakes grind again") && !text.contains("error(s) in the scenario files"), "{text}");

    // A scenario file added while the game runs appears on the picker.
    std::fs::copy(
        common::scenarios_dir().join("after_hours.scenario.ron"),
        dir.path().join("after_hours.scenario.ron"),
    )
    .expect("copy");
    update_until(&mut app, "the new file to appear", |a| {
        let c = a.world().resource::<Content>();
        c.library.as_ref().is_some_and(|l| l.entries.iter().any(|e| e.scenario.id == "after_hours"))
    });
    app.update();
    assert!(screen_text(&mut app).contains("Can somebody wait for me?"));
}

#[test]
fn an_empty_folder_and_a_broken_scenario_do_not_panic() {
    let empty = tempfile::tempdir().expect("tempdir");
    let data = tempfile::tempdir().expect("tempdir");
    let mut l = launch(empty.path(), data.path());
    l.trainee = Some("Di".into());
    let mut app = headless_app(l);
    ready(&mut app);
    update_until(&mut app, "the picker", |a| screen(a) == Screen::Picker);
    for _ in 0..5 {
        app.update();
    }
    let text = screen_text(&mut app);
    assert!(text.contains("rulebook"), "the picker says what is missing: {text}");

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(common::scenarios_dir().join("rulebook.ron"), dir.path().join("rulebook.ron")).expect("copy");
    std::fs::write(dir.path().join("bad.scenario.ron"), "(id: \"bad\", title: 3)").expect("write");
    let mut l = launch(dir.path(), data.path());
    l.trainee = Some("Di".into());
    let mut app = headless_app(l);
    ready(&mut app);
    update_until(&mut app, "the picker", |a| screen(a) == Screen::Picker);
    app.update();
    let text = screen_text(&mut app);
    assert!(text.contains("Cannot be played") && text.contains("bad.scenario.ron:1:"), "{text}");
    assert!(!text.contains("Practice\n"), "a broken scenario has no play buttons: {text}");
}

#[test]
fn the_sign_in_screen_says_when_the_database_cannot_be_read() {
    let data = tempfile::tempdir().expect("tempdir");
    // Not a database: the list of trainees cannot be read, and the screen says so instead of
    // claiming nobody has practised.
    std::fs::write(data.path().join("rehearse.db"), "this is not a database, just text ".repeat(200)).unwrap();
    let mut app = headless_app(launch(&common::scenarios_dir(), data.path()));
    ready(&mut app);
    assert_eq!(screen(&app), Screen::SignIn);
    let text = screen_text(&mut app);
    assert!(text.contains("The list of trainees cannot be read:"), "{text}");
    assert!(!text.contains("No one has practised here yet."), "{text}");
}

/// A roster trainee types their PIN on the PIN screen (dots, not digits); a wrong one is refused
/// with the tries left; the right one opens the picker with assessments, assigned scenarios and
/// progress. A name off the roster signs in for practice only.
#[test]
fn a_roster_trainee_signs_in_with_a_pin_and_a_guest_only_practises() {
    let data = tempfile::tempdir().expect("tempdir");
    let l = launch(&common::scenarios_dir(), data.path());
    {
        let mut store = Store::open(&l.db).unwrap();
        let pin = rehearse::records::Pin::parse("2468").unwrap();
        rehearse::records::roster::add(&mut store, "Ana", &pin).unwrap();
        let month = rehearse::records::Month::now().to_string();
        store.assign(&month, &["angry_warranty".to_string()]).unwrap();
    }
    let mut app = headless_app(l);
    ready(&mut app);
    fill_name(&mut app, "ana");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Pin);
    type_text(&mut app, "1111");
    assert!(screen_text(&mut app).contains("••••|") && !screen_text(&mut app).contains("1111"));
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Pin);
    assert!(screen_text(&mut app).contains("Wrong PIN (2 more before a pause)."), "{}", screen_text(&mut app));
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Picker);
    let me = app.world().resource::<Trainee>().clone();
    assert_eq!(me.name, "Ana");
    assert!(me.may_be_assessed());
    update_until(&mut app, "the trainee's progress", |a| screen_text(a).contains("This month's assessments"));
    let picker = screen_text(&mut app);
    assert!(picker.contains("This month's assessments: 0 of 1 done"), "{picker}");
    assert!(picker.contains("Assigned this month: not assessed yet."), "{picker}");
    activate(&mut app, &picker_open("angry_warranty", Mode::Assessment));
    assert_eq!(screen(&app), Screen::Briefing);

    // Sign out; a guest sees no assessment button and is told why.
    for _ in 0..3 {
        if screen(&app) != Screen::SignIn {
            press(&mut app, KeyCode::Escape, Key::Escape);
            app.update();
        }
    }
    assert_eq!(screen(&app), Screen::SignIn);
    fill_name(&mut app, "Walk-in");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Picker);
    assert!(!app.world().resource::<Trainee>().may_be_assessed());
    assert!(screen_text(&mut app).contains("Assessments are for trainees on the roster"));
    let mut q = app.world_mut().query::<&rehearse::game::screens::PickerAction>();
    let assessment =
        q.iter(app.world()).any(|a| matches!(a, rehearse::game::screens::PickerAction::Open(_, Mode::Assessment)));
    assert!(!assessment, "no assessment button for a guest");
}

/// A save that waits for a locked database runs off the main thread: the app keeps updating,
/// the debrief says "Saving…", and once the lock is released the session is stored.
#[test]
fn a_save_under_a_locked_database_does_not_stop_the_game() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut l = launch(&common::scenarios_dir(), data.path());
    l.trainee = Some("Bo".into());
    let db = data.path().join("rehearse.db");
    Store::open(&DbSpec::Sqlite(db.clone())).unwrap();
    let mut app = headless_app(l);
    ready(&mut app);
    update_until(&mut app, "the picker", |a| screen(a) == Screen::Picker);
    activate(&mut app, &picker_open("angry_warranty", Mode::Practice));
    activate(&mut app, &rehearse::game::screens::BriefingAction::Start);
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    for option in [3, 2, 3, 1, 4, 3, 2, 2, 2, 1, 2, 3] {
        app.world_mut().write_message(rehearse::game::screens::ChooseOption(option));
        app.update();
    }
    activate(&mut app, &rehearse::game::screens::ConversationAction::Debrief);
    for _ in 0..10 {
        app.update();
    }
    // A save on the main thread would have waited out the lock (5 s) inside the first of these
    // updates and ended in a recovery file; in the background it is still waiting.
    assert_eq!(app.world().resource::<Finished>().saved, SaveState::Saving);
    assert!(screen_text(&mut app).contains("Saving…"), "{}", screen_text(&mut app));
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    update_until(&mut app, "the save", |a| a.world().resource::<Finished>().saved != SaveState::Saving);
    assert!(matches!(&app.world().resource::<Finished>().saved, SaveState::Saved(_)));
    assert_eq!(Store::open(&DbSpec::Sqlite(db)).unwrap().records(None).unwrap().len(), 1);

    // "Replay with the best path shown" searches on the compute pool, then opens the briefing.
    activate(&mut app, &rehearse::game::screens::DebriefAction::ReplayBest);
    update_until(&mut app, "the best-path search", |a| screen(a) == Screen::Briefing);
    let selected = app.world().resource::<rehearse::game::play::Selected>();
    assert_eq!(selected.mode, Mode::Practice);
    assert_eq!(selected.guide.as_deref(), Some(&[3, 2, 3, 1, 4, 3, 2, 2, 2, 1, 2, 3][..]));
}

/// The language switch on the sign-in screen: the screen redraws in the language chosen (the
/// name typed stays), the trainee plays in it, and their choice is remembered for the next
/// sign-in on this station; someone else gets the language the station started in.
#[test]
fn the_sign_in_language_switch_is_remembered_per_trainee() {
    use rehearse::game::screens::SignInAction;
    use rehearse::l10n::{Lang, Messages};
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = headless_app(launch(&common::scenarios_dir(), data.path()));
    ready(&mut app);
    let ro = Messages::new(Lang::Ro);
    fill_name(&mut app, "Ana P");
    activate(&mut app, &SignInAction::Language(Lang::Ro));
    assert_eq!(screen(&app), Screen::SignIn);
    let shown = screen_text(&mut app);
    assert!(shown.contains(&ro.get("sign-in-who")) && !shown.contains("Who is practising?"), "{shown}");
    assert_eq!(app.world().resource::<rehearse::game::screens::Typed>().0, "Ana P", "the name stays");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Picker);
    let picker = screen_text(&mut app);
    assert!(picker.contains(&ro.with("picker-hello", &[("name", "Ana P".into())])), "{picker}");
    assert!(picker.contains("Frânele scrâșnesc din nou"), "the scenario's title in Romanian: {picker}");

    // Back to English for someone else, then Ana signs in again without touching the switch.
    activate(&mut app, &rehearse::game::screens::PickerAction::SignOut);
    activate(&mut app, &SignInAction::Language(Lang::En));
    fill_name(&mut app, "Walk-in");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert!(screen_text(&mut app).contains("Choose a conversation"), "{}", screen_text(&mut app));
    activate(&mut app, &rehearse::game::screens::PickerAction::SignOut);
    fill_name(&mut app, "ana p");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(app.world().resource::<rehearse::game::Locale>().lang(), Lang::Ro, "her language is remembered");
    assert!(screen_text(&mut app).contains(&ro.with("picker-hello", &[("name", "ana p".into())])));
}

/// In practice, a line or reply whose translation is missing shows in English with a mark for
/// the trainer; the rest is in the trainee's language.
#[test]
fn practice_marks_a_reply_shown_in_english_for_want_of_a_translation() {
    use rehearse::l10n::{Lang, Messages, po};
    let data = tempfile::tempdir().expect("tempdir");
    let library = tempfile::tempdir().expect("tempdir");
    common::copy_dir(&common::scenarios_dir(), library.path());
    let path = rehearse::l10n::check::po_path(library.path(), Lang::Ro, "angry_warranty");
    let mut file = po::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file.entries.retain(|e| e.context != "arrival.hello");
    std::fs::write(&path, po::write(&file)).unwrap();
    let mut launch = launch(library.path(), data.path());
    launch.lang = Lang::Ro;
    let mut app = headless_app(launch);
    ready(&mut app);
    fill_name(&mut app, "Ana P");
    press(&mut app, KeyCode::Enter, Key::Enter);
    app.update();
    activate(&mut app, &picker_open("angry_warranty", Mode::Practice));
    activate(&mut app, &rehearse::game::screens::BriefingAction::Start);
    assert_eq!(screen(&app), Screen::Conversation);
    press(&mut app, KeyCode::Space, Key::Space);
    app.update();
    app.update();
    let shown = screen_text(&mut app);
    let mark = Messages::new(Lang::Ro).get("conversation-untranslated");
    assert!(shown.contains(&format!("Hello, how can I help you today? {mark}")), "{shown}");
    assert_eq!(shown.matches(mark.as_str()).count(), 1, "only the untranslated reply is marked: {shown}");
    assert!(shown.contains("Andrei"), "the other replies are in Romanian: {shown}");
}

/// A translation edited while the game runs: a PO syntax error shows in the overlay with its
/// line and column, the language falls back to English meanwhile, and the fix lands live.
#[test]
fn a_broken_translation_edit_shows_its_position_and_the_fix_lands_live() {
    use rehearse::l10n::{Lang, po};
    let dir = small_library();
    let path = rehearse::l10n::check::po_path(dir.path(), Lang::Bs, "angry_warranty");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let good =
        std::fs::read_to_string(rehearse::l10n::check::po_path(&common::scenarios_dir(), Lang::Bs, "angry_warranty"))
            .unwrap();
    std::fs::write(&path, &good).unwrap();
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = at_the_picker(dir.path(), data.path());
    let generation = app.world().resource::<Content>().generation;

    // An unclosed string on the title's msgstr line.
    let title_line = good.lines().position(|l| l == "msgctxt \"title\"").unwrap() + 3;
    let broken: Vec<String> = good
        .lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == title_line { l.trim_end_matches('"').to_string() } else { l.to_string() })
        .collect();
    std::fs::write(&path, broken.join("\n")).unwrap();
    update_until(&mut app, "the broken translation to reload", |a| {
        let c = a.world().resource::<Content>();
        c.generation > generation && !c.errors.is_empty()
    });
    let content = app.world().resource::<Content>();
    let shown: Vec<String> = content.errors.iter().map(|d| d.to_string()).collect();
    let at = format!("angry_warranty.po:{title_line}:8: error: the string is not closed");
    assert!(shown.iter().any(|d| d.contains(&at)), "{shown:?}");
    let lib = content.library.as_ref().expect("library");
    let entry = lib.find("angry_warranty").unwrap();
    assert_eq!(
        lib.localized(&entry, Lang::Bs).entry.scenario.title,
        "The brakes are grinding again",
        "English meanwhile"
    );

    // Fixed: the overlay clears and the Bosnian title is back.
    let generation = app.world().resource::<Content>().generation;
    std::fs::write(&path, &good).unwrap();
    update_until(&mut app, "the fixed translation to reload", |a| {
        let c = a.world().resource::<Content>();
        c.generation > generation && c.errors.is_empty()
    });
    let content = app.world().resource::<Content>();
    let lib = content.library.as_ref().expect("library");
    let bosnian = po::parse(&good).unwrap().entries.into_iter().find(|e| e.context == "title").unwrap().translation;
    assert_eq!(lib.localized(&lib.find("angry_warranty").unwrap(), Lang::Bs).entry.scenario.title, bosnian);
}
