//! What shows while the pack for the chosen country is loading or after it failed to load:
//! a status message, or a plain error with a button that tries again. Never a blank page.

use yew::prelude::*;

use crate::app::words::Words;

#[derive(Properties, PartialEq)]
pub struct PackStatusViewProps {
    pub words: &'static Words,
    /// True after a failure; false while loading.
    pub failed: bool,
    pub on_retry: Callback<()>,
}

#[component]
pub fn PackStatusView(props: &PackStatusViewProps) -> Html {
    let w = props.words;
    if !props.failed {
        return html! {
            <p class="cargando" role="status" data-testid="cargando">{ w.loading_pack }</p>
        };
    }
    let on_retry = props.on_retry.clone();
    html! {
        <div class="aviso aviso--error" role="alert" data-testid="error-paquete">
            <p>{ w.pack_failed }</p>
            <button type="button" class="boton" data-testid="reintentar"
                onclick={move |_| on_retry.emit(())}>
                { w.retry }
            </button>
        </div>
    }
}
