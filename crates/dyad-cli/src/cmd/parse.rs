use crate::Context;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ParseArgs {}

pub fn run_parse(_args: ParseArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 3)")
}

#[derive(clap::Args)]
pub struct EvalParseArgs {}

pub fn run_eval_parse(_args: EvalParseArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 3)")
}

#[derive(clap::Args)]
pub struct TrainParserArgs {}

pub fn run_train_parser(_args: TrainParserArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet (issue 3)")
}
