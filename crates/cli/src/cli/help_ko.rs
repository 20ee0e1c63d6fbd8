//! `--help` in Korean: the command line as clap builds it from the flags' doc comments (the
//! English), its words replaced by the catalogue's Korean (`scratchnet_book::text::help`).
//!
//! Every text has a key: `help.<command>` for what a command does, `help.<command>.<flag>` for a
//! flag, `.long` after either for the longer text `--help` shows (where `-h` shows the short
//! one), `.after` for the examples below, and `help.choice.<flag>.<value>` for each choice of a
//! flag whose choices are explained (the same flag has the same choices in every command). The top level is the command `scratchnet`. A test holds
//! every key to a text.
//!
//! A flag that says the same in several commands (`--format`, `--rng`, `--seed`, `--json`) has
//! one text, `help.flag.<flag>`, which a command without a text of its own for that flag takes
//! when its English is the same: a command that says something else is never given it.

use clap::{Arg, ArgAction, Command};
use scratchnet_book::text::{Lang, Text};

/// The catalogue's text for `key`.
fn text(key: &str) -> Option<&'static Text> {
    scratchnet_book::text::help::ALL
        .iter()
        .copied()
        .find(|t| t.key == key)
}

/// The text for `key`, whose English is `english`: the catalogue's own, or the one the flag's
/// commands share (`help.flag.<flag>`, `.long` after it for the long text) if its English is
/// `english`.
fn lookup(key: &str, english: &str) -> Option<&'static Text> {
    text(key).or_else(|| {
        let mut parts = key.split('.');
        let (_help, _command, flag) = (parts.next()?, parts.next()?, parts.next()?);
        let long = match parts.next() {
            None => "",
            Some("long") => ".long",
            Some(_) => return None,
        };
        let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
        text(&format!("help.flag.{flag}{long}")).filter(|t| same(t.en, english))
    })
}

/// The Korean for `key`, whose English is `fallback`; the English if the catalogue has none (a
/// test makes sure it has every one).
fn korean(key: &str, fallback: impl std::fmt::Display) -> String {
    let english = fallback.to_string();
    lookup(key, &english).map_or(english, |t| t.get(Lang::Ko).to_string())
}

/// Every key `cmd` needs, with its English: what the test checks and what a translator reads.
#[cfg(test)]
fn keys(cmd: &Command) -> Vec<(String, String)> {
    let mut keys = Vec::new();
    collect(cmd, "help.scratchnet", &mut keys);
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        collect(sub, &format!("help.{}", sub.get_name()), &mut keys);
    }
    keys
}

#[cfg(test)]
fn collect(cmd: &Command, base: &str, keys: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        keys.push((base.to_string(), about.to_string()));
    }
    if let Some(long) = cmd.get_long_about() {
        keys.push((format!("{base}.long"), long.to_string()));
    }
    if let Some(after) = cmd.get_after_help() {
        keys.push((format!("{base}.after"), after.to_string()));
    }
    let top = base == "help.scratchnet";
    for arg in cmd
        .get_arguments()
        .filter(|a| is_own(a) || (top && a.is_global_set()))
    {
        let key = format!("{base}.{}", arg.get_id());
        if let Some(help) = arg.get_help() {
            keys.push((key.clone(), help.to_string()));
        }
        if let Some(long) = arg.get_long_help() {
            keys.push((format!("{key}.long"), long.to_string()));
        }
        for value in arg.get_possible_values() {
            if let Some(help) = value.get_help() {
                let choice = choice_key(arg, value.get_name());
                if !keys.iter().any(|(k, _)| *k == choice) {
                    keys.push((choice, help.to_string()));
                }
            }
        }
    }
}

/// Whether a command defines `arg` itself: not clap's `--help` and `--version`, not the global
/// `--lang` (which the top level says once).
fn is_own(arg: &Arg) -> bool {
    !matches!(arg.get_id().as_str(), "help" | "version") && !arg.is_global_set()
}

/// `cli` with its help in Korean.
pub fn in_korean(cli: Command) -> Command {
    // the usage lines as clap writes them, with its [OPTIONS] in Korean
    let mut built = cli.clone();
    built.build();
    let usage = |cmd: &mut Command| {
        let usage = cmd.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        usage
            .replace("[OPTIONS]", "[옵션]")
            .replace("<COMMAND>", "<명령>")
    };
    let usages: Vec<(String, String)> = built
        .get_subcommands_mut()
        .map(|sub| (sub.get_name().to_string(), usage(sub)))
        .collect();
    let top = usage(&mut built);
    let cli = korean_command(cli, "help.scratchnet")
        .override_usage(top)
        .disable_help_subcommand(true)
        .subcommand(
            Command::new("help")
                .about(korean(
                    "help.help-command",
                    "Print this message or the help of the given subcommand(s)",
                ))
                .arg(
                    Arg::new("command")
                        .value_name("명령")
                        .help(korean("help.help-command.command", "The command")),
                ),
        )
        .subcommand_help_heading("명령")
        .subcommand_value_name("명령")
        .mut_arg("lang", |a| korean_arg(a, "help.scratchnet.lang"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading("옵션")
                .help(korean("help.version", "Print version")),
        );
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    names.iter().fold(cli, |cli, name| {
        let usage = usages
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, u)| u.clone());
        cli.mut_subcommand(name, |sub| {
            let sub = korean_command(sub, &format!("help.{name}"));
            match usage {
                Some(usage) => sub.override_usage(usage),
                None => sub,
            }
        })
    })
}

/// One command's texts in Korean, with Korean headings and a Korean `--help` flag.
fn korean_command(cmd: Command, base: &str) -> Command {
    let mut cmd = cmd
        .help_template("{about-with-newline}\n사용법: {usage}\n\n{all-args}{after-help}")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help_heading("옵션")
                .help(korean("help.help", "Print help (see more with '--help')")),
        );
    if let Some(about) = cmd.get_about().map(ToString::to_string) {
        cmd = cmd.about(korean(base, about));
    }
    if let Some(long) = cmd.get_long_about().map(ToString::to_string) {
        cmd = cmd.long_about(korean(&format!("{base}.long"), long));
    }
    if let Some(after) = cmd.get_after_help().map(ToString::to_string) {
        cmd = cmd.after_help(korean(&format!("{base}.after"), after));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| is_own(a))
        .map(|a| a.get_id().to_string())
        .collect();
    ids.iter().fold(cmd, |cmd, id| {
        cmd.mut_arg(id, |a| korean_arg(a, &format!("{base}.{id}")))
    })
}

/// One flag's help in Korean: its text, its default and its choices said in Korean.
fn korean_arg(arg: Arg, key: &str) -> Arg {
    let mut short = arg.get_help().map(|h| korean(key, h));
    let mut long = arg
        .get_long_help()
        .map(|h| korean(&format!("{key}.long"), h));
    // a flag that takes no value (`--json`) has neither a default nor choices to show
    let takes_value = arg.get_action().takes_values();
    let defaults: Vec<String> = if takes_value {
        arg.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    } else {
        Vec::new()
    };
    let values = if takes_value && !arg.is_hide_possible_values_set() {
        arg.get_possible_values()
    } else {
        Vec::new()
    };
    let explained = values.iter().any(|v| v.get_help().is_some());
    let mut choices = String::new();
    if !values.is_empty() {
        if explained {
            for v in &values {
                let help = v
                    .get_help()
                    .map(|h| korean(&choice_key(&arg, v.get_name()), h))
                    .unwrap_or_default();
                choices.push_str(&format!("\n  - {}: {help}", v.get_name()));
            }
        } else {
            let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
            choices = format!(" [고를 수 있는 값: {}]", names.join(", "));
        }
    }
    let default = if defaults.is_empty() || arg.is_hide_default_value_set() {
        String::new()
    } else {
        format!(" [기본값: {}]", defaults.join(", "))
    };
    if explained {
        // the choices with their meaning go in the long help only, as clap does
        let base = long.take().or_else(|| short.clone()).unwrap_or_default();
        long = Some(format!("{base}{default}\n\n고를 수 있는 값:{choices}"));
        short = short.map(|s| format!("{s}{default} [고를 수 있는 값: {}]", names(&values)));
    } else {
        short = short.map(|s| format!("{s}{choices}{default}"));
        long = long.map(|s| format!("{s}{choices}{default}"));
    }
    let mut arg = arg.help_heading("옵션");
    if takes_value {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    if let Some(short) = short {
        arg = arg.help(short);
    }
    if let Some(long) = long {
        arg = arg.long_help(long);
    }
    arg
}

/// The key of one choice of a flag: the same for every command, as the choices of a flag of
/// the same name are the same (`--function`, `--optimizer`, `--format`, ...).
fn choice_key(arg: &Arg, value: &str) -> String {
    format!("help.choice.{}.{value}", arg.get_id())
}

fn names(values: &[clap::builder::PossibleValue]) -> String {
    values
        .iter()
        .map(|v| v.get_name())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every text `--help` shows has its Korean, and the catalogue has no help text that no
    /// command asks for.
    #[test]
    fn every_help_text_has_its_korean() {
        let cli = super::super::Cli::command();
        let keys = keys(&cli);
        let missing: Vec<&(String, String)> = keys
            .iter()
            .filter(|(k, e)| lookup(k, e).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "{} missing:\n{missing:#?}",
            missing.len()
        );
        for t in scratchnet_book::text::help::ALL {
            let wanted = keys
                .iter()
                .any(|(k, e)| lookup(k, e).is_some_and(|found| found.key == t.key))
                || [
                    "help.help",
                    "help.version",
                    "help.help-command",
                    "help.help-command.command",
                ]
                .contains(&t.key);
            assert!(wanted, "{} is asked for by no command", t.key);
        }
    }

    /// The English of every key, for a translator: `cargo test -p scratchnet-cli help_ko -- --ignored --nocapture`.
    #[test]
    #[ignore = "prints the texts to translate"]
    fn print_the_english() {
        for (key, english) in keys(&super::super::Cli::command()) {
            println!("{key}\t{}", english.replace('\n', "\\n"));
        }
    }
}
