// The ncursesw surface DatelineCurses uses, made visible to Swift.
//
// Why this file exists: the wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) is
// hidden unless NCURSES_WIDECHAR and _XOPEN_SOURCE_EXTENDED are defined before <curses.h>,
// and Swift imports no function-like macros (A_BOLD, COLOR_PAIR, KEY_F, BUTTON4_PRESSED)
// and, in Swift 6 mode, no C global variables (stdscr, COLORS, COLOR_PAIRS) without a
// concurrency error. Each of those gets a small `static inline` function here.
//
// No mutable C statics live here: a static in a header is one copy per translation unit,
// and a Swift module is compiled as several, so a flag set in one would be invisible to
// another. The signal flags live in Swift (SignalRestore.swift).

#ifndef DATELINE_CNCURSESW_SHIM_H
#define DATELINE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>

// glibc declares wcwidth only for some feature macros, which a Clang module does not see.
extern int wcwidth(wchar_t);

// MARK: - Globals as functions

static inline WINDOW *dateline_stdscr(void) { return stdscr; }
static inline WINDOW *dateline_curscr(void) { return curscr; }
static inline int dateline_colors(void) { return COLORS; }
static inline int dateline_color_pairs(void) { return COLOR_PAIRS; }

/// newterm on the process's own stdout/stdin; NULL for an unknown $TERM (initscr would exit).
static inline SCREEN *dateline_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Whether the terminal can move the cursor at all (`dumb` cannot, yet newterm accepts it).
static inline int dateline_can_address_cursor(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1;
}

/// Whether the terminal has an alternate screen (smcup/rmcup): without one (vt100) the
/// last frame stays on the terminal after endwin and the shell prompt must go below it.
static inline int dateline_has_alternate_screen(void) {
  const char *rmcup = tigetstr("rmcup");
  return rmcup != NULL && rmcup != (const char *)-1 && rmcup[0] != 0;
}

/// The line-drawing character `which` (0 ─, 1 │, 2 ┌, 3 ┐, 4 └, 5 ┘) from the terminal's
/// alternate character set, for locales that are not UTF-8.
static inline const cchar_t *dateline_wacs(int which) {
  switch (which) {
  case 0: return WACS_HLINE;
  case 1: return WACS_VLINE;
  case 2: return WACS_ULCORNER;
  case 3: return WACS_URCORNER;
  case 4: return WACS_LLCORNER;
  default: return WACS_LRCORNER;
  }
}

// MARK: - getmaxyx

static inline int dateline_rows(void) { return getmaxy(stdscr); }
static inline int dateline_columns(void) { return getmaxx(stdscr); }

// MARK: - Attributes and colour pairs

static inline attr_t dateline_a_normal(void) { return A_NORMAL; }
static inline attr_t dateline_a_bold(void) { return A_BOLD; }
static inline attr_t dateline_a_reverse(void) { return A_REVERSE; }
static inline attr_t dateline_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dateline_a_dim(void) { return A_DIM; }
static inline attr_t dateline_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

// MARK: - Keys and mouse

static inline int dateline_key_f(int n) { return KEY_F(n); }
static inline mmask_t dateline_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t dateline_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t dateline_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t dateline_button_shift(void) { return BUTTON_SHIFT; }

// MARK: - Signals

/// Installs `handler` for `sig` with an empty mask and `flags`; 0 on success.
///
/// Glibc's `struct sigaction` keeps the handler in a union that is awkward from Swift.
static inline int dateline_catch_signal(int sig, void (*handler)(int), int flags) {
  struct sigaction action;
  sigemptyset(&action.sa_mask);
  action.sa_flags = flags;
  action.sa_handler = handler;
  return sigaction(sig, &action, NULL);
}

/// Restores the terminal from a crash signal, then lets the signal kill the process.
///
/// Installed with SA_RESETHAND, so the action is already the default when `raise` runs and
/// the exit status names the real signal. endwin() is not async-signal-safe in theory; it
/// is what tig and others do, and a crashed program has nothing better to lose.
static void dateline_crash_handler(int sig) {
  endwin();
  raise(sig);
}

/// Points the crash signals at `dateline_crash_handler`; 0 on success.
///
/// SA_ONSTACK uses an alternate signal stack when the runtime set one up, so even a stack
/// overflow can restore the terminal.
static inline int dateline_catch_crash_signals(void) {
  static const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
  int result = 0;
  for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    if (dateline_catch_signal(signals[i], dateline_crash_handler, SA_RESETHAND | SA_ONSTACK) != 0) {
      result = -1;
    }
  }
  return result;
}

/// Dies of `sig` with its default action, so the shell sees 128+sig; returns only if it
/// could not (then the caller exits by hand).
static inline void dateline_die_of_signal(int sig) {
  sigset_t set;
  fflush(NULL);
  signal(sig, SIG_DFL);
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  raise(sig);
}

#endif
