package main

// odsh learn: the course of the shell (package learn, :learn at the prompt).

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"odsh/learn"
	"odsh/repl"
)

// learnFlags are the arguments of odsh learn before odsh's own flags.
type learnFlags struct {
	list, check bool
	lesson      int // 0: the lesson the progress file says
}

const learnUsage = "usage: odsh learn [--list | --check | N] [flags]"

// runLearn is `odsh learn [--list | --check | N] [flags]`: --list prints
// the lessons without a database; --check judges every lesson's answers on
// a throwaway demo database (unless --db or -d names one); otherwise the
// shell starts at the course.
func runLearn(args []string) int {
	lf, rest, err := parseLearnArgs(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "odsh: %v\n%s\n", err, learnUsage)
		return exitUsage
	}
	if lf.list {
		return listLessons(os.Stdout)
	}
	if lf.check && !explicitDatabase(rest) {
		rest = append([]string{"--ephemeral"}, rest...)
	}
	f, err := parseFlags(rest, os.Stderr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "odsh: %v\n", err)
		return exitUsage
	}
	lessonAfterFlags(lf, f)
	if f.code != "" || len(f.files) > 0 {
		fmt.Fprintf(os.Stderr, "odsh: learn takes neither -c nor script files\n%s\n", learnUsage)
		return exitUsage
	}
	f.learn = lf
	return startSession(f)
}

// parseLearnArgs takes --list, --check and a lesson number from the front
// of args; the rest are odsh's flags.
func parseLearnArgs(args []string) (*learnFlags, []string, error) {
	lf := &learnFlags{}
	for len(args) > 0 {
		switch a := args[0]; {
		case a == "--list" || a == "-list":
			lf.list = true
		case a == "--check" || a == "-check":
			lf.check = true
		case a != "" && a[0] >= '0' && a[0] <= '9':
			n, err := strconv.Atoi(a)
			if err != nil || n < 1 {
				return nil, nil, fmt.Errorf("learn: %q is not a lesson number", a)
			}
			lf.lesson = n
		default:
			return lf, args, nil
		}
		args = args[1:]
	}
	if lf.list && lf.check || (lf.list || lf.check) && lf.lesson > 0 {
		return nil, nil, fmt.Errorf("learn: --list, --check and N are exclusive")
	}
	return lf, nil, nil
}

// lessonAfterFlags takes the lesson number of odsh learn --ephemeral 4,
// given after odsh's flags (which take it for a script file).
func lessonAfterFlags(lf *learnFlags, f *flags) {
	if n, err := strconv.Atoi(strings.Join(f.files, " ")); err == nil && n > 0 && lf.lesson == 0 && !lf.list && !lf.check {
		lf.lesson, f.files = n, nil
	}
}

// explicitDatabase reports whether odsh's flags name a database.
func explicitDatabase(args []string) bool {
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "db" || name == "d" || name == "ephemeral") {
			return true
		}
	}
	return os.Getenv("ODSH_DB") != ""
}

// listLessons prints the lessons, one a line.
func listLessons(w io.Writer) int {
	lessons, err := learn.All()
	if err != nil {
		fmt.Fprintf(os.Stderr, "odsh: %v\n", err)
		return exitFail
	}
	for _, l := range lessons {
		fmt.Fprintf(w, "%2d  %-22s %s\n", l.Number, l.Name, l.Title)
	}
	return exitOK
}

// learnSession runs odsh learn once the session is open: the check, or
// the shell at the course.
func learnSession(ctx context.Context, s *repl.Session, f *flags, interactive bool, sig *signals) int {
	if f.learn.check {
		if s.Env().Registry().Model("demo.order") == nil {
			fmt.Fprintln(os.Stderr, "odsh: learn --check: the lessons need the demo addon and its data (--addons demo)")
			return exitUsage
		}
		failed, err := s.CheckCourse(ctx, os.Stdout)
		if err != nil {
			fmt.Fprintf(os.Stderr, "odsh: learn --check: %v\n", err)
			return exitFail
		}
		if failed > 0 {
			fmt.Fprintf(os.Stderr, "odsh: learn --check: %d lessons failed\n", failed)
			return exitFail
		}
		return exitOK
	}
	if !interactive {
		fmt.Fprintln(os.Stderr, "odsh: learn is interactive: run it in a terminal (odsh learn --list prints the lessons)")
		return exitUsage
	}
	keepLearnProgress(s)
	cmd := ":learn"
	if f.learn.lesson > 0 {
		cmd += " " + strconv.Itoa(f.learn.lesson)
	}
	_ = s.Eval(ctx, cmd)
	return interact(ctx, s, sig)
}

// keepLearnProgress keeps the course's progress in the user's state
// directory, beside the history (not in the cluster's directory: root's
// is the system's, /var/lib/odsh).
func keepLearnProgress(s *repl.Session) {
	if err := s.SetLearnProgress(learnProgressFile()); err != nil {
		fmt.Fprintf(os.Stderr, "odsh: %v\n", err)
	}
}

// learnProgressFile is where the course's progress is kept.
func learnProgressFile() string { return filepath.Join(stateDir(), "odsh", "learn.json") }
