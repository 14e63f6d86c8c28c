//! What the browser's Web Workers (`umbral-packs`, `umbral-helper`) share: how they answer.

use js_sys::Promise;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Answers each message the worker receives with what `answer` makes of its data (what a
/// `Promise` resolves to, when it gives one), after saying `"ready"`: a message posted before
/// the module has started is lost, so pages wait for it.
pub fn serve(mut answer: impl FnMut(JsValue) -> JsValue + 'static) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = answer(event.data());
        match answer.dyn_into::<Promise>() {
            Ok(promise) => {
                let reply = reply.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = JsFuture::from(promise).await.unwrap_or_else(|e| e);
                    let _ = reply.post_message(&answer);
                });
            }
            Err(answer) => {
                let _ = reply.post_message(&answer);
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its page wants it.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
