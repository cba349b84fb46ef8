//! The check stage: compare what each posting's requirements ask for with
//! what the candidate's profile shows. [`phrases`] reads the requirement
//! texts (languages at a CEFR level, years of experience).

pub mod phrases;
