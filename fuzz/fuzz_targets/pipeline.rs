//! libFuzzer target: YAML → load → check → merge → escape → render.
//! The first byte picks which file the input replaces: even = the profile,
//! odd = the tailoring file (the example supplies the other one).
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline -- -max_total_time=600`
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use dossier::diag::Pos;
use dossier::model::Date;
use dossier::render::Renderer;
use libfuzzer_sys::fuzz_target;

struct Seeds {
    renderer: Renderer,
    profile: String,
    tailoring: String,
}

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let root = root.canonicalize().unwrap();
        let layout =
            dossier::layout::load(&root, "classic", (Path::new("x"), Pos::default())).unwrap();
        Seeds {
            renderer: Renderer::new(layout).unwrap(),
            profile: std::fs::read_to_string(root.join("profiles/mari.yaml")).unwrap(),
            tailoring: std::fs::read_to_string(root.join("profiles/mari/ringist-valja.yaml"))
                .unwrap(),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let s = seeds();
    let (profile, tailoring) = if first % 2 == 0 {
        (text, s.tailoring.as_str())
    } else {
        (s.profile.as_str(), text)
    };
    if let Err(d) =
        dossier::build::document::render_texts(profile, tailoring, &s.renderer, Date::ymd(2026, 11, 23))
    {
        assert!(!d.0.is_empty());
    }
});
