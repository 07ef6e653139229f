//! A progress bar on standard error for long runs, drawn only when standard error is
//! a terminal: never in CI logs, never when the output is piped.
//!
//! The work is counted where it is done (the corpus loader's `LoadCounts`, the
//! claims' article counter in `commands/check.rs`), in atomics; a thread here polls
//! them through a [`Status`] function and draws the phase, a bar of what is done of
//! the total and the time left. A phase without a total (the rules, the overlaps)
//! shows a spinner and the time spent.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::Env;

/// Where a run is: its phase, and how much of it is done of how much (`total` 0:
/// not counted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// What is being done: `reading files`, `extracting claims`, ...
    pub phase: &'static str,
    /// What else to say of it (`1234 articles`), or nothing.
    pub detail: String,
    /// Units done.
    pub done: u64,
    /// Units in all, or 0 when the phase is not counted.
    pub total: u64,
}

type Poll = Box<dyn Fn() -> Status + Send>;

/// A progress bar, or nothing.
pub struct Progress(Option<Drawn>);

struct Drawn {
    bar: ProgressBar,
    poll: Arc<Mutex<Option<Poll>>>,
    stop: Arc<AtomicBool>,
    poller: Option<JoinHandle<()>>,
}

const TICK: Duration = Duration::from_millis(100);

impl Progress {
    /// Nothing.
    pub fn none() -> Progress {
        Progress(None)
    }

    /// A progress bar on standard error when it is a terminal, else nothing.
    pub fn start(env: &Env) -> Progress {
        Progress::with_target(env, ProgressDrawTarget::stderr)
    }

    /// A progress bar drawn to `target()` when standard error is a terminal.
    fn with_target(env: &Env, target: impl FnOnce() -> ProgressDrawTarget) -> Progress {
        if !env.stderr_is_terminal {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(None, target());
        let poll: Arc<Mutex<Option<Poll>>> = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        let poller = {
            let (bar, poll, stop) = (bar.clone(), Arc::clone(&poll), Arc::clone(&stop));
            std::thread::Builder::new()
                .name("factdiff-progress".into())
                .spawn(move || {
                    let mut shown: Option<Status> = None;
                    while !stop.load(Ordering::Relaxed) {
                        if let Ok(guard) = poll.lock()
                            && let Some(poll) = guard.as_ref()
                        {
                            show(&bar, &mut shown, poll());
                        }
                        std::thread::sleep(TICK / 2);
                    }
                })
                .ok()
        };
        bar.enable_steady_tick(TICK);
        Progress(Some(Drawn {
            bar,
            poll,
            stop,
            poller,
        }))
    }

    /// Shows `status()` now, and polls it until the next call or [`Progress::finish`].
    pub fn track(&self, status: impl Fn() -> Status + Send + 'static) {
        let Some(drawn) = &self.0 else {
            return;
        };
        if let Ok(mut guard) = drawn.poll.lock() {
            let mut shown = None;
            show(&drawn.bar, &mut shown, status());
            *guard = Some(Box::new(status));
        }
    }

    /// Removes the bar.
    pub fn finish(&mut self) {
        if let Some(mut drawn) = self.0.take() {
            drawn.stop.store(true, Ordering::Relaxed);
            if let Some(poller) = drawn.poller.take() {
                let _ = poller.join();
            }
            drawn.bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// Draws `now` on `bar`, restyling it when the phase changes.
fn show(bar: &ProgressBar, shown: &mut Option<Status>, now: Status) {
    let same_phase = shown
        .as_ref()
        .is_some_and(|s| s.phase == now.phase && (s.total == 0) == (now.total == 0));
    if !same_phase {
        let template = if now.total > 0 {
            "{msg} [{bar:30}] {pos}/{len} ({percent}%), {eta} left"
        } else {
            "{spinner} {msg} {elapsed}"
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_spinner())
                .progress_chars("=> "),
        );
        bar.reset();
    }
    bar.set_message(if now.detail.is_empty() {
        now.phase.to_owned()
    } else {
        format!("{} ({})", now.phase, now.detail)
    });
    if now.total > 0 {
        bar.set_length(now.total);
        bar.set_position(now.done.min(now.total));
    }
    *shown = Some(now);
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use indicatif::{ProgressDrawTarget, TermLike};

    use super::*;

    /// A terminal that keeps what is drawn on it.
    #[derive(Debug, Clone, Default)]
    struct Screen(Arc<Mutex<String>>);

    impl TermLike for Screen {
        fn width(&self) -> u16 {
            100
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, line: &str) -> std::io::Result<()> {
            self.write_str(line)?;
            self.write_str("\n")
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn env(stderr_is_terminal: bool) -> Env {
        Env {
            cwd: ".".into(),
            stdout_is_terminal: false,
            stderr_is_terminal,
            no_color: true,
            width: None,
        }
    }

    fn run_on(env: &Env, screen: &Screen) {
        let target = {
            let screen = screen.clone();
            move || ProgressDrawTarget::term_like(Box::new(screen))
        };
        let mut progress = Progress::with_target(env, target);
        progress.track(|| Status {
            phase: "extracting claims",
            detail: String::new(),
            done: 3,
            total: 12,
        });
        std::thread::sleep(Duration::from_millis(300));
        progress.track(|| Status {
            phase: "finding overlaps",
            detail: String::new(),
            done: 0,
            total: 0,
        });
        std::thread::sleep(Duration::from_millis(300));
        progress.finish();
    }

    #[test]
    fn nothing_is_drawn_when_standard_error_is_not_a_terminal() {
        let screen = Screen::default();
        run_on(&env(false), &screen);
        assert_eq!(*screen.0.lock().unwrap(), "");
    }

    #[test]
    fn a_terminal_shows_the_phase_the_count_and_the_time_left() {
        let screen = Screen::default();
        run_on(&env(true), &screen);
        let drawn = screen.0.lock().unwrap().clone();
        assert!(drawn.contains("extracting claims"), "{drawn:?}");
        assert!(drawn.contains("3/12 (25%)"), "{drawn:?}");
        assert!(drawn.contains(" left"), "{drawn:?}");
        assert!(drawn.contains("finding overlaps"), "{drawn:?}");
    }
}
