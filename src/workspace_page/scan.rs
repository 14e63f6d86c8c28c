//! Receiving one profile from another phone with no internet: the other phone shows its share
//! link as a QR code (the app's share panel); this one reads it with the camera, through the
//! browser's `BarcodeDetector` where there is one, or from a photo, decoded here in Rust
//! (`rqrr`) from the photo's grey levels read through a canvas.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlInputElement, HtmlVideoElement};
use yew::prelude::*;

use crate::engine::Locale;
use crate::share::decode_link;
use crate::share::photo::{check_photo, PhotoProblem, HEAD_BYTES};

use super::browser;
use super::browser::{new_enterprise, new_visit};
use super::effects::{store, Ctx, Dispatch, HEADING};
use super::helper::Helper;
use super::model::Route;
use super::words::words;

/// Photos are decoded straight to at most this many pixels a side.
const MAX_SIDE: u32 = 1600;

/// How long the decoder worker may take over one photo.
const DECODE_MS: u32 = 15_000;

/// Why a photo gave no profile, for the person.
pub enum PhotoError {
    /// Refused before decoding (see `share::photo`).
    Refused(PhotoProblem),
    /// The browser could not open it as an image, or the decoder failed or took too long.
    Failed(String),
}

fn js(error: JsValue) -> String {
    format!("{error:?}")
}

/// Reads a photo's QR code: its header checked first (file size, pixels, format), then decoded
/// by the browser straight to at most [`MAX_SIDE`] a side, its grey levels read through a
/// canvas, and the code found in them by the helper worker.
async fn decode_photo(file: &web_sys::File) -> Result<Option<String>, PhotoError> {
    let failed = |e: JsValue| PhotoError::Failed(js(e));
    let window = web_sys::window().ok_or(PhotoError::Failed("no window".into()))?;
    let head_blob = file
        .slice_with_f64_and_f64(0.0, HEAD_BYTES as f64)
        .map_err(failed)?;
    let head = js_sys::Uint8Array::new(
        &JsFuture::from(head_blob.array_buffer())
            .await
            .map_err(failed)?,
    )
    .to_vec();
    let (w, h) = check_photo(&head, file.size() as u64).map_err(PhotoError::Refused)?;
    let scale = (f64::from(MAX_SIDE) / f64::from(w.max(h))).min(1.0);
    let (sw, sh) = (
        ((f64::from(w) * scale) as u32).max(1),
        ((f64::from(h) * scale) as u32).max(1),
    );
    let options = web_sys::ImageBitmapOptions::new();
    options.set_resize_width(sw);
    options.set_resize_height(sh);
    let bitmap: web_sys::ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob_and_image_bitmap_options(file, &options)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?
    .dyn_into()
    .map_err(failed)?;
    let canvas: HtmlCanvasElement = window
        .document()
        .ok_or(PhotoError::Failed("no document".into()))?
        .create_element("canvas")
        .map_err(failed)?
        .unchecked_into();
    canvas.set_width(sw);
    canvas.set_height(sh);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(failed)?
        .ok_or(PhotoError::Failed("no 2d canvas".into()))?
        .unchecked_into();
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(sw), f64::from(sh))
        .map_err(failed)?;
    bitmap.close();
    let data = context
        .get_image_data(0.0, 0.0, f64::from(sw), f64::from(sh))
        .map_err(failed)?
        .data();
    let luma: Vec<u8> = data
        .chunks_exact(4)
        .map(|p| ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8)
        .collect();
    decode_in_worker(sw, sh, &luma).await
}

/// Finds the QR code in `luma` in a fresh helper worker (`super::helper`), ended afterwards: a
/// decoder that fails (a panic aborts the worker's module) or takes longer than [`DECODE_MS`]
/// is a message, never a stopped page.
async fn decode_in_worker(
    width: u32,
    height: u32,
    luma: &[u8],
) -> Result<Option<String>, PhotoError> {
    let helper = Helper::start().await.map_err(PhotoError::Failed)?;
    let message = Object::new();
    let array = js_sys::Uint8Array::from(luma);
    for (key, value) in [
        ("kind", JsValue::from_str("qr")),
        ("width", width.into()),
        ("height", height.into()),
        ("luma", array.clone().into()),
    ] {
        let _ = Reflect::set(&message, &key.into(), &value);
    }
    let transfer = Array::of1(&array.buffer());
    let text = helper
        .ask(&message, &transfer, DECODE_MS)
        .await
        .map_err(PhotoError::Failed)?;
    Ok(text.as_string())
}

/// The browser's QR detector, where it has one.
fn barcode_detector() -> Option<JsValue> {
    let constructor: Function = Reflect::get(&js_sys::global(), &"BarcodeDetector".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into())).ok()?;
    Reflect::construct(&constructor, &Array::of1(&options)).ok()
}

async fn detect(detector: &JsValue, video: &HtmlVideoElement) -> Option<String> {
    let detect: Function = Reflect::get(detector, &"detect".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: Promise = detect.call1(detector, video).ok()?.dyn_into().ok()?;
    let found: Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Reflect::get(&found.get(0), &"rawValue".into())
        .ok()?
        .as_string()
}

fn stop_stream(video: &HtmlVideoElement) {
    if let Some(stream) = video.src_object() {
        if let Ok(stream) = stream.dyn_into::<web_sys::MediaStream>() {
            for track in stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                    track.stop();
                }
            }
        }
        video.set_src_object(None);
    }
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading,
    Camera,
    Error(String),
}

#[derive(Properties)]
pub struct ReceiveProps {
    pub locale: Locale,
    /// This installation's device id, for the new records' saves.
    pub device: String,
    pub ctx: Rc<Ctx>,
    pub dispatch: Dispatch,
}

impl PartialEq for ReceiveProps {
    fn eq(&self, other: &Self) -> bool {
        self.locale == other.locale && self.device == other.device
    }
}

/// Makes an enterprise with one visit from a received share link, then asks for its name.
fn accept(text: &str, props: &ReceiveProps) -> Result<(), String> {
    let profile = decode_link(text).map_err(|e| e.message(props.locale).to_string())?;
    let w = words(props.locale);
    // A label that is blank or spaces only names nothing: the received name instead.
    let name = profile
        .label
        .as_deref()
        .and_then(crate::workspace::clean_name)
        .unwrap_or_else(|| format!("{} {}", w.received_name(), browser::today()));
    let enterprise = new_enterprise(&name, &profile.country, &props.device);
    let visit = new_visit(&enterprise.id, profile.to_value(), &props.device);
    let route = Route::Form(Some(enterprise.id.clone()));
    store(
        &props.ctx,
        &props.dispatch,
        vec![enterprise],
        vec![visit],
        Some(route),
        None,
    );
    props
        .dispatch
        .dispatch(super::model::Action::Flash(Some(w.received().to_string())));
    Ok(())
}

/// The "receive by QR" screen.
#[component]
pub fn Receive(props: &ReceiveProps) -> Html {
    let w = words(props.locale);
    let status = use_state(|| Status::Idle);
    let video = use_node_ref();
    let stopped = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        let (video, stopped) = (video.clone(), stopped.clone());
        use_effect_with((), move |_| {
            move || {
                stopped.set(true);
                if let Some(video) = video.cast::<HtmlVideoElement>() {
                    stop_stream(&video);
                }
            }
        });
    }
    let props_rc = Rc::new(ReceiveProps {
        locale: props.locale,
        device: props.device.clone(),
        ctx: props.ctx.clone(),
        dispatch: props.dispatch.clone(),
    });
    let on_photo = {
        let (status, props) = (status.clone(), props_rc.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            status.set(Status::Reading);
            let (status, props) = (status.clone(), props.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let w = words(props.locale);
                match decode_photo(&file).await {
                    Ok(Some(text)) => {
                        if let Err(message) = accept(&text, &props) {
                            status.set(Status::Error(message));
                        }
                    }
                    Ok(None) => status.set(Status::Error(w.no_code().to_string())),
                    Err(PhotoError::Refused(problem)) => {
                        status.set(Status::Error(w.photo_refused(problem)));
                    }
                    Err(PhotoError::Failed(error)) => {
                        gloo::console::warn!(format!("umbral: photo not read: {error}"));
                        status.set(Status::Error(w.photo_failed().to_string()));
                    }
                }
            });
        })
    };
    let detector = use_memo((), |_| barcode_detector());
    let on_camera = {
        let (status, props, video, stopped) = (
            status.clone(),
            props_rc.clone(),
            video.clone(),
            stopped.clone(),
        );
        let detector = detector.clone();
        Callback::from(move |_| {
            let (status, props, video, stopped) = (
                status.clone(),
                props.clone(),
                video.clone(),
                stopped.clone(),
            );
            let Some(detector) = (*detector).clone() else {
                return;
            };
            if *status == Status::Camera {
                stopped.set(true);
                if let Some(video) = video.cast::<HtmlVideoElement>() {
                    stop_stream(&video);
                }
                status.set(Status::Idle);
                return;
            }
            stopped.set(false);
            status.set(Status::Camera);
            wasm_bindgen_futures::spawn_local(async move {
                let w = words(props.locale);
                let stream = async {
                    let devices = web_sys::window()?.navigator().media_devices().ok()?;
                    let constraints = web_sys::MediaStreamConstraints::new();
                    let video_wanted = Object::new();
                    let _ =
                        Reflect::set(&video_wanted, &"facingMode".into(), &"environment".into());
                    constraints.set_video(&video_wanted);
                    let promise = devices.get_user_media_with_constraints(&constraints).ok()?;
                    JsFuture::from(promise)
                        .await
                        .ok()?
                        .dyn_into::<web_sys::MediaStream>()
                        .ok()
                }
                .await;
                let (Some(stream), Some(element)) = (stream, video.cast::<HtmlVideoElement>())
                else {
                    status.set(Status::Error(w.camera_failed().to_string()));
                    return;
                };
                element.set_src_object(Some(&stream));
                let _ = element.play();
                while !stopped.get() {
                    gloo::timers::future::sleep(std::time::Duration::from_millis(400)).await;
                    if let Some(text) = detect(&detector, &element).await {
                        stop_stream(&element);
                        stopped.set(true);
                        if let Err(message) = accept(&text, &props) {
                            status.set(Status::Error(message));
                        }
                        return;
                    }
                }
            });
        })
    };
    let message = match &*status {
        Status::Reading => {
            Some(html! { <p role="status" data-testid="leyendo">{ w.reading() }</p> })
        }
        Status::Camera => Some(html! { <p role="status">{ w.camera_running() }</p> }),
        Status::Error(text) => Some(html! {
            <p class="aviso aviso--error" role="alert" data-testid="qr-error">{ text }</p>
        }),
        Status::Idle => None,
    };
    html! {
        <section aria-labelledby={HEADING} data-testid="recibir">
            <h2 id={HEADING} tabindex="-1" data-testid="vista">{ w.receive_heading() }</h2>
            <p>{ w.receive_intro() }</p>
            if detector.is_some() {
                <p>
                    <button type="button" class="boton" data-testid="usar-camara" onclick={on_camera}>
                        { if *status == Status::Camera { w.stop_camera() } else { w.use_camera() } }
                    </button>
                </p>
                <video ref={video} class="camara" muted=true playsinline=true
                    hidden={*status != Status::Camera} aria-label={w.camera_running()} />
            }
            <p class="campo">
                <label for="foto-qr" class="boton boton--secundario etiqueta-archivo">{ w.pick_photo() }</label>
                <input id="foto-qr" class="archivo" type="file" accept="image/*" capture="environment"
                    onchange={on_photo} data-testid="foto-qr" />
            </p>
            { for message }
        </section>
    }
}
