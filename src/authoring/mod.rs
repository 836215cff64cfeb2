//! Tools for trainers who write scenarios: a skeleton to start from ([`skeleton`]) and the
//! scenario as a picture for review ([`diagram`]). Plain Rust over the validated model.

pub mod diagram;
pub mod skeleton;
