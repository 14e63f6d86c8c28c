//! "Sus datos": what is kept where, downloading what was set aside, deleting everything.

use std::rc::Rc;

use yew::prelude::*;

use super::effects::{self, Ctx, Dispatch, HEADING};
use super::model::{Action, Confirm, Model};
use super::parts::{confirm_box, heading, persisted_text};
use super::words::words;

pub(super) fn privacy(model: &Model, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let download_aside = {
        let ctx = ctx.clone();
        Callback::from(move |_| effects::download_set_aside(&ctx))
    };
    let ask = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Ask(Some(Confirm::DeleteAll))))
    };
    let confirm = matches!(model.confirm, Some(Confirm::DeleteAll)).then(|| {
        let yes = {
            let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
            Callback::from(move |_| effects::delete_everything(&ctx, &dispatch))
        };
        confirm_box(w, w.confirm_delete_all(), dispatch, yes)
    });
    html! {
        <section aria-labelledby={HEADING} data-testid="sus-datos">
            { heading(w.privacy_heading()) }
            <p>{ w.privacy_what() }</p>
            <p>{ w.privacy_where() }</p>
            <p>{ w.privacy_leaves() }</p>
            <p>{ w.privacy_clear() }</p>
            <p data-testid="persistencia">{ persisted_text(model, w) }</p>
            <dl class="datos">
                <dt>{ w.counts_enterprises() }</dt><dd data-testid="cuenta-negocios">{ model.enterprises.len() }</dd>
                <dt>{ w.counts_visits() }</dt><dd data-testid="cuenta-visitas">{ model.visits.len() }</dd>
                <dt>{ w.counts_set_aside() }</dt><dd data-testid="cuenta-apartados">{ model.set_aside_total }</dd>
            </dl>
            <div class="acciones">
                if model.set_aside_total > 0 {
                    <button type="button" class="boton boton--secundario" onclick={download_aside}
                        data-testid="descargar-apartados">
                        { w.download_set_aside() }
                    </button>
                }
                if !model.enterprises.is_empty() || model.set_aside_total > 0 {
                    <button type="button" class="boton boton--secundario" data-testid="borrar-todo" onclick={ask}>
                        { w.delete_all() }
                    </button>
                }
            </div>
            { for confirm }
        </section>
    }
}
