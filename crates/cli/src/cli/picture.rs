//! `--plot FILE` and `--format`: a picture's place and format, checked before any work.

/// A picture's format, for `--format`: when `--plot`'s name does not say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PictureFormat {
    /// A PNG image.
    Png,
    /// An SVG drawing.
    Svg,
}

impl From<PictureFormat> for scratchnet_plot::Format {
    fn from(format: PictureFormat) -> Self {
        match format {
            PictureFormat::Png => scratchnet_plot::Format::Png,
            PictureFormat::Svg => scratchnet_plot::Format::Svg,
        }
    }
}

/// Checks, before any work, that `--plot FILE` has a format: its name's (`.png`, `.svg`), or
/// `--format`'s for a name that says none (`/dev/stdout`); the two must not disagree.
///
/// # Errors
/// A usage error of `command` saying what to give.
pub fn check(
    command: &str,
    plot: Option<&std::path::Path>,
    format: Option<PictureFormat>,
) -> anyhow::Result<()> {
    let Some(path) = plot else {
        return Ok(());
    };
    let named = scratchnet_plot::Format::of(path);
    match (named, format.map(scratchnet_plot::Format::from)) {
        (None, None) => Err(super::usage(
            command,
            format!(
                "--plot {}: a picture's file name must end in .png or .svg, or its format be \
                 given (--format png or --format svg, for /dev/stdout say)",
                path.display()
            ),
        )),
        (Some(named), Some(given)) if named != given => Err(super::usage(
            command,
            format!(
                "--plot {} is named as {named:?} but --format says {given:?}: leave one out",
                path.display()
            ),
        )),
        _ => Ok(()),
    }
}
