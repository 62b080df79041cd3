// Package tty tells whether a file is a terminal.
package tty

import (
	"os"

	"golang.org/x/sys/unix"
)

// Is reports whether f is a terminal: it answers the terminal ioctl (a
// character device such as /dev/null does not).
func Is(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}
