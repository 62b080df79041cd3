package shell

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"odsh/repl"
)

// signals handles the signals a session receives: Ctrl-C (SIGINT) cancels
// the running entry; SIGTERM or SIGHUP (the terminal went away) cancels it
// too and ends odsh with status 1, the transaction rolled back: the
// terminal is restored, the private cluster left (and stopped when odsh
// was its last user), and the process exits, which closes the connection
// and makes the server roll back whatever was not committed.
type signals struct {
	name string // the command's, for the last line
	ch   chan os.Signal
	done chan struct{}

	mu    sync.Mutex
	hooks []func()
}

// handleSignals starts handling signals for session s on db.
func (a *app) handleSignals(s *repl.Session, db *database) *signals {
	sg := &signals{name: a.name, ch: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(sg.ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		for {
			select {
			case sig := <-sg.ch:
				s.Interrupt()
				if sig != os.Interrupt {
					sg.terminate(sig, db)
				}
			case <-sg.done:
				return
			}
		}
	}()
	return sg
}

// atExit adds a function run, before the others, when a signal ends odsh.
func (sg *signals) atExit(f func()) {
	sg.mu.Lock()
	defer sg.mu.Unlock()
	sg.hooks = append(sg.hooks, f)
}

// terminate ends odsh on sig.
func (sg *signals) terminate(sig os.Signal, db *database) {
	sg.mu.Lock()
	for i := len(sg.hooks) - 1; i >= 0; i-- {
		sg.hooks[i]()
	}
	sg.mu.Unlock()
	fmt.Fprintf(os.Stderr, "%s: %v; uncommitted changes are rolled back\n", sg.name, sig)
	if db.cluster != nil {
		_ = db.cluster.Close()
	}
	os.Exit(exitFail)
}

// stop stops handling signals.
func (sg *signals) stop() { signal.Stop(sg.ch); close(sg.done) }
