//! The dimension scores as a bar chart drawn in SVG, with a table that says the same for screen
//! readers (the drawing itself is hidden from them).

use yew::prelude::*;

use crate::app::words::Words;

#[derive(Properties, PartialEq)]
pub struct DimensionChartProps {
    pub words: &'static Words,
    /// Each dimension's label and score (0 to 100), in the pack's order.
    pub scores: Vec<(String, u32)>,
}

/// Layout of the drawing, in SVG units (it scales to the width available).
const WIDTH: u32 = 320;
const ROW: u32 = 44;
const BAR_TOP: u32 = 22;
const BAR_HEIGHT: u32 = 14;
const BAR_WIDTH: u32 = 270;

#[component]
pub fn DimensionChart(props: &DimensionChartProps) -> Html {
    let w = props.words;
    let height = ROW * props.scores.len() as u32;
    let rows = props.scores.iter().enumerate().map(|(i, (label, score))| {
        let y = ROW * i as u32;
        let filled = BAR_WIDTH * (*score).min(100) / 100;
        html! {
            <g>
                <text x="0" y={(y + 16).to_string()} class="grafica__etiqueta">{ label }</text>
                <rect x="0" y={(y + BAR_TOP).to_string()} width={BAR_WIDTH.to_string()}
                    height={BAR_HEIGHT.to_string()} rx="3" class="grafica__fondo" />
                <rect x="0" y={(y + BAR_TOP).to_string()} width={filled.to_string()}
                    height={BAR_HEIGHT.to_string()} rx="3" class="grafica__barra" />
                <text x={WIDTH.to_string()} y={(y + BAR_TOP + 12).to_string()}
                    text-anchor="end" class="grafica__valor">{ score.to_string() }</text>
            </g>
        }
    });
    let table_rows = props.scores.iter().map(|(label, score)| {
        html! { <tr><th scope="row">{ label }</th><td>{ score.to_string() }</td></tr> }
    });
    html! {
        <figure class="grafica" data-testid="grafica">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} aria-hidden="true" focusable="false"
                class="grafica__svg">
                { for rows }
            </svg>
            <table class="visualmente-oculto" data-testid="grafica-tabla">
                <caption>{ w.chart_heading }</caption>
                <thead>
                    <tr><th scope="col">{ w.chart_dimension }</th><th scope="col">{ w.chart_score }</th></tr>
                </thead>
                <tbody>{ for table_rows }</tbody>
            </table>
        </figure>
    }
}
