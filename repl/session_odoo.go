package repl

import (
	"context"
	"fmt"
	"strconv"
)

// metaWhy is :why MODEL ID [LOGIN]: whether env's user (or LOGIN) may
// read and write the record, and which access line or record rule
// decides (orm.Env.Why).
func (s *Session) metaWhy(_ context.Context, args []string) error {
	if len(args) != 2 && len(args) != 3 {
		return metaErr("usage: :why MODEL ID [LOGIN]")
	}
	if _, err := s.model(args[0]); err != nil {
		return err
	}
	id, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil || id <= 0 {
		return metaErr(":why: %q is not a record id", args[1])
	}
	var text string
	err = s.inSavepoint(func() {
		env := s.env
		if len(args) == 3 {
			env = env.WithUser(args[2])
		}
		text = env.Why(args[0], id)
	})
	if err != nil {
		return err
	}
	fmt.Fprint(s.out, text)
	return nil
}
