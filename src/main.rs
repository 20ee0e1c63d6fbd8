//! The `scratchnet` command (`crates/cli`).

fn main() -> std::process::ExitCode {
    scratchnet_cli::main()
}
