//! The learner's language: the guide's glossary page lists the catalogue's glossary, term for
//! term; the Korean pictures draw every letter their words use.

use std::path::Path;

use scratchnet::text::glossary::GLOSSARY;

/// The glossary as the guide's table: English, the Korean edition's word, the variants ruled out.
fn glossary_table() -> String {
    let mut table = String::from(
        "| English | 한국어 (the Korean edition's word) | not | where |\n| --- | --- | --- | --- |\n",
    );
    for term in GLOSSARY {
        table.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            term.en,
            term.ko,
            term.avoid.join(", "),
            term.note
        ));
    }
    table
}

#[test]
fn the_guide_lists_the_glossary_term_for_term() {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("guide/src/korean.md"))
            .unwrap();
    let table = page
        .split("<!-- the glossary, from crates/book/src/text/glossary.rs -->\n")
        .nth(1)
        .and_then(|rest| rest.split("\n<!-- end of the glossary -->").next())
        .expect("guide/src/korean.md has the glossary between its markers");
    assert_eq!(
        table,
        glossary_table().trim_end(),
        "guide/src/korean.md's glossary differs from the catalogue's: the table should be\n{}",
        glossary_table()
    );
}

/// Every letter of every Korean text a picture draws is in the embedded Hangul font, so a
/// Korean PNG never draws an empty box. The figures' own check refuses a title with a letter
/// the font lacks.
#[test]
fn korean_pictures_have_every_letter_and_refuse_one_they_lack() {
    use scratchnet::Landscape;
    use scratchnet::plot::plot_descent;
    use scratchnet::text::Lang;

    let run = Landscape::Sphere.descend(&[-3.0, 4.0], 0.1, 20).unwrap();
    for text in scratchnet::text::pictures::ALL {
        // each picture text as a title: drawn as PNG, its letters are checked against the font
        let title = text.ko.replace(['{', '}'], "");
        plot_descent(Landscape::Sphere, std::slice::from_ref(&run), &title)
            .unwrap()
            .in_lang(Lang::Ko)
            .png()
            .unwrap_or_else(|e| panic!("{}: {e}", text.key));
    }
    // 똠 (U+B620) is not among the 2,350 syllables of KS X 1001
    let err = plot_descent(Landscape::Sphere, std::slice::from_ref(&run), "똠방각하")
        .unwrap()
        .in_lang(Lang::Ko)
        .png()
        .unwrap_err()
        .to_string();
    assert!(err.contains("'똠'") && err.contains(".svg"), "{err}");
    // the same title in English draws with DejaVu Sans, and in SVG with the viewer's fonts
    let svg = plot_descent(Landscape::Sphere, &[run], "똠방각하")
        .unwrap()
        .in_lang(Lang::Ko)
        .svg()
        .unwrap();
    assert!(svg.contains("똠방각하") && svg.contains("반복할 때마다의 f(x)"));
}
