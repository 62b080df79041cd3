package shell

// NAME learn: the course of the shell (package learn, :learn at the prompt).

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

// learnUsage is the usage line of NAME learn.
func (a *app) learnUsage() string {
	return fmt.Sprintf("usage: %[1]s learn [--list | --check | N] [%[1]s flags]", a.name)
}

// runLearn is `NAME learn [--list | --check | N] [flags]`: --list prints
// the lessons without a database; --check judges every lesson's answers on
// a throwaway demo database (unless --db or -d names one); otherwise the
// shell starts at the course.
func (a *app) runLearn(args []string) int {
	lf, rest, err := parseLearnArgs(args)
	if err != nil {
		a.say("%v\n%s", err, a.learnUsage())
		return exitUsage
	}
	if lf.list {
		return a.listLessons(os.Stdout)
	}
	if lf.check && !a.explicitDatabase(rest) {
		rest = append([]string{"--ephemeral"}, rest...)
	}
	f, err := a.parseFlags(rest, os.Stderr)
	if err != nil {
		a.say("%v", err)
		return exitUsage
	}
	lessonAfterFlags(lf, f)
	if f.code != "" || len(f.files) > 0 {
		a.say("learn takes neither -c nor script files\n%s", a.learnUsage())
		return exitUsage
	}
	f.learn = lf
	return a.startSession(f)
}

// parseLearnArgs takes --list, --check and a lesson number from the front
// of args; the rest are the command's flags.
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

// lessonAfterFlags takes the lesson number of NAME learn --ephemeral 4,
// given after the shell's flags (which take it for a script file).
func lessonAfterFlags(lf *learnFlags, f *flags) {
	if n, err := strconv.Atoi(strings.Join(f.files, " ")); err == nil && n > 0 && lf.lesson == 0 && !lf.list && !lf.check {
		lf.lesson, f.files = n, nil
	}
}

// explicitDatabase reports whether the command's flags, or $NAME_DB, name
// a database.
func (a *app) explicitDatabase(args []string) bool {
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "db" || name == "d" || name == "ephemeral") {
			return true
		}
	}
	return os.Getenv(a.dbEnv) != ""
}

// listLessons prints the lessons, one a line.
func (a *app) listLessons(w io.Writer) int {
	lessons, err := learn.All()
	if err != nil {
		a.say("%v", err)
		return exitFail
	}
	for _, l := range lessons {
		fmt.Fprintf(w, "%2d  %-22s %s\n", l.Number, l.Name, l.Title)
	}
	return exitOK
}

// courseModel is the model the course's lessons need: they run on the
// demo addon's orders.
const courseModel = "demo.order"

// learnSession runs NAME learn once the session is open: the check, or
// the shell at the course.
func (a *app) learnSession(ctx context.Context, s *repl.Session, f *flags, interactive bool, sig *signals) int {
	if f.learn.check {
		if s.Env().Registry().Model(courseModel) == nil {
			a.say("learn --check: the lessons need the demo addon and its data (--addons demo)")
			return exitUsage
		}
		failed, err := s.CheckCourse(ctx, os.Stdout)
		if err != nil {
			a.say("learn --check: %v", err)
			return exitFail
		}
		if failed > 0 {
			a.say("learn --check: %d lessons failed", failed)
			return exitFail
		}
		return exitOK
	}
	if !interactive {
		a.say("learn is interactive: run it in a terminal (%s learn --list prints the lessons)", a.name)
		return exitUsage
	}
	a.keepLearnProgress(s)
	cmd := ":learn"
	if f.learn.lesson > 0 {
		cmd += " " + strconv.Itoa(f.learn.lesson)
	}
	return a.interact(ctx, s, sig, cmd)
}

// keepLearnProgress keeps the course's progress in the user's state
// directory, beside the history (not in the cluster's directory: root's
// is the system's, /var/lib/NAME).
func (a *app) keepLearnProgress(s *repl.Session) {
	if err := s.SetLearnProgress(a.learnProgressFile()); err != nil {
		a.say("%v", err)
	}
}

// learnProgressFile is where the course's progress is kept.
func (a *app) learnProgressFile() string { return filepath.Join(stateDir(), a.name, "learn.json") }
