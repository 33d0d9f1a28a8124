//! The simulator's library part: what its tests share with the binary. The rest
//! of the simulator is the binary's own (`main.rs`).

pub mod contract;
