package pglocal

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// runsIn reports whether process pid has dir as its working directory, as a
// postmaster does with its data directory. This tells a live server from an
// unrelated process that reused a crashed server's pid. When /proc cannot
// tell (permissions), it answers yes.
func runsIn(pid int, dir string) bool {
	cwd, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/cwd")
	if errors.Is(err, os.ErrNotExist) {
		return false // gone, or a zombie
	}
	if err != nil {
		return true
	}
	want, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return true
	}
	return cwd == want
}

// dieWithParent makes the kernel send the server SIGINT (fast shutdown)
// when the process that started it dies, so an ephemeral cluster does not
// outlive a killed test binary.
func dieWithParent(attr *syscall.SysProcAttr) {
	attr.Pdeathsig = syscall.SIGINT
}
