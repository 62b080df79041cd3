package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// continuationPrompt is shown for the lines after an entry's first.
const continuationPrompt = "... "

// Run reads entries from lr and evaluates them until Ctrl-D or :quit.
// An entry continues over several lines while Check says More; it is
// saved to the history as one entry. Ctrl-C while typing drops the entry,
// and so does Ctrl-D on a continuation line (the session stays). Leaving
// with uncommitted changes asks whether to commit them; Ctrl-C there stays.
// When the connection to the database is lost, the session says so in one
// line and Run returns ErrConnLost.
func (s *Session) Run(ctx context.Context, lr LineReader) error {
	s.in.Interactive = true // methods declared can be declared again
	for {
		entry, err := s.readEntry(lr)
		switch {
		case errors.Is(err, ErrInterrupt):
			continue
		case errors.Is(err, io.EOF):
			for _, p := range s.in.Pending() {
				fmt.Fprintln(s.errw, "odsh: "+p)
			}
			if s.confirmExit(lr) {
				return nil
			}
			continue
		case err != nil:
			return err
		}
		if strings.TrimSpace(entry) == "" {
			continue
		}
		lr.SaveHistory(entry)
		err = s.Eval(ctx, entry)
		if errors.Is(err, ErrConnLost) {
			return err
		}
		if errors.Is(err, ErrQuit) && s.confirmExit(lr) {
			return nil
		}
	}
}

// readEntry reads lines until the entry is complete.
func (s *Session) readEntry(lr LineReader) (string, error) {
	line, err := lr.ReadLine(s.Prompt())
	if err != nil {
		return "", err
	}
	entry := line
	for !strings.HasPrefix(strings.TrimSpace(entry), ":") && !Complete(entry) {
		line, err := lr.ReadLine(continuationPrompt)
		if errors.Is(err, io.EOF) {
			return "", ErrInterrupt // drop the unfinished entry, not the session
		}
		if err != nil {
			return "", err
		}
		entry += "\n" + line
	}
	return entry, nil
}

// confirmExit asks what to do with uncommitted changes: y commits, n
// discards, Ctrl-D (the end of input) discards too, anything else (Ctrl-C
// included) stays in the shell.
func (s *Session) confirmExit(lr LineReader) bool {
	if !s.Dirty() {
		return true
	}
	answer, err := lr.ReadLine("uncommitted changes: commit them? [y = commit, n = discard, Enter = stay] ")
	if errors.Is(err, ErrInterrupt) {
		return false
	}
	if err != nil {
		fmt.Fprintln(s.errw, "rolled back")
		return true
	}
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		if err := catch(s.commit); err != nil {
			s.fail(err)
			return false
		}
		fmt.Fprintln(s.errw, "committed")
		return true
	case "n", "no":
		fmt.Fprintln(s.errw, "rolled back")
		return true
	}
	return false
}
