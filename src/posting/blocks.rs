//! A posting's text → blocks.
