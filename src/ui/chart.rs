//! Horizontal bar charts drawn in SVG, each with a table that says the same: the table is what
//! screen readers read (the drawing is hidden from them) and what anyone can copy. The app's
//! dimension scores and the planner's summaries (`src/planner`) are both drawn here.

use maud::{html, Markup};

/// One bar: its label, its length in thousandths of the full width, and the figure shown.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub permille: u32,
    pub value: String,
}

/// A chart's words and layout.
pub struct Chart<'a> {
    /// The table's caption (the drawing's heading is the page's).
    pub caption: &'a str,
    pub label_header: &'a str,
    pub value_header: &'a str,
    /// The figure's `data-testid`; the table's is this with `-tabla`.
    pub testid: &'a str,
    /// The bars' full length in SVG units, out of a width of 320 (the rest holds the figures).
    pub bar_width: u32,
}

/// Layout of the drawing, in SVG units (it scales to the width available).
const WIDTH: u32 = 320;
const ROW: u32 = 44;
const BAR_TOP: u32 = 22;
const BAR_HEIGHT: u32 = 14;

pub fn bar_chart(chart: &Chart, bars: &[Bar]) -> Markup {
    let height = (ROW * bars.len() as u32).max(1);
    html! {
        figure.grafica data-testid=(chart.testid) {
            svg.grafica__svg viewBox={ "0 0 " (WIDTH) " " (height) } aria-hidden="true"
                focusable="false" {
                @for (i, bar) in bars.iter().enumerate() {
                    @let y = ROW * i as u32;
                    g {
                        text.grafica__etiqueta x="0" y=(y + 16) { (bar.label) }
                        rect.grafica__fondo x="0" y=(y + BAR_TOP) width=(chart.bar_width)
                            height=(BAR_HEIGHT) rx="3" {}
                        rect.grafica__barra x="0" y=(y + BAR_TOP)
                            width=(chart.bar_width * bar.permille.min(1000) / 1000)
                            height=(BAR_HEIGHT) rx="3" {}
                        text.grafica__valor x=(WIDTH) y=(y + BAR_TOP + 12) text-anchor="end" {
                            (bar.value)
                        }
                    }
                }
            }
            // A table is as wide as its content whatever its width says: the hidden box is a
            // div around it, so it cannot widen the page.
            div.visualmente-oculto {
                table data-testid={ (chart.testid) "-tabla" } {
                    caption { (chart.caption) }
                    thead {
                        tr { th scope="col" { (chart.label_header) } th scope="col" { (chart.value_header) } }
                    }
                    tbody {
                        @for bar in bars { tr { th scope="row" { (bar.label) } td { (bar.value) } } }
                    }
                }
            }
        }
    }
}

/// `count / base` in thousandths, for a bar's length.
pub fn permille(count: u64, base: u64) -> u32 {
    (count.min(base) * 1000).checked_div(base).unwrap_or(0) as u32
}
