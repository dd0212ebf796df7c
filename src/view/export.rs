use yew::prelude::*;

use super::use_content;
use crate::model::chart::TierFilter;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The filter the image follows (the data file always has everything).
    pub filter: TierFilter,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Svg,
    Png,
}

/// "Download data (CSV)" and "Download image" (SVG, PNG), generated in the browser
/// from the same data as the chart.
#[component]
pub fn Export(props: &ExportProps) -> Html {
    let content = use_content();
    let status = use_state(String::new);
    let make = |format: Format| {
        let (status, filter) = (status.clone(), props.filter);
        Callback::from(move |_: MouseEvent| {
            let _ = (content, filter, format, &status);
            #[cfg(target_arch = "wasm32")]
            {
                use crate::host::download;
                use crate::model::chart::{csv, EXPORT_NAME};
                use crate::model::svg::{matrix_svg, SvgOptions};
                let svg = || matrix_svg(content, &SvgOptions { filter, ..SvgOptions::default() });
                let ok = |r: Result<(), wasm_bindgen::JsValue>| {
                    r.map_err(|_| "the browser blocked the download".to_string())
                };
                let outcome = match format {
                    Format::Csv => {
                        ok(download::save_text(&format!("{EXPORT_NAME}.csv"), "text/csv;charset=utf-8", &csv(content)))
                    }
                    Format::Svg => {
                        ok(download::save_text(&format!("{EXPORT_NAME}.svg"), "image/svg+xml;charset=utf-8", &svg()))
                    }
                    Format::Png => {
                        status.set("Drawing the image\u{2026}".into());
                        let status = status.clone();
                        download::save_png(&format!("{EXPORT_NAME}.png"), &svg(), 2.0, move |r| {
                            status.set(match r {
                                Ok(()) => "Image ready: check your downloads.".into(),
                                Err(e) => format!("Sorry, {e}. Try the SVG instead."),
                            })
                        });
                        return;
                    }
                };
                status.set(match outcome {
                    Ok(()) => "File ready: check your downloads.".into(),
                    Err(e) => format!("Sorry, {e}."),
                });
            }
        })
    };
    html! {
        <div class="fs-export">
            <h3 class="fs-export-title">{ "Download" }</h3>
            <div class="fs-export-buttons">
                <button type="button" class="fs-button fs-quiet" data-export="csv" onclick={make(Format::Csv)}>{ "Download data (CSV)" }</button>
                <button type="button" class="fs-button fs-quiet" data-export="svg" onclick={make(Format::Svg)}>{ "Download image (SVG)" }</button>
                <button type="button" class="fs-button fs-quiet" data-export="png" onclick={make(Format::Png)}>{ "Download image (PNG)" }</button>
            </div>
            <p class="fs-export-note">
                { "The data file lists every entry of every cell with all its sources. The image shows the matrix " }
                { if props.filter.is_everything() { "with everything." } else { "with the current filter." } }
            </p>
            <p class="fs-export-status" role="status">{ (*status).clone() }</p>
        </div>
    }
}
