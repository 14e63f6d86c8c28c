//! Horizontal bar charts drawn in SVG, each with a table that says the same: the table is what
//! screen readers read (the drawing is hidden from them) and what anyone can copy.

use yew::prelude::*;

/// One bar: its label, its length in thousandths of the full width, and the figure shown.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub permille: u32,
    pub value: String,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub caption: String,
    pub label_header: String,
    pub value_header: String,
    pub bars: Vec<Bar>,
    pub testid: String,
}

const WIDTH: u32 = 320;
const ROW: u32 = 44;
const BAR_TOP: u32 = 22;
const BAR_HEIGHT: u32 = 14;
const BAR_WIDTH: u32 = 230;

#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let height = ROW * props.bars.len() as u32;
    let rows = props.bars.iter().enumerate().map(|(i, bar)| {
        let y = ROW * i as u32;
        let filled = BAR_WIDTH * bar.permille.min(1000) / 1000;
        html! {
            <g>
                <text x="0" y={(y + 16).to_string()} class="grafica__etiqueta">{ &bar.label }</text>
                <rect x="0" y={(y + BAR_TOP).to_string()} width={BAR_WIDTH.to_string()}
                    height={BAR_HEIGHT.to_string()} rx="3" class="grafica__fondo" />
                <rect x="0" y={(y + BAR_TOP).to_string()} width={filled.to_string()}
                    height={BAR_HEIGHT.to_string()} rx="3" class="grafica__barra" />
                <text x={WIDTH.to_string()} y={(y + BAR_TOP + 12).to_string()}
                    text-anchor="end" class="grafica__valor">{ &bar.value }</text>
            </g>
        }
    });
    let table_rows = props.bars.iter().map(|bar| {
        html! { <tr><th scope="row">{ &bar.label }</th><td>{ &bar.value }</td></tr> }
    });
    html! {
        <figure class="grafica" data-testid={props.testid.clone()}>
            <svg viewBox={format!("0 0 {WIDTH} {}", height.max(1))} aria-hidden="true"
                focusable="false" class="grafica__svg">
                { for rows }
            </svg>
            // A table is as wide as its content whatever its width says: the hidden box is a
            // div around it, so it cannot widen the page.
            <div class="visualmente-oculto">
            <table>
                <caption>{ &props.caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ &props.label_header }</th>
                        <th scope="col">{ &props.value_header }</th>
                    </tr>
                </thead>
                <tbody>{ for table_rows }</tbody>
            </table>
            </div>
        </figure>
    }
}

/// `count / base` in thousandths, for a bar's length.
pub fn permille(count: u64, base: u64) -> u32 {
    (count.min(base) * 1000).checked_div(base).unwrap_or(0) as u32
}

/// A mean score given as one-decimal text (`"42.3"`) in thousandths of 100.
pub fn score_permille(average: &str) -> u32 {
    let tenths: u32 = average.replace('.', "").parse().unwrap_or(0);
    tenths.min(1000)
}
