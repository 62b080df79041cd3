//go:build !unix

package printer

// ttyWidth is unknown off Unix; TerminalWidth falls back to $COLUMNS.
func ttyWidth(fd uintptr) (int, bool) { return 0, false }
