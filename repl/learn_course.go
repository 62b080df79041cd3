package repl

import (
	"context"
	"fmt"
	"io"

	"odsh/learn"
)

// CheckCourse runs every lesson's reference answer and its known wrong
// answer as tries (CheckLesson) and writes one line a lesson to w: "ok", or
// what went wrong. It returns the number of lessons that failed: an answer
// judged wrong, a wrong answer judged right, or a lesson that does not
// run. Every try is rolled back.
func (s *Session) CheckCourse(ctx context.Context, w io.Writer) (failed int, err error) {
	lessons, err := learn.All()
	if err != nil {
		return 0, err
	}
	for _, l := range lessons {
		why, msg := s.checkOne(ctx, l)
		if msg != "" {
			failed++
			fmt.Fprintf(w, "FAIL %2d %s: %s\n", l.Number, l.Name, msg)
			continue
		}
		fmt.Fprintf(w, "ok   %2d %-22s (the wrong answer: %s)\n", l.Number, l.Name, why)
	}
	return failed, nil
}

// checkOne checks one lesson; it returns why the wrong answer is judged
// wrong, and what is wrong with the lesson, or "".
func (s *Session) checkOne(ctx context.Context, l *learn.Lesson) (why, msg string) {
	v, err := s.CheckLesson(ctx, l, l.Answer)
	switch {
	case err != nil:
		return "", err.Error()
	case !v.Right:
		return "", "the reference answer is judged wrong: " + v.Reason
	}
	v, err = s.CheckLesson(ctx, l, l.Wrong)
	switch {
	case err != nil:
		return "", err.Error()
	case v.Right:
		return "", "the known wrong answer is judged right"
	}
	return v.Reason, ""
}
