//! Hand-off files (`umbral.handoff/1`), the CSV of the latest report per enterprise and the
//! progress between two visits: the screens over `crate::workspace`.

use std::rc::Rc;

use yew::prelude::*;

use super::model::Model;
use super::records::{EnterpriseRecord, VisitRecord};
use super::{Ctx, Dispatch};

/// The hand-off screen.
pub fn view(model: &Model, _ctx: &Rc<Ctx>, _dispatch: &Dispatch) -> Html {
    let w = super::words::words(model.locale);
    html! {
        <section aria-labelledby={super::views::HEADING} data-testid="entregar">
            <h2 id={super::views::HEADING} tabindex="-1">{ w.handoff_heading }</h2>
            <p>{ w.handoff_intro }</p>
        </section>
    }
}

/// "Export this enterprise".
pub fn export_one_button(_model: &Model, _id: &str, _ctx: &Rc<Ctx>, _dispatch: &Dispatch) -> Html {
    Html::default()
}

/// Progress between two of an enterprise's visits.
pub fn progress(_model: &Model, _visits: &[&VisitRecord], _enterprise: &EnterpriseRecord) -> Html {
    Html::default()
}
