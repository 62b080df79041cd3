package printer

import (
	"os"
	"strconv"
)

// TerminalWidth returns the width in cells of the terminal on file
// descriptor fd (typically os.Stdout.Fd()). When fd is not a terminal it
// falls back to $COLUMNS, then to DefaultWidth.
func TerminalWidth(fd uintptr) int {
	if w, ok := ttyWidth(fd); ok && w > 0 {
		return w
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return DefaultWidth
}
