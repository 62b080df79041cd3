package conformance

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"odsh/internal/testdb"
)

// TestRunnerIsolation: a program that hangs, crashes its process, floods the
// output or leaves goroutines behind costs only itself; the programs after
// it run in a sound child.
func TestRunnerIsolation(t *testing.T) {
	if raceEnabled {
		t.Skip("children under -race are slow; the plain run covers this")
	}
	prog := func(name, body string) Program {
		return Program{Name: "t/" + name + ".go", Src: []byte("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n\nvar _, _ = os.Getpid, time.Sleep\n\nfunc main() {\n" + body + "\n}\n")}
	}
	progs := []Program{
		prog("ok1", `fmt.Println("one")`),
		prog("hang", `fmt.Println("before"); for { time.Sleep(time.Millisecond) }`),
		prog("ok2", `fmt.Println("two")`),
		prog("crash", `fmt.Println("dying"); time.AfterFunc(0, func() { panic("in a timer") }); time.Sleep(2 * time.Second)`),
		prog("ok3", `println("three")`),
		prog("leak", `go func() { for { time.Sleep(time.Millisecond); fmt.Print("") } }(); fmt.Println("leaked")`),
		prog("ok4", `fmt.Print("four"); os.Stdout.WriteString("!\n"); os.Stderr.WriteString("err\n"); fmt.Println("x")`),
		prog("flood", `s := make([]byte, 1<<20); for { os.Stdout.Write(s) }`),
		prog("ok5", `fmt.Println("five")`),
		prog("exit", `fmt.Println("exiting"); os.Exit(3)`),
		prog("ok6", `fmt.Println("six")`),
	}
	r := &Runner{Exe: os.Args[0], DSN: testdb.PreparedDSN(t), Workers: 1, Dir: t.TempDir(), Timeout: 3 * time.Second}
	outs := r.Run(context.Background(), progs, []string{Script})
	want := map[string]struct{ problem, output string }{
		"t/ok1.go":   {"", "one\n"},
		"t/hang.go":  {"timeout", "before\n"},
		"t/ok2.go":   {"", "two\n"},
		"t/kill.go":  {"crash: child signal: killed", "dying\n"},
		"t/ok3.go":   {"", "three\n"},
		"t/leak.go":  {"", "leaked\n"},
		"t/ok4.go":   {"", "four!\nerr\nx\n"},
		"t/flood.go": {"output too large", ""},
		"t/ok5.go":   {"", "five\n"},
		"t/ok6.go":   {"", "six\n"},
	}
	for _, o := range outs {
		w, ok := want[o.Name]
		if !ok {
			continue
		}
		if !strings.HasPrefix(o.Problem, w.problem) || w.problem == "" && o.Problem != "" {
			t.Errorf("%s: problem %q, want %q", o.Name, o.Problem, w.problem)
		}
		if w.output != "" && string(o.Output) != w.output {
			t.Errorf("%s: output %q, want %q", o.Name, o.Output, w.output)
		}
	}
	exit := outs[9]
	if exit.Status != 1 || !strings.Contains(string(exit.Output), "exiting\nt/exit.go:") {
		t.Errorf("os.Exit: status %d, output %q: want an odsh error, status 1", exit.Status, exit.Output)
	}
	if r.Restarts() < 4 {
		t.Errorf("%d restarts, want at least 4 (hang, crash, leak, flood)", r.Restarts())
	}
}
