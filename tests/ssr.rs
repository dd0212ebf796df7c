//! Renders the widget with Yew's server renderer (no browser) and checks what a
//! reader would get before any script runs.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{render_props, text};

use full_stack::model::content::build_data;
use full_stack::model::{Config, QuestionIx, View, CONTENT};
use full_stack::view::AppProps;

async fn render(config: Config, notices: Vec<String>) -> String {
    render_props(AppProps { config, notices, ..AppProps::new(&CONTENT) }).await
}

#[tokio::test]
async fn shell_names_the_explainer_and_its_sources() {
    let html = render(Config::default(), vec![]).await;
    let t = text(&html);
    assert!(t.contains("Full Stack: China\u{2019}s industrial policy for AI"), "title missing");
    assert!(t.contains("Full Stack: China\u{2019}s Evolving Industrial Policy for AI"), "report title missing");
    assert!(t.contains("AI Policy Podcast"), "episode missing");
    assert!(t.contains("Not RAND\u{2019}s own figure"), "must not pass itself off as RAND's figure");
}

#[tokio::test]
async fn tabs_are_an_aria_tablist_with_one_selected() {
    let html = render(Config { view: View::Quiz, ..Config::default() }, vec![]).await;
    assert!(html.contains(r#"role="tablist""#));
    assert_eq!(html.matches(r#"role="tab""#).count(), View::ALL.len());
    assert_eq!(html.matches(r#"aria-selected="true""#).count(), 1);
    assert!(html.contains(r#"id="fs-tab-quiz" aria-selected="true""#), "the configured view's tab is selected");
    assert_eq!(html.matches(r#"role="tabpanel""#).count(), View::ALL.len());
    // Only the quiz panel is visible.
    assert!(html.contains(r#"id="fs-panel-chart" role="tabpanel" aria-labelledby="fs-tab-chart" tabindex="-1" hidden"#));
    assert!(!html.contains(r#"id="fs-panel-quiz" role="tabpanel" aria-labelledby="fs-tab-quiz" tabindex="-1" hidden"#));
}

#[tokio::test]
async fn chart_renders_every_layer_and_tool_from_the_content() {
    let html = render(Config::default(), vec![]).await;
    // Row headers hold a button named after the layer (details: tests/ssr_chart.rs).
    assert_eq!(html.matches(r#"<th scope="row""#).count(), CONTENT.layers.len());
    for l in CONTENT.layers.iter() {
        assert!(html.contains(&format!(">{}</button></th>", l.name)), "layer {} missing", l.id);
    }
    for t in CONTENT.tools.iter() {
        assert!(html.contains(&*t.short), "tool {} missing", t.id);
    }
    assert!(html.contains("<caption"), "the table has a caption");
    assert!(text(&html).contains("reconstruction after RAND"));
}

#[tokio::test]
async fn notices_are_text_never_markup() {
    let evil = "<img src=x onerror=alert(1)>".to_string();
    let html = render(Config::default(), vec![evil]).await;
    assert!(!html.contains("<img"), "a notice must not inject markup");
    assert!(html.contains("&lt;img"), "the notice is shown, escaped");
}

// ---------------------------------------------------------------------------
// The quiz, as served before any script runs
// ---------------------------------------------------------------------------

use full_stack::model::Route;

async fn render_route(route: Route) -> String {
    render_props(AppProps { route: Some(route), ..AppProps::new(&CONTENT) }).await
}

/// The quiz panel's markup (it is rendered, hidden, whatever the view).
fn quiz_panel(html: &str) -> &str {
    let start = html.find(r#"id="fs-panel-quiz""#).expect("the quiz panel");
    let end = html[start..].find(r#"id="fs-panel-timeline""#).map_or(html.len(), |e| start + e);
    &html[start..end]
}

/// The opening tag of the button labelled `label`.
fn button<'a>(html: &'a str, label: &str) -> &'a str {
    let end = html.find(&format!(">{label}</button>")).unwrap_or_else(|| panic!("no button {label:?}"));
    &html[html[..end].rfind("<button").expect("a button")..end]
}

/// The element structure: every tag name in order, without text or attributes (what
/// hydration needs to match).
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| t.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn the_page_rendered_with_the_default_config_holds_question_one_of_the_edition() {
    use full_stack::model::quiz::{option_order, pick, EDITION_SEED};
    use full_stack::model::QuizLength;
    let html = render(Config::default(), vec![]).await;
    let quiz = quiz_panel(&html);
    let data = build_data();
    let first = data.question(pick(data, QuizLength::Quick, EDITION_SEED)[0]).unwrap();
    let fieldset =
        &quiz[quiz.find("<fieldset").expect("question 1 is there")..quiz.find("</fieldset>").expect("closed")];
    assert!(text(fieldset).starts_with(&format!("Question 1 of 10{}", first.prompt)), "{}", text(fieldset));
    assert_eq!(fieldset.matches(r#"<label class="fs-option"><input"#).count(), 4);
    assert_eq!(fieldset.matches(r#"type="radio""#).count(), 4);
    assert!(!fieldset.contains("checked") && !fieldset.contains("disabled"), "nothing chosen, nothing locked");
    // The options in the edition's order.
    let t = text(fieldset);
    let at: Vec<usize> = option_order(EDITION_SEED, &first.id)
        .iter()
        .map(|o| t.find(&*first.options[*o as usize].text).expect("option"))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "options out of order: {at:?}");
    // Above it: what the quiz is, and the two lengths, the quick one pressed.
    let t = text(quiz);
    assert!(t.contains("How much do you remember from the episode?"));
    assert!(quiz.contains(r#"role="group" aria-label="Quiz length""#));
    assert!(button(quiz, "Quick quiz (10)").contains(r#"aria-pressed="true""#));
    assert!(button(quiz, &format!("All {} questions", data.questions.len())).contains(r#"aria-pressed="false""#));
    assert!(t.contains("0 of 10 answered"));
    assert!(t.contains("Check"));
    // The live region exists from the start, so later changes are announced.
    assert!(quiz.contains(r#"role="status" aria-live="polite""#));
    // Every reader gets the same question and the same structure (a second render in
    // this process only numbers its radio group differently).
    let again = render(Config::default(), vec![]).await;
    assert_eq!((text(&html), tags(&html)), (text(&again), tags(&again)));
}

#[tokio::test]
async fn the_full_quiz_starts_at_question_one_too_with_the_same_structure() {
    use full_stack::model::QuizLength;
    let default = render(Config::default(), vec![]).await;
    let full = render(Config { quiz: QuizLength::Full, ..Config::default() }, vec![]).await;
    let n = build_data().questions.len();
    let quiz = quiz_panel(&full);
    assert!(text(quiz).contains(&format!("Question 1 of {n}")));
    assert!(button(quiz, &format!("All {n} questions")).contains(r#"aria-pressed="true""#));
    assert!(button(quiz, "Quick quiz (10)").contains(r#"aria-pressed="false""#));
    // Only text and attributes differ: a page rendered with the default config hydrates.
    assert_ne!(quiz_panel(&default), quiz);
    assert_eq!(tags(quiz_panel(&default)), tags(quiz));
}

#[tokio::test]
async fn a_practice_question_is_a_fieldset_of_labelled_radios() {
    let qi = QuestionIx::at(3);
    let q = build_data().question(qi).unwrap();
    let html = render_route(Route::Quiz(Some(qi))).await;
    let quiz = &html[html.find(r#"id="fs-panel-quiz""#).expect("the quiz panel")..];
    let fieldset = &quiz[quiz.find("<fieldset").expect("a fieldset")..quiz.find("</fieldset>").expect("closed")];
    assert!(fieldset.contains("<legend"), "the fieldset has a legend");
    assert!(text(fieldset).contains(&format!("Practice question{}", q.prompt)), "legend names the question");
    assert_eq!(fieldset.matches(r#"type="radio""#).count(), 4);
    // Each radio sits inside its label, with the option's text.
    assert_eq!(fieldset.matches(r#"<label class="fs-option"><input"#).count(), 4);
    for o in &q.options {
        assert!(text(fieldset).contains(&*o.text), "option {:?} missing", o.text);
    }
    assert!(!fieldset.contains("disabled"), "nothing locked before Check");
    assert!(text(&html).contains("Check"));
}

#[tokio::test]
async fn a_shared_result_shows_only_its_numbers() {
    let html = render_route(Route::QuizResult { score: 7, total: 10 }).await;
    let t = text(&html);
    assert!(t.contains("Someone scored 7 of 10 on this quiz"), "{t}");
    assert!(t.contains("Take the quiz yourself"));
}

#[tokio::test]
async fn the_key_points_list_every_point_by_section_and_a_link_marks_one() {
    use full_stack::model::route::PointsAt;
    let data = build_data();
    let html = render_route(Route::Points(Some(PointsAt { section: 2, point: Some(3) }))).await;
    let panel = &html[html.find(r#"id="fs-panel-points""#).expect("the key points panel")..];
    assert_eq!(panel.matches(r#"class="fs-point""#).count(), data.points.len(), "every point");
    for (i, s) in data.sections.iter().enumerate() {
        assert!(text(panel).contains(&*s.title), "section {}", s.id);
        let n = data.points.iter().filter(|p| p.section.get() == i).count();
        assert!(n > 0, "section {} has key points", s.id);
    }
    // The linked point, and only it, is current; it is the section's fourth.
    assert_eq!(panel.matches(r#"aria-current="true""#).count(), 1);
    let at = panel.find(r#"aria-current="true""#).unwrap();
    let item = &panel[panel[..at].rfind("<li").unwrap()..];
    assert!(item[..item.find('>').unwrap()].contains(r#"data-point="3""#));
    let fourth = data.points.iter().filter(|p| p.section.get() == 2).nth(3).unwrap();
    assert!(text(&item[..item.find("</li>").unwrap()]).contains(&*fourth.text));
}
