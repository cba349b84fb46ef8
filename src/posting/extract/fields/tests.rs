//! Tests of `fields`.

use super::*;

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

#[test]
fn reference_salary_location() {
    let l = lines("**Tööpakkumise nr:** 1620083\nAllikas: Töötukassa (posting #805504)");
    assert_eq!(reference(&l).unwrap().value, "1620083");
    let f = vec![Field {
        label: "asukoht".into(),
        value: "Harju maakond, Tallinn, Kesklinna linnaosa".into(),
        line: 3,
    }];
    assert_eq!(location(&f, &[]).unwrap().value, "Tallinn");
    let l = lines("- Töötasu 3500 bruto kuus");
    assert_eq!(salary(&[], &l).unwrap().value, "Töötasu 3500 bruto kuus");
}

#[test]
fn a_settlement_in_an_address() {
    let l = lines("Saata aadressil Tehnika 11, 78304 Märjamaa alev või e-postiga");
    assert_eq!(location(&[], &l).unwrap().value, "Märjamaa");
}
