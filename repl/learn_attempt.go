package repl

// A try at a lesson (see package learn for the lesson format):
//
//	SAVEPOINT a                      caches forgotten, so query counts repeat
//	  learner's code                 printed as any entry; got = its last value, queries = its statements
//	  flush; the lesson's Check      in the checker, an interpreter of its own: env, got, queries bound
//	ROLLBACK TO a                    the try leaves nothing behind but Go variables
//	SAVEPOINT b                      (compare: value or set)
//	  reference answer               in the checker; want = its last value
//	ROLLBACK TO b
//	right  ⇔  Check says so  ∧  Canon(got) = Canon(want)
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
}

// CheckLesson runs code as a try at lesson l, quietly (nothing printed but
// what the code prints itself), and judges it. The error is the lesson's
// own fault (its Check or answer does not run), not the code's.
func (s *Session) CheckLesson(ctx context.Context, l *learn.Lesson, code string) (Verdict, error) {
	return s.attempt(ctx, l, code, false)
}

// attempt runs one try in a savepoint rolled back after (see the top of
// the file); show prints the code's value or error as an entry's.
func (s *Session) attempt(ctx context.Context, l *learn.Lesson, code string, show bool) (Verdict, error) {
	s.syncEpoch()
	env := s.env // the checker's, whatever the code does to env
	if err := catch(env.InvalidateAll); err != nil {
		return Verdict{}, err
	}
	sp, err := s.savepoint()
	if err != nil {
		return Verdict{}, err
	}
	n := s.changes.len()
	v, got, err := s.judgeTry(ctx, env, l, code, show)
	if s.tx.Epoch() != s.epoch {
		s.syncEpoch()
		return Verdict{Reason: "the code ended the transaction (a commit or a rollback); a lesson's tries leave it open"}, nil
	}
	if rerr := catch(func() { s.tx.RollbackTo(sp) }); rerr != nil && err == nil {
		err = rerr
	}
	s.changes.truncate(n)
	if err != nil || !v.Right || l.Compare == learn.CompareNone {
		return v, err
	}
	want, err := s.reference(ctx, env, l)
	if err != nil {
		return Verdict{}, err
	}
	if got != want {
		return Verdict{Reason: "the result differs from the expected one"}, nil
	}
	return v, nil
}

// judgeTry runs the learner's code and the lesson's Check, in the try's
// savepoint. got is the canonical value of the code's last expression.
func (s *Session) judgeTry(ctx context.Context, env *orm.Env, l *learn.Lesson, code string, show bool) (Verdict, string, error) {
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
	queries := s.tx.QueryCount() - q0
	if err != nil {
		if show {
			s.failHinted(code, withLine(code, err))
		}
		return Verdict{Reason: "the code failed: " + s.FormatError(err)}, "", nil
	}
	if show && !endsWithPrint(code) {
		if perr := s.print(res); perr != nil {
			fmt.Fprintln(s.errw, "printing the value failed: "+s.FormatError(perr))
		}
	}
	s.adoptEnv()
	if len(res.Values) == 0 && l.Compare != learn.CompareNone {
		return Verdict{Reason: "the entry has no value to judge: end it with an expression, the result"}, "", nil
	}
	value := lastValue(res)
	got := learn.Canon(value, l.Compare != learn.CompareSet)
	if l.Check == "" {
		return Verdict{Right: true}, got, nil
	}
	v, err := s.runCheck(ctx, env, l, value, queries)
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
