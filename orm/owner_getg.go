//go:build amd64 || arm64

package orm

// getg returns the runtime's pointer to the calling goroutine (owner_*.s).
func getg() uintptr
