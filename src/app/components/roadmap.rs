//! The roadmap: each recommended step with its cost in local currency, the month its price was
//! checked, its official page, and a "¿Por qué?" disclosure with the rules and the answers
//! that led to it. Also the short list of the first three steps.

use crate::engine::pack::EntryKind;
use crate::engine::report::{Cost, Reason, Recommendation};
use crate::engine::words::money;
use crate::engine::Pack;
use yew::prelude::*;

use super::Why;
use crate::app::answers::field_label;
use crate::app::words::Words;

/// What a step costs, in a few words: "Gratis", "Costo por confirmar" or
/// "$1,234 MXN para empezar · $199 MXN al mes (precio aproximado)".
pub fn cost_text(cost: &Cost, w: &Words) -> String {
    let number = |json: &serde_json::Value| json.as_f64().unwrap_or(0.0);
    let (setup, monthly, pct) = (
        number(&cost.setup),
        number(&cost.monthly),
        number(&cost.commission_pct),
    );
    if setup == 0.0 && monthly == 0.0 && pct == 0.0 {
        return if cost.approximate {
            w.cost_unconfirmed.to_string()
        } else {
            w.free.to_string()
        };
    }
    let mut parts = Vec::new();
    if setup > 0.0 {
        parts.push(format!("{} {}", money(setup, cost.currency), w.to_start));
    }
    if monthly > 0.0 {
        parts.push(format!("{} {}", money(monthly, cost.currency), w.per_month));
    }
    if pct > 0.0 {
        // Whole numbers print without a fraction.
        let pct = crate::engine::words::decimal(pct);
        parts.push(format!("{pct} % {}", w.per_sale));
    }
    let mut text = parts.join(" · ");
    if cost.approximate {
        text.push_str(&format!(" ({})", w.approximate));
    }
    text
}

fn kind_label(kind: EntryKind, w: &Words) -> &'static str {
    match kind {
        EntryKind::Tool => w.kind_tool,
        EntryKind::Action => w.kind_action,
        EntryKind::Programme => w.kind_programme,
    }
}

/// One reason with the questions whose answers led to it.
pub fn reason_item(pack: &Pack, reason: &Reason, w: &Words) -> Html {
    let fields = reason
        .fields
        .iter()
        .map(|f| field_label(pack, f, w.locale))
        .collect::<Vec<_>>();
    html! {
        <li>
            { reason.text.as_ref() }
            if !fields.is_empty() {
                <span class="razon__campos">
                    { " " }{ w.from_answers }{ " " }{ fields.join(" · ") }
                </span>
            }
        </li>
    }
}

/// The first three steps, highlighted.
pub fn first_steps(recommendations: &[Recommendation], w: &Words) -> Html {
    if recommendations.is_empty() {
        return Html::default();
    }
    let items = recommendations.iter().take(3).map(|r| {
        html! {
            <li><strong>{ r.name }</strong>{ " — " }{ cost_text(&r.cost, w) }</li>
        }
    });
    html! {
        <section class="destacado" aria-labelledby="primeros-pasos" data-testid="primeros-pasos">
            <h3 id="primeros-pasos">{ w.first_steps }</h3>
            <ol>{ for items }</ol>
        </section>
    }
}

/// The whole roadmap.
pub fn roadmap(pack: &Pack, recommendations: &[Recommendation], w: &Words) -> Html {
    let name_of = |id: &str| {
        recommendations
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.name.to_string())
    };
    let requirement = |id: &str| {
        pack.data
            .requirements
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.label.get(w.locale).to_string())
    };
    let steps = recommendations.iter().map(|r| {
        let after = r.after.iter().map(|a| name_of(a)).collect::<Vec<_>>();
        let addresses = r
            .addresses
            .iter()
            .map(|a| requirement(a))
            .collect::<Vec<_>>();
        let why = r.why.iter().map(|reason| reason_item(pack, reason, w));
        html! {
            <li class="paso" data-testid="paso">
                <p class="paso__cabeza">
                    <span class="paso__numero">{ w.step(r.step) }</span>
                    <span class="paso__tipo">{ kind_label(r.kind, w) }</span>
                </p>
                <h4 class="paso__nombre">{ r.name }</h4>
                <p>{ r.summary }</p>
                <p class="paso__costo" data-testid="costo">
                    <strong>{ cost_text(&r.cost, w) }</strong>
                    if let Some(note) = r.cost.note { <span>{ ". " }{ note }</span> }
                </p>
                <p class="paso__fecha">{ w.checked_in }{ " " }{ w.month(r.checked) }{ "." }</p>
                if let Some(url) = r.url {
                    <p class="paso__enlace">
                        <a href={url.to_string()} rel="noopener noreferrer">
                            { w.official_page }{ ": " }{ r.name }
                        </a>
                    </p>
                }
                if !after.is_empty() {
                    <p class="paso__antes">{ w.after_steps }{ " " }{ after.join(", ") }</p>
                }
                <Why class="porque" summary={w.why}>
                    <p>{ addresses.join(" · ") }</p>
                    <ul>{ for why }</ul>
                </Why>
            </li>
        }
    });
    html! {
        <section class="plan" aria-labelledby="plan-titulo" data-testid="plan">
            <h3 id="plan-titulo">{ w.roadmap_heading }</h3>
            if recommendations.is_empty() {
                <p>{ w.roadmap_empty }</p>
            } else {
                <ol class="pasos">{ for steps }</ol>
            }
        </section>
    }
}
