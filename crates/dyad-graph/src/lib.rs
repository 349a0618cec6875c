//! Signed networks from events: directed dyads per time window, signed graphs, and
//! their analytics (triad census, balance, exact frustration index, double games,
//! enemy-of-my-enemy, change between windows).
//!
//! It reads events; it does not store or code them.
