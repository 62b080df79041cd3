//go:build !linux

package pglocal

import "syscall"

// runsIn cannot check a process's working directory portably; a live pid
// is taken to be the server.
func runsIn(pid int, dir string) bool { return true }

// dieWithParent has no portable equivalent: an ephemeral cluster whose
// owner is killed keeps running until stopped.
func dieWithParent(attr *syscall.SysProcAttr) {}
