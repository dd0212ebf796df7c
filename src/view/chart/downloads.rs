use yew::prelude::*;

use crate::model::chart::TierFilter;
use crate::model::embed::{chart_image, CSV_FILE, EXPORT_NAME};
use crate::view::use_links;

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    /// The filter the image follows (the data file always has everything).
    pub filter: TierFilter,
}

/// "Download data (CSV)" and "Download image" (SVG, PNG): links to the files `make dist`
/// writes beside the page from the same data (nothing is generated in the browser).
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let links = use_links();
    let link = |href: String, download: String, format: &'static str, label: &'static str| {
        html! {
            <a class="fs-button fs-quiet" href={href} download={download} data-export={format}>{ label }</a>
        }
    };
    let image = |ext: &'static str| links.file(&chart_image(props.filter, ext));
    let name = |ext: &str| format!("{EXPORT_NAME}.{ext}");
    html! {
        <div class="fs-export">
            <h3 class="fs-export-title">{ "Download" }</h3>
            <div class="fs-export-buttons">
                { link(links.file(CSV_FILE), name("csv"), "csv", "Download data (CSV)") }
                { link(image("svg"), name("svg"), "svg", "Download image (SVG)") }
                { link(image("png"), name("png"), "png", "Download image (PNG)") }
            </div>
            <p class="fs-export-note">
                { "The data file lists every claim of every cell with its provenance tier and all its sources. The image shows the matrix " }
                { if props.filter.is_everything() { "with everything." } else { "with the current filter." } }
            </p>
        </div>
    }
}
