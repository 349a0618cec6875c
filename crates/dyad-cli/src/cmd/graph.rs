use crate::Context;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct DyadsArgs {}

pub fn run_dyads(_args: DyadsArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 6)")
}

#[derive(clap::Args)]
pub struct GraphArgs {}

pub fn run_graph(_args: GraphArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 6)")
}

#[derive(clap::Args)]
pub struct DoubleGamesArgs {}

pub fn run_double_games(_args: DoubleGamesArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 6)")
}

#[derive(clap::Args)]
pub struct BalanceArgs {}

pub fn run_balance(_args: BalanceArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 6)")
}
