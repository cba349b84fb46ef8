//! Tests of `contacts`.

use super::*;

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

#[test]
fn emails_and_phones() {
    assert_eq!(
        emails("kiri (mari.maa@x.ee), või info@y.com."),
        ["mari.maa@x.ee", "info@y.com"]
    );
    assert_eq!(
        phones("Telefon: +372 5555 0000, reg 70003164"),
        ["+372 5555 0000"]
    );
    assert_eq!(phones("tel 5555 0000"), ["5555 0000"]);
    assert!(phones("Registrikood: 70003164").is_empty());
    assert!(phones("kuni 24.08.2025").is_empty());
}

#[test]
fn contacts_with_names_and_roles() {
    let got = contacts(&lines(
        "Kontakt:\nKatrin Ligi, personalijuht\nTelefon: +372 5555 0000\nE-post: k@x.ee\n\nDokumendid saata aadressile cv@x.ee",
    ));
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].value.name.as_deref(), Some("Katrin Ligi"));
    assert_eq!(got[0].value.role.as_deref(), Some("personalijuht"));
    assert_eq!(got[0].value.phone.as_deref(), Some("+372 5555 0000"));
    assert_eq!(got[0].value.email.as_deref(), Some("k@x.ee"));
    assert_eq!(got[1].value.name, None);
    let got = contacts(&lines(
        "Lisainfo: vallavanem Triin Matsalu, tel: +372 5555 0000 või e-post: t@v.ee .",
    ));
    assert_eq!(got[0].value.name.as_deref(), Some("Triin Matsalu"));
    assert_eq!(got[0].value.role.as_deref(), Some("vallavanem"));
    assert_eq!(got[0].value.phone.as_deref(), Some("+372 5555 0000"));
}
