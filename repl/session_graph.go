package repl

import (
	"context"
	"strconv"

	"odsh/modeldoc"
)

// metaGraph is :graph MODEL [DEPTH]: the models around MODEL, drawn as a
// tree of its relational fields (modeldoc.Graph).
func (s *Session) metaGraph(_ context.Context, args []string) error {
	if len(args) < 1 || len(args) > 2 {
		return metaErr("usage: :graph MODEL [DEPTH]")
	}
	depth := 1
	if len(args) == 2 {
		n, err := strconv.Atoi(args[1])
		if err != nil || n < 1 {
			return metaErr(":graph: depth %q: want a number, 1 or more", args[1])
		}
		depth = n
	}
	err := modeldoc.Graph(s.out, s.env.Registry(), args[0], depth, s.width())
	if err != nil {
		return metaErr(":graph: %v", err)
	}
	return nil
}
