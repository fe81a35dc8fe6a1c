//! Actors: recognition (lexicon, patterns, user entries), merging and ranking, on texts written
//! for these tests and on the project's sample article.

use newslens::{parse, parse_with, Actor, Article, Options};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/actors");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("should read {path}: {e}"))
}

/// The actor that an expectation describes, by canonical name or by name.
fn find<'a>(article: &'a Article, expect: &Value) -> Option<&'a Actor> {
    let canonical = expect["canonical"].as_str();
    let name = expect["name"].as_str();
    article.actors.iter().find(|a| {
        canonical.is_some_and(|c| a.canonical.as_deref() == Some(c))
            || name.is_some_and(|n| a.name == n)
    })
}

fn names_of(article: &Article) -> Vec<String> {
    article
        .actors
        .iter()
        .map(|a| format!("{} ({:?}, {})", a.name, a.canonical, a.kind.name()))
        .collect()
}

fn is_named(actor: &Actor, s: &str) -> bool {
    actor.name == s || actor.canonical.as_deref() == Some(s) || actor.aliases.iter().any(|x| x == s)
}

#[test]
fn rules_hold_on_written_texts() {
    let cases: Value = serde_json::from_str(&read(&format!("{FIXTURES}/rules.json")))
        .expect("rules.json should be valid JSON");
    for case in cases.as_array().expect("rules.json should hold a list") {
        let rule = case["rule"].as_str().unwrap_or("?");
        if rule.starts_with("tagger:") && !cfg!(feature = "tagger") {
            continue; // the learned tagger's rules, in a build without it
        }
        let text = case["text"].as_str().expect("each case should have a text");
        let options: Options = match case.get("options") {
            Some(o) => serde_json::from_value(o.clone()).expect("options should parse"),
            None => Options::default(),
        };
        let article = parse_with(text, &options);
        for expect in case["expect"].as_array().into_iter().flatten() {
            let actor = find(&article, expect).unwrap_or_else(|| {
                panic!(
                    "{rule}: should find {expect}; found {:?}",
                    names_of(&article)
                )
            });
            assert_eq!(
                actor.kind.name(),
                expect["kind"].as_str().unwrap(),
                "{rule}: {} should have kind {}",
                actor.name,
                expect["kind"]
            );
            if let Some(n) = expect["mentions"].as_u64() {
                assert_eq!(
                    actor.mentions.len() as u64,
                    n,
                    "{rule}: {} should have {n} mentions, has {:?}",
                    actor.name,
                    actor.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
                );
            }
        }
        for absent in case["absent"].as_array().into_iter().flatten() {
            let absent = absent.as_str().unwrap();
            assert!(
                !article.actors.iter().any(|a| is_named(a, absent)),
                "{rule}: should not list {absent}; found {:?}",
                names_of(&article)
            );
        }
    }
}

#[test]
fn sample_article_actors_match_the_expected_file() {
    let expected: Value = serde_json::from_str(&read(&format!("{FIXTURES}/sample.expected.json")))
        .expect("sample.expected.json should be valid JSON");
    let input = expected["input"].as_str().unwrap();
    let text = read(&format!("{}/{input}", env!("CARGO_MANIFEST_DIR")));
    let article = parse(&text);
    for (i, top) in expected["top"].as_array().unwrap().iter().enumerate() {
        let canonical = top["canonical"].as_str().unwrap();
        let rank = article
            .actors
            .iter()
            .position(|a| a.canonical.as_deref() == Some(canonical));
        assert!(
            rank.is_some_and(|r| r < 4),
            "{canonical} should rank in the top 4 (expected place {}), found order {:?}",
            i + 1,
            names_of(&article)
        );
    }
    for expect in expected["actors"].as_array().unwrap() {
        let actor = find(&article, expect)
            .unwrap_or_else(|| panic!("should list {expect}; found {:?}", names_of(&article)));
        assert_eq!(
            actor.kind.name(),
            expect["kind"],
            "{} should have the right kind",
            actor.name
        );
        assert_eq!(
            actor.name, expect["name"],
            "should name the actor by its fullest form"
        );
        for alias in expect["aliases"].as_array().unwrap() {
            let alias = alias.as_str().unwrap();
            assert!(
                actor.aliases.iter().any(|a| a == alias),
                "{} should have alias {alias}, has {:?}",
                actor.name,
                actor.aliases
            );
        }
    }
    for absent in expected["absent"].as_array().unwrap() {
        let absent = absent.as_str().unwrap();
        assert!(
            !article.actors.iter().any(|a| is_named(a, absent)),
            "should not list {absent} from the read-also line"
        );
    }
    let mut seen = std::collections::HashSet::new();
    for a in &article.actors {
        if let Some(c) = &a.canonical {
            assert!(seen.insert(c.clone()), "should list {c} only once");
        }
    }
}

#[test]
fn lexicon_tables_parse_with_the_expected_columns() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon");
    let expected_columns = [
        ("countries.tsv", 6),
        ("cities.tsv", 6),
        ("india.tsv", 6),
        ("regions.tsv", 6),
        ("organizations.tsv", 6),
        ("people.tsv", 6),
        ("titles.tsv", 2),
        ("suffixes.tsv", 4),
        ("hi_common.tsv", 1),
        ("en_common.tsv", 1),
        ("en_words.tsv", 1),
        ("surnames.tsv", 2),
        ("given_names.tsv", 1),
        ("classifiers.tsv", 2),
        ("initials.tsv", 1),
    ];
    let kinds = ["person", "country", "organization", "place", "group"];
    for (file, columns) in expected_columns {
        let text = read(&format!("{dir}/{file}"));
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        #[allow(clippy::disallowed_methods)] // not in the wasm
        let header = header.join("\n").to_lowercase();
        assert!(
            header.contains("source") && header.contains("licence"),
            "{file} should say its source and licence in its header"
        );
        assert!(
            header.contains("regenerate") || header.contains("not generated"),
            "{file} should say how to regenerate it or that it is curated"
        );
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        assert!(rows.len() > 10, "{file} should have rows");
        for row in rows {
            let cols: Vec<&str> = row.split('\t').collect();
            assert_eq!(
                cols.len(),
                columns,
                "{file}: row {row:?} should have {columns} columns"
            );
            assert!(
                !cols[0].trim().is_empty(),
                "{file}: row {row:?} should name something"
            );
            if columns == 6 {
                assert!(
                    kinds.contains(&cols[1]),
                    "{file}: row {row:?} should have a known kind"
                );
                assert!(
                    cols[2].is_empty() || cols[2].starts_with('Q'),
                    "{file}: row {row:?} should have a Wikidata id or none"
                );
                assert!(!cols[3].is_empty(), "{file}: row {row:?} should have names");
            }
        }
    }
}

#[test]
fn read_also_lines_name_no_actors() {
    let text = "खबर का शीर्षक\nरूस ने कहा कि बातचीत जारी रहेगी.\nयह भी पढ़ें: ट्रंप ने मेक्सिको पर टैरिफ लगाया";
    let article = parse(text);
    assert!(
        !article
            .actors
            .iter()
            .any(|a| is_named(a, "Donald Trump") || is_named(a, "Mexico")),
        "should not take actors from a read-also line, found {:?}",
        names_of(&article)
    );
}

#[test]
fn an_actor_the_story_keeps_returning_to_outranks_a_passing_speaker() {
    let text = "बाढ़ से हालात खराब\nकई दिनों से बारिश हो रही है और नदियां उफान पर हैं।\n\
                प्रवक्ता कमल दास ने कहा, \"हम हर गांव तक मदद भेज रहे हैं।\"\n\
                गुवाहाटी में कई सड़कें बंद हैं।\nगुवाहाटी के स्कूल भी बंद कर दिए गए हैं।\n\
                गुवाहाटी में सेना तैनात है।\nगुवाहाटी से राहत सामग्री भेजी जा रही है।\n\
                गुवाहाटी के अस्पतालों में भीड़ है।\n";
    let article = parse(text);
    let rank = |name: &str| article.actors.iter().position(|a| a.name == name);
    let (place, person) = (rank("गुवाहाटी"), rank("कमल दास"));
    assert!(
        place.is_some() && person.is_some(),
        "should find both actors; found {:?}",
        names_of(&article)
    );
    assert!(
        place < person,
        "should rank a place named in five paragraphs above a person quoted once; found {:?}",
        names_of(&article)
    );
}

#[test]
fn an_actor_named_only_by_a_generic_word_ranks_below_named_actors() {
    let text = "कराची में नया मामला\nकराची में एक व्यक्ति संक्रमित पाया गया। पाकिस्तान में अब तक पांच मामले \
                सामने आए हैं।\nविभाग ने कहा, \"सभी संपर्कों को अलग कर दिया गया है।\"\n\
                पाकिस्तान सरकार ने हवाई अड्डों पर जांच बढ़ा दी है।\n";
    let article = parse(text);
    let rank = |name: &str| article.actors.iter().position(|a| a.name == name);
    let generic = rank("विभाग");
    let named = rank("पाकिस्तान");
    assert!(
        named.is_some(),
        "should find Pakistan; found {:?}",
        names_of(&article)
    );
    assert!(
        generic.is_none() || named < generic,
        "should rank a named country above a department named only by a generic word; found {:?}",
        names_of(&article)
    );
}
