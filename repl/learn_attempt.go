package repl

// A try at a lesson (see package learn for the lesson format):
//
//	SAVEPOINT a                      caches forgotten, so query counts repeat
//	  learner's entries              printed as any entry; got = the last one's value, queries = their statements
//	  flush; the lesson's Check      in the checker, an interpreter of its own: env, got, queries bound
//	ROLLBACK TO a                    the try leaves nothing behind but Go variables
//	SAVEPOINT b                      (compare: value or set)
//	  reference answer               in the checker; want = its last value
//	ROLLBACK TO b
//	right  ⇔  Check says so  ∧  Canon(got) = Canon(want)
//
// At the prompt a try may take several entries: an entry without a value
// (statements only: an assignment, a Write) is a step, kept until the
// entry that ends with a value, judged with the steps before it. A learner
// may so type an answer line by line, as the lessons show it, or paste it.
//
// The reference answer runs in the checker so that its variables never
// show at the learner's prompt, and after the learner's code so that what
// the learner printed is theirs alone.

import (
	"context"
	"fmt"
	"io"

	"odsh/learn"
	"odsh/orm"
	"odsh/repl/symbols"
)

// Verdict is the judgement of a try at a lesson.
type Verdict struct {
	Right  bool
	Reason string // why it is wrong; empty when right
	Step   bool   // the entry has no value: a step of a try under way, not judged
}

// try is a try under way: the savepoint before its first entry.
type try struct {
	sp      string
	changes int      // s.changes.len() at its start
	epoch   int      // the transaction's epoch at its start
	env     *orm.Env // the checker's env, whatever the code does to env
	queries int      // the statements of its entries so far
	steps   int      // its entries so far
}

// CheckLesson runs code as a try at lesson l, quietly (nothing printed but
// what the code prints itself), and judges it. The error is the lesson's
// own fault (its Check or answer does not run), not the code's.
func (s *Session) CheckLesson(ctx context.Context, l *learn.Lesson, code string) (Verdict, error) {
	return s.attempt(ctx, l, code, false)
}

// attempt runs code as an entry of a try (see the top of the file); show
// prints the code's value or error as an entry's, and makes an entry
// without a value a step of the try rather than a wrong one.
func (s *Session) attempt(ctx context.Context, l *learn.Lesson, code string, show bool) (Verdict, error) {
	s.syncEpoch()
	st := s.learnState()
	if st.try != nil && st.try.epoch != s.tx.Epoch() {
		st.try = nil // a commit or rollback ended it
	}
	if st.try == nil {
		t := &try{env: s.env, epoch: s.tx.Epoch(), changes: s.changes.len()}
		if err := catch(t.env.InvalidateAll); err != nil {
			return Verdict{}, err
		}
		sp, err := s.savepoint()
		if err != nil {
			return Verdict{}, err
		}
		t.sp, st.try = sp, t
	}
	t := st.try
	v, got, err := s.judgeTry(ctx, t, l, code, show)
	if err == nil && v.Step {
		return v, nil
	}
	st.try = nil
	if s.tx.Epoch() != t.epoch {
		s.syncEpoch()
		return Verdict{Reason: "the code ended the transaction (a commit or a rollback); a lesson's tries leave it open"}, nil
	}
	if rerr := catch(func() { s.tx.RollbackTo(t.sp) }); rerr != nil && err == nil {
		err = rerr
	}
	s.changes.truncate(t.changes)
	if err != nil || !v.Right || l.Compare == learn.CompareNone {
		return v, err
	}
	want, err := s.reference(ctx, t.env, l)
	if err != nil {
		return Verdict{}, err
	}
	if got != want {
		return Verdict{Reason: learn.Difference(got, want)}, nil
	}
	return v, nil
}

// dropTry rolls back the steps of a try under way, if any, and says so.
func (s *Session) dropTry() {
	st := s.learnState()
	t := st.try
	st.try = nil
	if t == nil || t.epoch != s.tx.Epoch() {
		return
	}
	if err := catch(func() { s.tx.RollbackTo(t.sp) }); err != nil {
		fmt.Fprintln(s.errw, "rolling back the try's steps failed: "+s.FormatError(err))
		return
	}
	s.changes.truncate(t.changes)
	fmt.Fprintf(s.out, "(the unfinished try's %s rolled back)\n", plural(t.steps, "step is", "steps are"))
}

// plural is "1 step is" or "3 steps are".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// judgeTry runs one entry of the learner's try, in a savepoint of its
// own within the try's, and then the lesson's Check. got is the canonical
// value of the entry's last expression.
func (s *Session) judgeTry(ctx context.Context, t *try, l *learn.Lesson, code string, show bool) (Verdict, string, error) {
	esp, err := s.savepoint()
	if err != nil {
		return Verdict{}, "", err
	}
	q0 := s.tx.QueryCount()
	s.wrote, s.inEntry = false, true
	res, err := s.eval(ctx, func(c context.Context) (Result, error) {
		res, _, later, err := s.in.EvalEntry(c, code)
		if err == nil && len(later) > 0 {
			err = later[0]
		}
		return res, err
	})
	if err == nil {
		err = catch(s.env.FlushAll)
	}
	s.inEntry = false
	t.queries += s.tx.QueryCount() - q0
	if s.tx.Epoch() == t.epoch {
		if err != nil {
			_ = catch(func() { s.tx.RollbackTo(esp) }) // the failed entry alone
		} else {
			_ = catch(func() { s.tx.Release(esp) })
		}
	}
	if err != nil {
		if show {
			s.failHinted(code, withLine(code, err))
			return Verdict{Reason: "the code failed (the error is above)"}, "", nil
		}
		return Verdict{Reason: "the code failed: " + s.FormatError(err)}, "", nil
	}
	if show && !endsWithPrint(code) {
		if perr := s.print(res); perr != nil {
			fmt.Fprintln(s.errw, "printing the value failed: "+s.FormatError(perr))
		}
	}
	s.adoptEnv()
	if len(res.Values) == 0 && (l.Compare != learn.CompareNone || l.Check != "") {
		if show && s.tx.Epoch() == t.epoch {
			t.steps++
			return Verdict{Step: true}, "", nil
		}
		return Verdict{Reason: "the entry has no value to judge: end it with an expression, the result"}, "", nil
	}
	value := lastValue(res)
	got := learn.Canon(value, l.Compare != learn.CompareSet)
	if l.Check == "" {
		return Verdict{Right: true}, got, nil
	}
	v, err := s.runCheck(ctx, t.env, l, value, t.queries)
	return v, got, err
}

// lastValue is the value of an entry's last expression: nil for a
// statement, the value itself, or the list of a call's results.
func lastValue(res Result) any {
	switch len(res.Values) {
	case 0:
		return nil
	case 1:
		return res.Values[0]
	}
	return res.Values
}

// runCheck runs the lesson's Check in the checker, with got and queries
// bound. It ends with a bool (true: right) or a string (empty: right).
func (s *Session) runCheck(ctx context.Context, env *orm.Env, l *learn.Lesson, got any, queries int) (Verdict, error) {
	ck, err := s.checker(env)
	if err != nil {
		return Verdict{}, err
	}
	// got is an any, as the Check's type assertions need
	if err := ck.Bind("odshLearnGot", got); err != nil {
		return Verdict{}, err
	}
	if _, err := ck.Eval(ctx, "var got any = odshLearnGot"); err != nil {
		return Verdict{}, err
	}
	if err := ck.Bind("queries", queries); err != nil {
		return Verdict{}, err
	}
	res, err := s.eval(ctx, func(c context.Context) (Result, error) { return ck.Eval(c, l.Check) })
	if err != nil {
		return Verdict{}, fmt.Errorf("lesson %d: its check failed: %s", l.Number, s.FormatError(err))
	}
	switch x := lastValue(res).(type) {
	case bool:
		if x {
			return Verdict{Right: true}, nil
		}
		return Verdict{Reason: "not what the task asks"}, nil
	case string:
		return Verdict{Right: x == "", Reason: x}, nil
	}
	return Verdict{}, fmt.Errorf("lesson %d: its check ends with %T, want a bool or a string", l.Number, lastValue(res))
}

// reference runs the lesson's answer in the checker, in a savepoint rolled
// back after, and returns the canonical value of its last expression.
func (s *Session) reference(ctx context.Context, env *orm.Env, l *learn.Lesson) (string, error) {
	ck, err := s.checker(env)
	if err != nil {
		return "", err
	}
	if err := catch(env.InvalidateAll); err != nil {
		return "", err
	}
	sp, err := s.savepoint()
	if err != nil {
		return "", err
	}
	n := s.changes.len()
	defer s.changes.truncate(n)
	res, err := s.eval(ctx, func(c context.Context) (Result, error) { return ck.Eval(c, l.Answer) })
	if err == nil {
		err = catch(env.FlushAll)
	}
	if rerr := catch(func() { s.tx.RollbackTo(sp) }); rerr != nil && err == nil {
		err = rerr
	}
	if err != nil {
		return "", fmt.Errorf("lesson %d: its answer failed: %s", l.Number, s.FormatError(err))
	}
	return learn.Canon(lastValue(res), l.Compare != learn.CompareSet), nil
}

// checker returns the interpreter that runs checks and reference answers,
// with env bound; it prints nothing.
func (s *Session) checker(env *orm.Env) (*Interp, error) {
	st := s.learnState()
	if st.checker == nil {
		in, err := New(Options{Stdout: io.Discard, Stderr: io.Discard, Env: []string{}})
		if err != nil {
			return nil, err
		}
		if err := in.Use(symbols.Symbols); err != nil {
			return nil, err
		}
		if err := bindCatch(in, func() *orm.Env { return st.checkEnv }); err != nil {
			return nil, err
		}
		if _, err := in.Eval(context.Background(), `import ("odsh/orm"; "odsh/domain")`); err != nil {
			return nil, err
		}
		st.checker = in
	}
	st.checkEnv = env
	return st.checker, st.checker.Bind("env", env)
}
