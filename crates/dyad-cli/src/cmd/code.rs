use crate::Context;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ExtractArgs {}

pub fn run_extract(_args: ExtractArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 5)")
}

#[derive(clap::Args)]
pub struct EventsArgs {}

pub fn run_events(_args: EventsArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 5)")
}

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn run_eval(_args: EvalArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 5)")
}
