package pglocal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockFile is an flock(2) lock on a file. Each lockFile has its own open
// file description, so two in one process exclude each other exactly like
// two processes do, and the kernel drops them when the process dies.
type lockFile struct {
	f *os.File
}

func openLock(path string) (*lockFile, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("pglocal: lock: %w", err)
	}
	return &lockFile{f: f}, nil
}

// lock waits for the lock (syscall.LOCK_SH or LOCK_EX) until ctx is done.
func (l *lockFile) lock(ctx context.Context, how int) error {
	for {
		ok, err := l.try(how)
		if ok || err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("pglocal: waiting for %s: %w", l.f.Name(), ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// try takes the lock if it is free and reports whether it did.
func (l *lockFile) try(how int) (bool, error) {
	err := syscall.Flock(int(l.f.Fd()), how|syscall.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, syscall.EWOULDBLOCK), errors.Is(err, syscall.EINTR):
		return false, nil
	default:
		return false, fmt.Errorf("pglocal: flock %s: %w", l.f.Name(), err)
	}
}

func (l *lockFile) unlock() error {
	if err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN); err != nil {
		return fmt.Errorf("pglocal: unlock %s: %w", l.f.Name(), err)
	}
	return nil
}

func (l *lockFile) close() error {
	return l.f.Close()
}
