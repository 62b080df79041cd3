package pglocal

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// superuser is the role initdb creates; with trust on the socket any local
// process may connect as it.
const superuser = "postgres"

// initdb creates the cluster in l.data: UTF8, locale C, trust on the unix
// socket and no other way in.
func (c *Cluster) initdb(ctx context.Context) error {
	args := []string{
		"-D", c.l.data,
		"-U", superuser,
		"--encoding=UTF8", "--locale=C",
		"--auth-local=trust", "--auth-host=reject",
	}
	if c.opts.NoSync {
		args = append(args, "--no-sync")
	}
	cmd := c.command(ctx, c.bin.Initdb, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("pglocal: initdb %s: %w\n%s", c.l.data, err, strings.TrimSpace(string(out)))
	}
	return nil
}

// command prepares a server program: run as the server account from the
// cluster directory (the programs look at their working directory), with a
// clean environment (PGPORT, PGDATA, LANG... would change their behaviour).
func (c *Cluster) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = c.l.dir
	cmd.Env = serverEnv()
	cmd.SysProcAttr = c.acct.attr()
	return cmd
}

func serverEnv() []string {
	env := []string{"LC_ALL=C", "TZ=UTC"}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	return env
}
