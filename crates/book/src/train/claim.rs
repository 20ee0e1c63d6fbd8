//! A checkpoint directory claimed by one process: the command line's `train` and the
//! playground's trainings write their checkpoints through it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::{AnyTraining, CHECKPOINT_FILE, TrainConfig};
use crate::Error;

/// Where a run without a checkpoint directory of its own saves one when it is interrupted:
/// `./scratchnet-checkpoint` (or `-2`, `-3`, ... : [`Claim::default_dir`]).
pub const DEFAULT_CHECKPOINT: &str = "scratchnet-checkpoint";

/// A checkpoint directory this process writes: made if missing, locked against a second
/// writer (an advisory lock on `DIR/lock`, released when the process ends, however it ends),
/// cleared of the temporary file of a writer that was killed, and checked not to hold another
/// run's checkpoint. The lock is held while the claim lives.
#[derive(Debug)]
pub struct Claim {
    dir: PathBuf,
    /// Holds the lock while it is open.
    _lock: File,
}

impl Claim {
    /// Claims `dir` for the run of settings `config`; `overwrite` allows replacing a checkpoint of another run
    /// (`--force`, or `--resume` of this very one).
    ///
    /// # Errors
    /// [`Error::CheckpointDir`] if the directory cannot be made or locked, another process holds
    /// it, or (unless `overwrite`) it holds another run's checkpoint.
    pub fn take(dir: &Path, config: &TrainConfig, overwrite: bool) -> Result<Claim, Error> {
        let fail = |problem: String, cause: Option<std::io::Error>| Error::CheckpointDir {
            path: dir.to_path_buf(),
            problem,
            cause: cause.map(Into::into),
        };
        std::fs::create_dir_all(dir).map_err(|e| {
            let problem = format!("cannot create the checkpoint directory {}", dir.display());
            fail(problem, Some(e))
        })?;
        let lock_path = dir.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| fail(format!("cannot open {}", lock_path.display()), Some(e)))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let problem = format!(
                    "another scratchnet run is writing checkpoints into {}: wait for it to \
                     finish, or give this run another checkpoint directory (train --checkpoint, \
                     serve --checkpoint)",
                    dir.display()
                );
                return Err(fail(problem, None));
            }
            Err(TryLockError::Error(e)) => {
                return Err(fail(
                    format!("cannot lock {}", lock_path.display()),
                    Some(e),
                ));
            }
        }
        // a temporary file of a writer that was killed (with the lock held, no writer is alive)
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(".scratchnet-")
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        if !overwrite && let Some(other) = other_run(dir, config) {
            let problem = format!(
                "{} holds the checkpoint of another run ({other}): continue it with `scratchnet \
                 train --resume {0}`, give this run another checkpoint directory (--checkpoint), \
                 or overwrite it (train --force)",
                dir.display()
            );
            return Err(fail(problem, None));
        }
        Ok(Claim {
            dir: dir.to_path_buf(),
            _lock: lock,
        })
    }

    /// The claimed directory.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where an interrupted run without a checkpoint directory of its own saves its
    /// checkpoint: [`DEFAULT_CHECKPOINT`] in the current directory, or if that is another run's
    /// or in use, the first of `scratchnet-checkpoint-2`, `-3`, ... that is not.
    ///
    /// # Errors
    /// [`Error::CheckpointDir`] when none of the first 100 can be claimed, with the last
    /// refusal as its cause.
    pub fn default_dir(config: &TrainConfig) -> Result<Claim, Error> {
        let mut last = None;
        for n in 1..=100 {
            let dir = match n {
                1 => PathBuf::from(DEFAULT_CHECKPOINT),
                n => PathBuf::from(format!("{DEFAULT_CHECKPOINT}-{n}")),
            };
            match Claim::take(&dir, config, false) {
                Ok(claim) => return Ok(claim),
                Err(e) => last = Some(e),
            }
        }
        Err(Error::CheckpointDir {
            path: PathBuf::from(DEFAULT_CHECKPOINT),
            problem: "no free checkpoint directory for the interrupted run".into(),
            cause: last.map(Into::into),
        })
    }
}

/// If `dir` holds a readable checkpoint of a run with other settings than `ours`, those
/// settings in a few words.
fn other_run(dir: &Path, ours: &TrainConfig) -> Option<String> {
    if !dir.join(CHECKPOINT_FILE).exists() {
        return None;
    }
    let (theirs, net) = match AnyTraining::resume(dir) {
        Ok(t) => (t.config().clone(), t.network().describe()),
        Err(_) => return Some("a damaged or unknown one".into()),
    };
    let same = TrainConfig {
        iters: ours.iters,
        threads: ours.threads,
        ..theirs.clone()
    };
    (same != *ours).then(|| {
        format!(
            "{net}, {} {}, batch {}, seed {}",
            theirs.optimizer.kind.title(),
            theirs.optimizer.describe(),
            theirs.batch_size,
            theirs.seed
        )
    })
}
