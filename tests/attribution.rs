//! Attribution: who said each quote, in Hindi and English — cue verbs before and after the
//! quote, roles, pronouns, headline forms — and the invariants every result keeps.
//!
//! Fixtures are shared with `tests/quotes.rs`: each expected quote names its speaker by a name
//! or alias of the actor it should point to (`null`: no speaker).

use newslens::{parse, Article};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn speaker_names(article: &Article) -> Vec<Option<Vec<String>>> {
    article
        .quotes
        .iter()
        .map(|q| {
            let id = q.speaker.as_ref()?;
            let actor = article.actors.iter().find(|a| &a.id == id)?;
            let mut names = vec![actor.name.clone()];
            names.extend(actor.aliases.iter().cloned());
            Some(names)
        })
        .collect()
}

#[test]
fn fixtures_give_their_speakers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("fixture folder should exist") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(path.with_extension("json")).unwrap())
                .unwrap();
        let article = parse(&text);
        let got = speaker_names(&article);
        let want = expected["quotes"].as_array().unwrap();
        assert_eq!(got.len(), want.len(), "{path:?}: should find every quote");
        for (g, w) in got.iter().zip(want) {
            match w["speaker"].as_str() {
                None => assert!(
                    g.is_none(),
                    "{path:?}: should leave {} without a speaker, got {g:?}",
                    w["text"]
                ),
                Some(name) => assert!(
                    g.as_ref()
                        .is_some_and(|names| names.iter().any(|n| n == name)),
                    "{path:?}: should attribute {} to {name}, got {g:?}",
                    w["text"]
                ),
            }
            checked += 1;
        }
    }
    assert!(checked > 10, "should check the fixtures' speakers");
}

const SAMPLE: &str = include_str!("../samples/sample-hi-russia-north-korea.txt");

#[test]
fn sample_quotes_go_to_russia_and_lavrov() {
    let article = parse(SAMPLE);
    let names = speaker_names(&article);
    assert_eq!(names.len(), 5, "should find the sample's five quotes");
    assert!(
        names[0]
            .as_ref()
            .is_some_and(|n| n.iter().any(|x| x == "रूस")),
        "should give the headline quote to रूस: {:?}",
        names[0]
    );
    let lavrov = |i: usize| {
        names[i]
            .as_ref()
            .is_some_and(|n| n.iter().any(|x| x.contains("लावरोव")))
    };
    assert!(lavrov(2), "should resolve उन्होंने to Lavrov: {:?}", names[2]);
    assert!(
        lavrov(3),
        "should resolve the role रूस के विदेश मंत्री to Lavrov: {:?}",
        names[3]
    );
    assert!(
        lavrov(4),
        "should give लावरोव ने कहा to Lavrov: {:?}",
        names[4]
    );
    assert_eq!(
        article.quotes[2].speaker, article.quotes[4].speaker,
        "should give the pronoun quote and the named quote the same actor"
    );
    assert_eq!(
        article.quotes[3].speaker, article.quotes[4].speaker,
        "should give the role quote and the named quote the same actor"
    );
    let role = &article.quotes[3];
    assert_eq!(
        role.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("रूस के विदेश मंत्री"),
        "should point the role quote's speaker mention at the role phrase"
    );
    assert_eq!(
        article.quotes[2]
            .speaker_mention
            .as_ref()
            .map(|m| m.text.as_str()),
        Some("उन्होंने"),
        "should point the pronoun quote's speaker mention at the pronoun"
    );
    assert_eq!(
        article.quotes[4].cue.as_ref().map(|m| m.text.as_str()),
        Some("कहा"),
        "should mark the speech verb as the cue"
    );
}

#[test]
fn speakers_are_valid_actors_with_counted_quotes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let mut texts: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension().is_some_and(|x| x == "txt")).then(|| fs::read_to_string(p).unwrap())
        })
        .collect();
    texts.push(SAMPLE.to_string());
    for text in texts {
        let article = parse(&text);
        for q in &article.quotes {
            if let Some(id) = &q.speaker {
                assert!(
                    article.actors.iter().any(|a| &a.id == id),
                    "should point every speaker at an actor in the list"
                );
            }
        }
        for a in &article.actors {
            let said = article
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref() == Some(&a.id))
                .count();
            assert_eq!(
                a.quote_count as usize, said,
                "should count each actor's quotes"
            );
            for pair in a.mentions.windows(2) {
                assert!(
                    pair[0].byte_end <= pair[1].byte_start,
                    "should keep an actor's mentions in order without overlaps"
                );
            }
        }
    }
}
