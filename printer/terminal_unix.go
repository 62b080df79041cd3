//go:build unix

package printer

import "golang.org/x/sys/unix"

// ttyWidth asks the terminal driver for the window size.
func ttyWidth(fd uintptr) (int, bool) {
	ws, err := unix.IoctlGetWinsize(int(fd), unix.TIOCGWINSZ)
	if err != nil {
		return 0, false
	}
	return int(ws.Col), true
}
