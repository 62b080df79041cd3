package pglocal

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

// helperEnv names the cluster directory a helper subprocess joins.
const helperEnv = "PGLOCAL_TEST_JOIN"

// TestMain turns the test binary into a second user of a cluster when
// helperEnv is set: it opens the cluster, prints "joined started=BOOL pid=N",
// waits for a line on stdin, closes it and prints "closed".
func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		os.Exit(joinHelper(dir))
	}
	os.Exit(m.Run())
}

func joinHelper(dir string) int {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := Open(ctx, dir, Options{NoSync: true})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	pid, _ := c.serverPID()
	fmt.Printf("joined started=%v pid=%d\n", c.Started(), pid)
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	if err := c.Close(); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("closed")
	return 0
}
